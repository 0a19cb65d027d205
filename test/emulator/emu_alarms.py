"""Metric alarms that evaluate as CloudWatch documents
(https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html,
https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html):

  * Cadence. Every alarm is evaluated every EVALUATION_SECONDS (10 s), so at
    least once a period for every period CloudWatch allows (10, 30 and
    multiples of 60 s). A state set with SetAlarmState "lasts only until the
    next alarm comparison": the next evaluation replaces it.
  * Evaluation range. CloudWatch retrieves more datapoints than
    EvaluationPeriods (N), how many "depends on the length of the alarm
    period and whether it is based on a metric with standard resolution or
    high resolution"; its one example retrieves 5 for N = 3. Reading taken:
    N + 2 periods for high-resolution periods (under 60 s), and for periods
    of a minute or more N + max(2, ceil(300 / period)), so a one-minute alarm
    still sees a SageMaker minute published up to three minutes after it
    began. The range ends with the period in progress.
  * Missing data. With at least N datapoints in the range, the newest N are
    judged and TreatMissingData plays no part. With none: `missing` gives
    INSUFFICIENT_DATA, `breaching` ALARM, `notBreaching` OK, `ignore` keeps
    the state. With some but fewer than N, the missing ones are filled as
    few times as possible: `breaching` counts them as breaching,
    `notBreaching` as not; `missing` and `ignore` judge the real ones, ALARM
    when DatapointsToAlarm of them breach, OK when one of them does not,
    otherwise INSUFFICIENT_DATA (`missing`) or the state kept (`ignore`).
    This matches AWS's tables but for one row (one stale breaching point
    under `missing` with N = 3 is ALARM there, INSUFFICIENT_DATA here: the
    reading that does not fire on a lone old point).
  * Metric math alarms treat a value missing from one series as 0
    (emu_metric_math).
"""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone
from typing import Any

from moto.cloudwatch import models as cw_models
from moto.cloudwatch.exceptions import ValidationError

from emu_cloudwatch import run_queries
from emu_core import each_backend

EVALUATION_SECONDS = 10.0

_COMPARE = {
    "GreaterThanOrEqualToThreshold": (lambda v, t: v >= t, "greater than or equal to"),
    "GreaterThanThreshold": (lambda v, t: v > t, "greater than"),
    "LessThanThreshold": (lambda v, t: v < t, "less than"),
    "LessThanOrEqualToThreshold": (lambda v, t: v <= t, "less than or equal to"),
}


def range_periods(period: int, evaluation_periods: int) -> int:
    """How many periods one evaluation retrieves (the evaluation range)."""
    if period < 60:
        return evaluation_periods + 2
    return evaluation_periods + max(2, math.ceil(300 / period))


def _metric_stat(namespace: str, name: str, dimensions: list[Any], period: int, stat: str, unit: Any) -> dict:
    return {
        "Metric": {
            "Namespace": namespace,
            "MetricName": name,
            "Dimensions": [{"Name": d.name, "Value": d.value} for d in dimensions],
        },
        "Period": int(period),
        "Stat": stat,
        "Unit": unit,
    }


def alarm_queries(alarm: Any) -> tuple[list[dict[str, Any]], str, int] | None:
    """The alarm as GetMetricData queries, the Id it judges and its period."""
    if alarm.metric_data_queries:
        queries, period, judged = [], None, None
        for q in alarm.metric_data_queries:
            query: dict[str, Any] = {"Id": q.id}
            if q.metric_stat is not None:
                ms = q.metric_stat
                query["MetricStat"] = _metric_stat(ms.metric.namespace, ms.metric.metric_name,
                                                   ms.metric.dimensions, ms.period, ms.stat, ms.unit)
                period = period or int(ms.period)
            if q.expression:
                query["Expression"] = q.expression
            if q.return_data in (True, "true", "True"):
                judged = q.id
            queries.append(query)
        if judged is None:
            expressions = [q["Id"] for q in queries if "Expression" in q]
            judged = expressions[-1] if expressions else queries[0]["Id"]
        return queries, judged, period or int(alarm.period or 60)
    stat = alarm.extended_statistic or alarm.statistic
    if not alarm.metric_name or not alarm.period or not stat:
        return None
    query = {"Id": "m", "MetricStat": _metric_stat(alarm.namespace, alarm.metric_name, alarm.dimensions,
                                                    alarm.period, stat, alarm.unit)}
    return [query], "m", int(alarm.period)


def _stamp(t: float) -> str:
    return datetime.fromtimestamp(t, timezone.utc).strftime("%d/%m/%y %H:%M:%S")


def judge(values: list[bool], evaluations: int, needed: int, treat: str, current: str) -> tuple[str, int]:
    """The state for the range's real datapoints, newest first (True:
    breaching), and how many of the judged ones breach."""
    if len(values) >= evaluations:
        breaching = sum(values[:evaluations])
        return ("ALARM" if breaching >= needed else "OK"), breaching
    breaching = sum(values)
    missing = evaluations - len(values)
    if treat == "breaching":
        breaching += missing
        return ("ALARM" if breaching >= needed else "OK"), breaching
    if treat == "notBreaching":
        return ("ALARM" if breaching >= needed else "OK"), breaching
    if breaching >= needed:
        return "ALARM", breaching
    if any(not v for v in values):
        return "OK", breaching
    return (current if treat == "ignore" else "INSUFFICIENT_DATA"), breaching


def _reason(state: str, breaching: int, evaluations: int, needed: int, present: list[tuple[float, float]],
            words: str, threshold: float) -> str:
    if not present:
        return f"Insufficient Data: {evaluations} datapoint(s) were unknown." if state != "ALARM" else (
            f"Threshold Crossed: no datapoints were received for {evaluations} period(s) and "
            f"{evaluations} missing datapoint(s) were treated as [Breaching]."
        )
    points = ", ".join(f"{v} ({_stamp(t)})" for t, v in present)
    verb = "was" if breaching == 1 else "were"
    if state == "ALARM":
        return (f"Threshold Crossed: {breaching} out of the last {evaluations} datapoints [{points}] {verb} "
                f"{words} the threshold ({threshold}) (minimum {needed} datapoint(s) for OK -> ALARM transition).")
    return (f"Threshold Crossed: {breaching} out of the last {evaluations} datapoints [{points}] {verb} "
            f"{words} the threshold ({threshold}), fewer than the {needed} needed for ALARM.")


def evaluate_alarm(backend: Any, alarm: Any, now: float) -> None:
    """One evaluation, as CloudWatch runs at least once a period."""
    if alarm.rule is not None or alarm.threshold_metric_id or alarm.comparison_operator not in _COMPARE:
        return
    plan = alarm_queries(alarm)
    if plan is None:
        return
    queries, judged, period = plan
    evaluations = max(1, int(alarm.evaluation_periods or 1))
    needed = max(1, min(evaluations, int(alarm.datapoints_to_alarm or evaluations)))
    current = math.floor(now / period)
    first = current - range_periods(period, evaluations) + 1
    try:
        series = run_queries(backend, queries, first * period, (current + 1) * period, now,
                             missing_as_zero=bool(alarm.metric_data_queries))[judged]
    except ValidationError:
        return
    compare, words = _COMPARE[alarm.comparison_operator]
    threshold = float(alarm.threshold)
    present = sorted(((t, v) for t, v in series.items() if first * period <= t), reverse=True)
    flags = [compare(v, threshold) for _, v in present]
    state, breaching = judge(flags, evaluations, needed, alarm.treat_missing_data or "missing", alarm.state_value)
    if state == alarm.state_value:
        # Like CloudWatch, only a change of state rewrites the reason.
        return
    judged_points = present[:evaluations]
    alarm.update_state(
        _reason(state, breaching, evaluations, needed, judged_points, words, threshold),
        json.dumps({
            "version": "1.0",
            "queryDate": _stamp(now),
            "startDate": _stamp(first * period),
            "period": period,
            "recentDatapoints": [v for _, v in reversed(judged_points)],
            "threshold": threshold,
        }),
        state,
    )


def evaluate_alarms(now: float) -> None:
    """Evaluates every alarm whose next 10-second evaluation has come."""
    slot = math.floor(now / EVALUATION_SECONDS)
    for _, _, backend in each_backend(cw_models.cloudwatch_backends):
        for alarm in list(backend.alarms.values()):
            if getattr(alarm, "_emu_slot", None) == slot:
                continue
            alarm._emu_slot = slot
            evaluate_alarm(backend, alarm, now)
