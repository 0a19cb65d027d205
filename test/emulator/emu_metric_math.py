"""CloudWatch metric math: arithmetic, comparisons, logic and the functions
alarms may use, between series and numbers.

What CloudWatch documents
(https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html,
https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create-alarm-on-metric-math-expression.html):
  * operators + - * / ^, comparisons == != < <= > >= (1 true, 0 false) and
    the logical AND (&&) and OR (||);
  * IF(condition, trueValue[, falseValue]); FILL(series, value | REPEAT |
    LINEAR); ABS, CEIL, FLOOR, LOG, LOG10; MIN, MAX, SUM, AVG of one series
    (a number); SQRT is not among the functions an alarm may use, so it is
    refused here too (x ^ 0.5 is the alarm-safe square root);
  * a datapoint whose value is not a finite number (a division by zero) is
    dropped;
  * in alarms, a value missing from one series where another has one is
    treated as 0 (`missing_as_zero`); GetMetricData keeps the timestamps all
    series have.
A series is a dict {epoch seconds: value}; a number is a float.
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable

from moto.cloudwatch.exceptions import ValidationError

Value = Any  # float | dict[float, float]

_TOKEN = re.compile(
    r"\s*(?:(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|(==|!=|<=|>=|&&|\|\||\S))"
)
_KEYWORDS = {"AND": "&&", "OR": "||"}
_REFUSED = {"SQRT"}


def tokens(expression: str) -> list[tuple[str, str]]:
    found = []
    position = 0
    while position < len(expression):
        match = _TOKEN.match(expression, position)
        if not match or match.end() == position:
            break
        position = match.end()
        number, name, symbol = match.groups()
        if number is not None:
            found.append(("num", number))
        elif name is not None:
            keyword = _KEYWORDS.get(name.upper())
            found.append(("op", keyword) if keyword else ("id", name))
        elif symbol is not None:
            found.append(("op", symbol))
    return found


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def combine(left: Value, right: Value, op: Callable[[float, float], float], missing_as_zero: bool) -> Value:
    """`op` point by point; a number applies to every point of a series."""

    def safe(a: float, b: float) -> float | None:
        try:
            return _finite(op(a, b))
        except (ZeroDivisionError, OverflowError, ValueError):
            return None

    if isinstance(left, dict) and isinstance(right, dict):
        stamps = left.keys() | right.keys() if missing_as_zero else left.keys() & right.keys()
        pairs = {t: safe(left.get(t, 0.0), right.get(t, 0.0)) for t in stamps}
    elif isinstance(left, dict):
        pairs = {t: safe(v, right) for t, v in left.items()}
    elif isinstance(right, dict):
        pairs = {t: safe(left, v) for t, v in right.items()}
    else:
        return safe(left, right)
    return {t: v for t, v in pairs.items() if v is not None}


def _apply(value: Value, fn: Callable[[float], float]) -> Value:
    def safe(v: float) -> float | None:
        try:
            return _finite(fn(v))
        except (ValueError, OverflowError):
            return None

    if isinstance(value, dict):
        return {t: r for t, r in ((t, safe(v)) for t, v in value.items()) if r is not None}
    return safe(value)


def _at(value: Value, stamp: float, missing_as_zero: bool) -> float | None:
    if isinstance(value, dict):
        return value.get(stamp, 0.0 if missing_as_zero else None)
    return value


def if_function(args: list[Value], missing_as_zero: bool) -> Value:
    if len(args) not in (2, 3):
        raise ValidationError("IF takes a condition, a true value and an optional false value.")
    condition = args[0]
    if not isinstance(condition, dict):
        chosen = args[1] if condition else (args[2] if len(args) == 3 else None)
        return chosen
    result = {}
    for stamp, flag in condition.items():
        if flag:
            value = _at(args[1], stamp, missing_as_zero)
        else:
            # Without a false value, CloudWatch leaves the datapoint out.
            value = _at(args[2], stamp, missing_as_zero) if len(args) == 3 else None
        if value is not None:
            result[stamp] = value
    return result


def fill_function(args: list[Value], raw: list[tuple[str, str]], grid: list[float]) -> Value:
    if len(args) != 2 or not isinstance(args[0], dict):
        raise ValidationError("FILL takes a series and a value, REPEAT or LINEAR.")
    series = args[0]
    mode = raw[1] if raw[1][0] == "id" and raw[1][1].upper() in ("REPEAT", "LINEAR") else None
    known = sorted(series)
    filled = dict(series)
    for stamp in grid:
        if stamp in filled:
            continue
        before = [t for t in known if t < stamp]
        after = [t for t in known if t > stamp]
        if mode is None:
            filled[stamp] = float(args[1])
        elif mode[1].upper() == "REPEAT":
            # The last value before the gap; a gap at the start takes the first value.
            source = before[-1] if before else (after[0] if after else None)
            if source is not None:
                filled[stamp] = series[source]
        elif before and after:
            a, b = before[-1], after[0]
            filled[stamp] = series[a] + (series[b] - series[a]) * (stamp - a) / (b - a)
    return filled


_SCALAR = {
    "MIN": min,
    "MAX": max,
    "SUM": sum,
    "AVG": lambda values: sum(values) / len(values),
}
_POINTWISE: dict[str, Callable[[float], float]] = {
    "ABS": abs,
    "CEIL": lambda v: float(math.ceil(v)),
    "FLOOR": lambda v: float(math.floor(v)),
    "LOG": math.log,
    "LOG10": math.log10,
}


def call(name: str, args: list[Value], raw: list[tuple[str, str]], grid: list[float], missing_as_zero: bool) -> Value:
    upper = name.upper()
    if upper in _REFUSED:
        raise ValidationError(f"The function {name} is not supported in alarms; use ^0.5 for a square root.")
    if upper == "IF":
        return if_function(args, missing_as_zero)
    if upper == "FILL":
        return fill_function(args, raw, grid)
    if upper in _POINTWISE and len(args) == 1:
        return _apply(args[0], _POINTWISE[upper])
    if upper in _SCALAR and len(args) == 1:
        values = list(args[0].values()) if isinstance(args[0], dict) else [args[0]]
        return float(_SCALAR[upper](values)) if values else None
    if upper == "REMOVE_EMPTY" and len(args) == 1:
        return args[0]
    raise ValidationError(f"The metric math function {name} with {len(args)} argument(s) is not supported.")


_BINARY: dict[str, Callable[[float, float], float]] = {
    "||": lambda a, b: 1.0 if (a or b) else 0.0,
    "&&": lambda a, b: 1.0 if (a and b) else 0.0,
    "==": lambda a, b: 1.0 if a == b else 0.0,
    "!=": lambda a, b: 1.0 if a != b else 0.0,
    "<": lambda a, b: 1.0 if a < b else 0.0,
    "<=": lambda a, b: 1.0 if a <= b else 0.0,
    ">": lambda a, b: 1.0 if a > b else 0.0,
    ">=": lambda a, b: 1.0 if a >= b else 0.0,
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "^": lambda a, b: a**b,
}
# Loosest first; ^ binds tightest and is right-associative.
_LEVELS = [("||",), ("&&",), ("==", "!=", "<", "<=", ">", ">="), ("+", "-"), ("*", "/")]


def evaluate(expression: str, resolve: Callable[[str], Value], *, grid: list[float] | None = None,
             missing_as_zero: bool = False) -> Value:
    """The expression's value: a series or a number."""
    found = tokens(expression)
    position = 0

    def peek() -> tuple[str, str] | None:
        return found[position] if position < len(found) else None

    def take() -> tuple[str, str]:
        nonlocal position
        if position >= len(found):
            raise ValidationError(f"Incomplete metric math expression: {expression}")
        token = found[position]
        position += 1
        return token

    def binary(level: int) -> Value:
        if level == len(_LEVELS):
            return unary()
        value = binary(level + 1)
        while (token := peek()) is not None and token[0] == "op" and token[1] in _LEVELS[level]:
            take()
            value = combine(value, binary(level + 1), _BINARY[token[1]], missing_as_zero)
        return value

    def unary() -> Value:
        if peek() in (("op", "-"), ("op", "+")):
            sign = -1.0 if take()[1] == "-" else 1.0
            return combine(sign, unary(), _BINARY["*"], missing_as_zero)
        base = primary()
        if peek() == ("op", "^"):
            take()
            return combine(base, unary(), _BINARY["^"], missing_as_zero)
        return base

    def arguments() -> tuple[list[Value], list[tuple[str, str]]]:
        args, raw = [], []
        if peek() == ("op", ")"):
            take()
            return args, raw
        while True:
            raw.append(peek() or ("op", ""))
            token = peek()
            if token is not None and token[0] == "id" and token[1].upper() in ("REPEAT", "LINEAR"):
                take()
                args.append(None)
            else:
                args.append(binary(0))
            separator = take()
            if separator == ("op", ")"):
                return args, raw
            if separator != ("op", ","):
                raise ValidationError(f"Expected , or ) in metric math expression: {expression}")

    def primary() -> Value:
        token = take()
        if token == ("op", "("):
            value = binary(0)
            if take() != ("op", ")"):
                raise ValidationError(f"Unbalanced parentheses in metric math expression: {expression}")
            return value
        if token[0] == "num":
            return float(token[1])
        if token[0] == "id":
            if peek() == ("op", "("):
                take()
                args, raw = arguments()
                return call(token[1], args, raw, grid or [], missing_as_zero)
            return resolve(token[1])
        raise ValidationError(f"Unexpected {token[1]!r} in metric math expression: {expression}")

    value = binary(0)
    if position != len(found):
        raise ValidationError(f"Unexpected {found[position][1]!r} in metric math expression: {expression}")
    return value
