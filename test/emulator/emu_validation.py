"""Every AWS request checked against botocore's service models before moto
sees it, as AWS checks a request before acting on it: a request AWS would
refuse is refused here too, answered as AWS answers it (HTTP 400, a
ValidationException naming the parameter), recorded for
GET /emulator/invalid-requests and logged to stderr.

The validator is botocore's ParamValidator, which checks what a client
checks before sending (types, required and unknown members, tagged unions,
minimum lengths and values), with each parameter's place kept as a path so
that a message names it as AWS does, and with what AWS also refuses: a
value over its maximum length, size or value, outside its enum or not
matching its pattern. The answer is the code AWS documents for input that
"fails to satisfy the constraints specified by an AWS service" (HTTP 400,
https://docs.aws.amazon.com/sagemaker/latest/APIReference/CommonErrors.html),
in the words AWS's services use ("1 validation error detected: Value 'x' at
'productionVariants.1.member.variantName' failed to satisfy constraint:
Member must have length less than or equal to 63"; the exact wording is not
documented). Patterns are Java regular expressions matched against the
whole value, as AWS matches them (DynamoDB refuses the table name
'"smart-dcb-messages"' against [a-zA-Z0-9_.-]+, which part of it matches:
https://github.com/aws/aws-cli/issues/790); what Python's re reads
differently (\\p{L} and the like, surrogate pairs, \\z, ".") is
translated.

What is read: JSON 1.0/1.1 requests by their X-Amz-Target (SageMaker,
Application Auto Scaling, CloudWatch) and the SageMaker runtime's REST-JSON
requests (/endpoints/<name>/invocations...: the path label, the
X-Amzn-SageMaker-* headers and the body's size). Query-protocol and CBOR
requests, which neither the action nor the tests send, are passed on
unchecked.

The record of invalid requests outlives POST /moto-api/reset (a test resets
the emulator before it starts, and the check runs after it ends); only
DELETE /emulator/invalid-requests clears it."""

from __future__ import annotations

import base64
import binascii
import io
import json
import math
import re
import sys
import threading
import time
import unicodedata
import uuid
from typing import Any
from urllib.parse import parse_qs, unquote

import botocore.session
from botocore.validate import ParamValidator, ValidationErrors, range_check

# X-Amz-Target prefix -> botocore's service name (test/proxy/protocols.mjs
# recognises the same prefixes).
SERVICES_BY_TARGET = {
    "SageMaker": "sagemaker",
    "AnyScaleFrontendService": "application-autoscaling",
    "GraniteServiceVersion20100801": "cloudwatch",
}
RUNTIME_SERVICE = "sagemaker-runtime"

# Loading a service model takes a fraction of a second (SageMaker's is
# large): each is loaded when its first request arrives, once.
_models: dict[str, Any] = {}
_models_lock = threading.Lock()
_session: Any = None

# What AWS accepts that the botocore installed beside moto may not know yet:
# moto 5.2.1 runs with botocore releases older than the action's SDK (1.43.11
# lacks what is listed here). Each entry is applied only where the model
# lacks it.
MODEL_ADDITIONS: dict[tuple[str, str], list[str]] = {
    # Log alarms, which DescribeAlarms returns when AlarmTypes asks for them
    # (https://docs.aws.amazon.com/cli/latest/reference/cloudwatch/put-log-alarm.html,
    # https://docs.aws.amazon.com/cli/latest/reference/cloudwatch/wait/log-alarm-exists.html);
    # botocore's model has them from 1.43.107 at the latest.
    ("cloudwatch", "AlarmType"): ["LogAlarm"],
}

_record: list[dict[str, Any]] = []
_record_lock = threading.Lock()


def service_model(name: str) -> Any:
    global _session
    with _models_lock:
        if name not in _models:
            if _session is None:
                _session = botocore.session.get_session()
            _models[name] = _session.get_service_model(name)
        return _models[name]


# ---------------------------------------------------------------------------
# Java regular expressions as Python's re reads them
# ---------------------------------------------------------------------------

# Java's POSIX classes are ASCII-only unless UNICODE_CHARACTER_CLASS is set.
_POSIX = {
    "Lower": "a-z",
    "Upper": "A-Z",
    "ASCII": "\\x00-\\x7F",
    "Alpha": "a-zA-Z",
    "Digit": "0-9",
    "Alnum": "a-zA-Z0-9",
    "Punct": "!-/:-@\\[-`{-~",
    "Graph": "!-~",
    "Print": " -~",
    "Blank": " \\t",
    "Cntrl": "\\x00-\\x1F\\x7F",
    "XDigit": "0-9a-fA-F",
    "Space": " \\t\\n\\x0B\\f\\r",
}
_categories: dict[str, str] = {}
# Planes 4 to 13 are unassigned and 15 and 16 private use (Cn, Co): no
# pattern in the models asks for those, and skipping them makes the one scan
# a fifth of a second.
_SCANNED = (range(0, 0x40000), range(0xE0000, 0xF0000))


def _category_ranges(category: str) -> str:
    """A Unicode general category (L, Lu, N, Z...) as the ranges of a character class."""
    if not _categories:
        found: dict[str, list[list[int]]] = {}
        for block in _SCANNED:
            for code in block:
                full = unicodedata.category(chr(code))
                for name in (full, full[0]):
                    ranges = found.setdefault(name, [])
                    if ranges and ranges[-1][1] == code - 1:
                        ranges[-1][1] = code
                    else:
                        ranges.append([code, code])
        for name, ranges in found.items():
            _categories[name] = "".join(
                f"\\U{low:08X}" if low == high else f"\\U{low:08X}-\\U{high:08X}" for low, high in ranges
            )
    if category not in _categories:
        raise ValueError(f"unknown Unicode category {category}")
    return _categories[category]


def _class_body(name: str) -> str:
    return _POSIX[name] if name in _POSIX else _category_ranges(name)


_JAVA_DOT = "[^\\n\\r\\x85\\u2028\\u2029]"


def java_pattern(pattern: str) -> str:
    """Translates what Python's re reads differently from java.util.regex."""
    # A surrogate pair range is how Java patterns written for UTF-16 name the
    # supplementary planes.
    pattern = pattern.replace("\\uD800\\uDC00-\\uDBFF\\uDFFF", "\\U00010000-\\U0010FFFF")
    # "$" quantified ("...)${1,128}" in some tag patterns) is "$" to Java.
    pattern = re.sub(r"\$\{\d+(,\d*)?\}", "$", pattern)
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            escaped = pattern[i + 1]
            named = re.match(r"\{(\w+)\}", pattern[i + 2 :]) if escaped in "pP" else None
            if named:
                body = _class_body(named.group(1).removeprefix("Is"))
                if escaped == "P" and in_class:
                    raise ValueError(f"\\P{{...}} inside a character class: {pattern}")
                if in_class:
                    out.append(body)
                else:
                    out.append(f"[{'^' if escaped == 'P' else ''}{body}]")
                i += 2 + len(named.group(0))
                continue
            # Java's \z is Python's \Z (the very end of the input).
            out.append("\\Z" if escaped == "z" else char + escaped)
            i += 2
            continue
        if char == "." and not in_class:
            # Java's "." stops at every line terminator, Python's at "\n" alone
            # (https://docs.oracle.com/javase/8/docs/api/java/util/regex/Pattern.html#lt).
            out.append(_JAVA_DOT)
            i += 1
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class and out and out[-1] not in ("[", "[^"):
            in_class = False
        out.append(char)
        i += 1
    return "".join(out)


_compiled: dict[str, Any] = {}
_compiled_lock = threading.Lock()


def compiled_pattern(pattern: str) -> Any:
    """The pattern compiled for a whole-value match, or None when re cannot read it (logged once)."""
    with _compiled_lock:
        if pattern not in _compiled:
            try:
                _compiled[pattern] = re.compile(java_pattern(pattern))
            except (re.error, ValueError) as error:
                print(f"EMULATOR: pattern {pattern!r} not checked: {error}", file=sys.stderr, flush=True)
                _compiled[pattern] = None
        return _compiled[pattern]


# ---------------------------------------------------------------------------
# The validator: botocore's checks, and AWS's beyond them
# ---------------------------------------------------------------------------

# A parameter's place: member names and list indexes, or ("key", k) and
# ("value", k) for a map's entries.
Path = tuple[Any, ...]


class _Errors(ValidationErrors):
    """botocore's error list, with AWS's wording for each error."""

    def messages(self) -> list[dict[str, str]]:
        return [_describe(reason, path, details) for reason, path, details in self._errors]


def _sdk_name(path: Path) -> str:
    """ProductionVariants[0].VariantName, Environment["KEY"]: how an SDK user names the parameter."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif isinstance(part, tuple):
            text += f"[{json.dumps(part[1])}]" + (" (key)" if part[0] == "key" else "")
        else:
            text += f".{part}" if text else part
    return text or "input"


def _aws_name(path: Path) -> str:
    """productionVariants.1.member.variantName: how AWS's validation messages name it."""
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"{part + 1}.member")
        elif isinstance(part, tuple):
            parts.append(str(part[1]))
        else:
            parts.append(part[:1].lower() + part[1:])
    return ".".join(parts)


def _shown(value: Any, shape: Any) -> str:
    if shape is not None and shape.metadata.get("sensitive"):
        return "Value"
    text = "null" if value is None else str(value)
    if len(text) > 200:
        text = text[:200] + "..."
    return f"Value '{text}'"


def _describe(reason: str, path: Path, details: dict[str, Any]) -> dict[str, str]:
    name = _sdk_name(path)
    where = _aws_name(path)
    shape = details.get("shape")
    value = details.get("param")
    constraint = {
        "missing required field": "Member must not be null",
        "invalid length": f"Member must have length greater than or equal to {details.get('min_allowed')}",
        "invalid range": f"Member must have value greater than or equal to {details.get('min_allowed')}",
        "too long": f"Member must have length less than or equal to {details.get('max_allowed')}",
        "too large": f"Member must have value less than or equal to {details.get('max_allowed')}",
        "not in enum": f"Member must satisfy enum value set: [{', '.join(details.get('enum', []))}]",
        "no pattern match": f"Member must satisfy regular expression pattern: {details.get('pattern')}",
    }.get(reason)
    if reason == "missing required field":
        required = details["required_name"]
        name = _sdk_name(path + (required,))
        where = _aws_name(path + (required,))
        message = f"Value null at '{where}' failed to satisfy constraint: {constraint}"
    elif constraint is not None:
        message = f"{_shown(value, shape)} at '{where}' failed to satisfy constraint: {constraint}"
    elif reason == "unknown field":
        unknown = details["unknown_param"]
        name = _sdk_name(path + (unknown,))
        message = f"Unknown member '{unknown}' at '{where or 'input'}': expected one of {', '.join(details['valid_names'])}"
    elif reason in ("more than one input", "empty input"):
        message = f"Exactly one member of '{where}' must be set: one of {', '.join(details['members'])}"
    elif reason == "not base64":
        message = f"Value at '{where}' is not base64-encoded binary data"
    else:
        message = f"{_shown(value, shape)} at '{where}' is not {details.get('expected')}"
    return {"parameter": name, "message": message}


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class AwsParamValidator(ParamValidator):
    """botocore's ParamValidator, checking what AWS checks beyond it: maximum
    lengths, sizes and values, enums and patterns; timestamps and blobs as a
    JSON body carries them (epoch seconds, base64 text). `name` is a Path."""

    # A list of plain strings is checked item by item when they have any of these.
    VALIDATED_METADATA_ATTRS = ParamValidator.VALIDATED_METADATA_ATTRS | {"max", "pattern", "enum"}

    def __init__(self, service: str, blobs_as_base64: bool = True) -> None:
        self.service = service
        self.blobs_as_base64 = blobs_as_base64

    def validate(self, params: Any, shape: Any) -> _Errors:
        errors = _Errors()
        self._validate(params, shape, errors, ())
        return errors

    @staticmethod
    def _is(expected: str, name: Path, value: Any, shape: Any, errors: Any, valid: bool) -> bool:
        if not valid:
            errors.report(name, "wrong type", param=value, shape=shape, expected=expected)
        return valid

    @staticmethod
    def _at_most(name: Path, value: Any, shape: Any, reason: str, errors: Any, size: float) -> None:
        if "max" in shape.metadata and size > shape.metadata["max"]:
            errors.report(name, reason, param=value, shape=shape, max_allowed=shape.metadata["max"])

    @staticmethod
    def _at_least(name: Path, value: Any, shape: Any, reason: str, errors: Any, size: float) -> None:
        # botocore's own range check, with the value and shape kept for the message.
        found = ValidationErrors()
        range_check(name, size, shape, reason, found)
        for _, _, details in found._errors:
            errors.report(name, reason, param=value, shape=shape, min_allowed=details["min_allowed"])

    def _validate_structure(self, params: Any, shape: Any, errors: Any, name: Path) -> None:
        if not self._is("a structure (a JSON object)", name, params, shape, errors, isinstance(params, dict)):
            return
        # A JSON null member is an absent member (Smithy's JSON protocols).
        params = {key: value for key, value in params.items() if value is not None}
        if shape.is_tagged_union and len(params) != 1:
            errors.report(name, "empty input" if not params else "more than one input", members=list(shape.members))
        for required in shape.metadata.get("required", []):
            if required not in params:
                errors.report(name, "missing required field", required_name=required)
        members = shape.members
        for key, value in params.items():
            if key not in members:
                errors.report(name, "unknown field", unknown_param=key, valid_names=list(members))
            else:
                self._validate(value, members[key], errors, name + (key,))

    def _validate_list(self, param: Any, shape: Any, errors: Any, name: Path) -> None:
        if not self._is("a list", name, param, shape, errors, isinstance(param, list)):
            return
        self._at_least(name, param, shape, "invalid length", errors, len(param))
        self._at_most(name, param, shape, "too long", errors, len(param))
        for index, item in enumerate(param):
            self._validate(item, shape.member, errors, name + (index,))

    def _validate_map(self, param: Any, shape: Any, errors: Any, name: Path) -> None:
        if not self._is("a map (a JSON object)", name, param, shape, errors, isinstance(param, dict)):
            return
        self._at_least(name, param, shape, "invalid length", errors, len(param))
        self._at_most(name, param, shape, "too long", errors, len(param))
        for key, value in param.items():
            self._validate(key, shape.key, errors, name + (("key", key),))
            self._validate(value, shape.value, errors, name + (("value", key),))

    def _validate_document(self, params: Any, shape: Any, errors: Any, name: Any) -> None:
        # Any JSON value is a document.
        return None

    def _validate_string(self, param: Any, shape: Any, errors: Any, name: Path) -> None:
        if not self._is("a string", name, param, shape, errors, isinstance(param, str)):
            return
        self._at_least(name, param, shape, "invalid length", errors, len(param))
        self._at_most(name, param, shape, "too long", errors, len(param))
        enum = shape.metadata.get("enum")
        if enum:
            enum = enum + [value for value in MODEL_ADDITIONS.get((self.service, shape.name), []) if value not in enum]
        if enum and param not in enum:
            errors.report(name, "not in enum", param=param, shape=shape, enum=enum)
        pattern = shape.metadata.get("pattern")
        compiled = compiled_pattern(pattern) if pattern else None
        if compiled is not None and compiled.fullmatch(param) is None:
            errors.report(name, "no pattern match", param=param, shape=shape, pattern=pattern)

    def _validate_integer(self, param: Any, shape: Any, errors: Any, name: Path) -> None:
        if not self._is("a whole number", name, param, shape, errors, _is_number(param) and isinstance(param, int)):
            return
        self._at_least(name, param, shape, "invalid range", errors, param)
        self._at_most(name, param, shape, "too large", errors, param)

    _validate_long = _validate_integer

    def _validate_double(self, param: Any, shape: Any, errors: Any, name: Path) -> None:
        # JSON has no NaN or infinities: the JSON protocols send them as strings.
        if isinstance(param, str) and param in ("NaN", "Infinity", "-Infinity"):
            return
        if not self._is("a number", name, param, shape, errors, _is_number(param)):
            return
        self._at_least(name, param, shape, "invalid range", errors, param)
        self._at_most(name, param, shape, "too large", errors, param)

    _validate_float = _validate_double

    def _validate_boolean(self, param: Any, shape: Any, errors: Any, name: Path) -> None:
        self._is("true or false", name, param, shape, errors, isinstance(param, bool))

    def _validate_timestamp(self, param: Any, shape: Any, errors: Any, name: Path) -> None:
        # JSON protocols send epoch seconds unless the member says otherwise
        # (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html).
        text_format = shape.serialization.get("timestampFormat") in ("iso8601", "rfc822")
        if text_format:
            self._is("a timestamp", name, param, shape, errors, self._type_check_datetime(param))
            return
        valid = _is_number(param) and math.isfinite(param)
        self._is("a timestamp in epoch seconds", name, param, shape, errors, valid)

    def _validate_blob(self, param: Any, shape: Any, errors: Any, name: Path) -> None:
        if self.blobs_as_base64:
            # A JSON body carries binary data as base64 text.
            if not self._is("base64 text", name, param, shape, errors, isinstance(param, str)):
                return
            try:
                data = base64.b64decode(param, validate=True)
            except (binascii.Error, ValueError):
                errors.report(name, "not base64", param=param, shape=shape)
                return
        else:
            data = param
        self._at_least(name, data, shape, "invalid length", errors, len(data))
        self._at_most(name, data, shape, "too long", errors, len(data))


# ---------------------------------------------------------------------------
# Requests
# ---------------------------------------------------------------------------


def _body(environ: dict[str, Any]) -> bytes:
    """Reads the request body and puts it back for moto."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    stream = environ["wsgi.input"]
    if length:
        body = stream.read(length)
    elif environ.get("wsgi.input_terminated"):
        body = stream.read()
    else:
        body = b""
    environ["wsgi.input"] = io.BytesIO(body)
    return body


def _json_request(target: str, body: bytes) -> tuple[str, str, Any, Any] | None:
    prefix, _, operation = target.partition(".")
    service = SERVICES_BY_TARGET.get(prefix)
    if service is None:
        return None
    model = service_model(service)
    if operation not in model.operation_names:
        return None
    try:
        params = json.loads(body or b"{}")
    except ValueError:
        params = None
    return service, operation, params, model.operation_model(operation).input_shape


def _uri_template(uri: str) -> Any:
    """/endpoints/{EndpointName}/invocations as a regex with a group per label."""
    parts = re.split(r"\{(\w+)\+?\}", uri.split("?")[0])
    pattern = "".join(f"(?P<{part}>[^/]+)" if index % 2 else re.escape(part) for index, part in enumerate(parts))
    return re.compile(pattern + "$")


_runtime_routes: list[tuple[Any, str]] = []


def _runtime_request(environ: dict[str, Any], body: bytes) -> tuple[str, str, Any, Any] | None:
    model = service_model(RUNTIME_SERVICE)
    with _models_lock:
        if not _runtime_routes:
            for operation in model.operation_names:
                http = model.operation_model(operation).http
                _runtime_routes.append((_uri_template(http["requestUri"]), operation))
    path = environ.get("PATH_INFO", "")
    for template, operation in _runtime_routes:
        match = template.match(path)
        if match:
            break
    else:
        return None
    shape = model.operation_model(operation).input_shape
    query = parse_qs(environ.get("QUERY_STRING") or "")
    params: dict[str, Any] = {}
    for member, member_shape in shape.members.items():
        location = member_shape.serialization.get("location")
        wire = member_shape.serialization.get("name", member)
        if location == "uri" and match.group(wire) is not None:
            params[member] = unquote(match.group(wire))
        elif location == "header":
            value = environ.get("HTTP_" + wire.upper().replace("-", "_"))
            if wire.lower() == "content-type":
                value = environ.get("CONTENT_TYPE") or None
            if value is not None:
                params[member] = _header_value(value, member_shape)
        elif location == "querystring" and wire in query:
            values = query[wire]
            params[member] = values if member_shape.type_name == "list" else values[0]
        elif shape.serialization.get("payload") == member:
            params[member] = body
    return RUNTIME_SERVICE, operation, params, shape


def _header_value(value: str, shape: Any) -> Any:
    try:
        if shape.type_name in ("integer", "long"):
            return int(value)
        if shape.type_name in ("double", "float"):
            return float(value)
    except ValueError:
        return value
    if shape.type_name == "boolean":
        return {"true": True, "false": False}.get(value, value)
    return value


def check(environ: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes] | None:
    """None for a valid request (or one not read here); else AWS's answer to it."""
    target = environ.get("HTTP_X_AMZ_TARGET") or ""
    path = environ.get("PATH_INFO", "")
    if "." in target:
        body = _body(environ)
        request = _json_request(target, body)
    elif path.startswith("/endpoints/"):
        body = _body(environ)
        request = _runtime_request(environ, body)
    else:
        return None
    if request is None:
        return None
    service, operation, params, shape = request
    if shape is None:
        return None
    if not isinstance(params, dict):
        errors = [{"parameter": "input", "message": "The request body is not a JSON object"}]
    else:
        # A JSON body carries binary data as base64 text; the runtime's body is the bytes themselves.
        validator = AwsParamValidator(service, blobs_as_base64=service != RUNTIME_SERVICE)
        errors = validator.validate(params, shape).messages()
    if not errors:
        return None
    return _refuse(environ, service, operation, errors)


def _refuse(
    environ: dict[str, Any], service: str, operation: str, errors: list[dict[str, str]]
) -> tuple[int, list[tuple[str, str]], bytes]:
    count = len(errors)
    message = f"{count} validation error{'s' if count > 1 else ''} detected: " + "; ".join(
        error["message"] for error in errors
    )
    entry = {
        "service": service,
        "operation": operation,
        "errors": errors,
        "message": message,
        "userAgent": environ.get("HTTP_USER_AGENT") or "",
        "time": time.time(),
    }
    with _record_lock:
        _record.append(entry)
    parameters = ", ".join(dict.fromkeys(error["parameter"] for error in errors))
    print(f"EMULATOR: invalid request {service} {operation} ({parameters}): {message}", file=sys.stderr, flush=True)
    request_id = str(uuid.uuid4())
    if service == RUNTIME_SERVICE:
        # The runtime is REST-JSON: the code travels in x-amzn-ErrorType, and
        # its modeled error is ValidationError.
        headers = [("Content-Type", "application/json"), ("x-amzn-ErrorType", "ValidationError")]
        body = {"ErrorCode": "VALIDATION_ERROR", "Message": message}
    else:
        version = "1.0" if service == "cloudwatch" else "1.1"
        headers = [("Content-Type", f"application/x-amz-json-{version}")]
        if service == "cloudwatch":
            # CloudWatch speaks JSON on behalf of its query API, whose code for
            # this is ValidationError: it travels in x-amzn-query-error.
            headers.append(("x-amzn-query-error", "ValidationError;Sender"))
        body = {"__type": "ValidationException", "message": message}
    headers.append(("x-amzn-RequestId", request_id))
    return 400, headers, json.dumps(body).encode()


def invalid_requests() -> list[dict[str, Any]]:
    with _record_lock:
        return json.loads(json.dumps(_record))


def take_invalid_requests() -> list[dict[str, Any]]:
    """Clears the record, answering what it held: nothing recorded between the read and the clear is lost."""
    with _record_lock:
        taken = json.loads(json.dumps(_record))
        _record.clear()
    return taken
