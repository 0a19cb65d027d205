"""CloudWatch as SageMaker endpoints see it: invocation metrics per minute
(or per MetricsConfig period) published after the period closes plus a
delay, only those an endpoint of its kind publishes, GetMetricData and
GetMetricStatistics that align and round like CloudWatch, percentiles from
the raw distribution, metric math, and metric alarms that evaluate."""

from __future__ import annotations

import math
import re
import time
from datetime import datetime, timezone
from typing import Any

from moto.cloudwatch import models as cw_models
from moto.cloudwatch import responses as cw_responses
from moto.cloudwatch.exceptions import InvalidParameterValue, ValidationError

import emu_metric_math as metric_math
from emu_core import LOCK, STATE, epoch, iso, moto_time, nearest_rank

NAMESPACE = "AWS/SageMaker"
PERCENTILE = re.compile(r"^p(\d{1,2}(?:\.\d+)?|100)$")
DAY = 86400.0

# --------------------------------------------------------------------------
# Storage: a Values/Counts datum kept as one distribution
# --------------------------------------------------------------------------


class DistributionDatum(cw_models.MetricAggregatedDatum):
    """A PutMetricData datum with Values and Counts. moto expands each count
    into its own datum (a minute of traffic becomes thousands of objects);
    this keeps the distribution whole, so statistics stay exact and
    percentiles come from every sample of a period."""

    # moto's model registry files every model under the service named by
    # the second part of its module path.
    __module__ = "moto.cloudwatch.emulated"

    def __init__(self, namespace: str, name: str, values: list[float], counts: list[float],
                 dimensions: list[dict[str, str]], timestamp: Any, unit: Any = None) -> None:
        pairs: dict[float, float] = {}
        for value, count in zip(values, counts):
            if count > 0:
                pairs[float(value)] = pairs.get(float(value), 0.0) + float(count)
        ordered = sorted(pairs.items())
        self.values = [v for v, _ in ordered]
        self.counts = [c for _, c in ordered]
        super().__init__(
            namespace=namespace,
            name=name,
            min_stat=self.values[0] if self.values else 0.0,
            max_stat=self.values[-1] if self.values else 0.0,
            sample_count=sum(self.counts),
            sum_stat=sum(v * c for v, c in ordered),
            dimensions=dimensions,
            timestamp=timestamp,
            unit=unit,
        )


_orig_put_metric_data = cw_models.CloudWatchBackend.put_metric_data


def put_metric_data(self: Any, namespace: str, metric_data: list[dict[str, Any]]) -> None:
    distributions = [m for m in metric_data if m.get("Values")]
    others = [m for m in metric_data if not m.get("Values")]
    for index, metric in enumerate(metric_data):
        self._validate_parameters_put_metric_data(metric, index + 1)
    if others:
        _orig_put_metric_data(self, namespace, others)
    for metric in distributions:
        values = [float(v) for v in metric["Values"]]
        counts = [float(c) for c in (metric.get("Counts") or [1] * len(values))]
        self.metric_data.append(
            DistributionDatum(
                namespace,
                metric["MetricName"],
                values,
                counts,
                metric.get("Dimensions") or [],
                metric.get("Timestamp"),
                metric.get("Unit"),
            )
        )


# --------------------------------------------------------------------------
# Publication of endpoint metrics
# --------------------------------------------------------------------------


class Publishing:
    """What an endpoint's config makes it publish, and how often.

    An asynchronous endpoint (AsyncInferenceConfig) publishes no Invocations,
    InvocationsPerInstance or OverheadLatency: "Any metric not listed below is
    not published if the endpoint is enabled for asynchronous inference". It
    publishes per variant InvocationsProcesssed (so spelt on AWS's page),
    InvocationFailures ("If an invocation fails for any reason"),
    Invocation4XXErrors, Invocation5XXErrors and ModelLatency
    (https://docs.aws.amazon.com/sagemaker/latest/dg/async-inference-monitor.html).
    MetricsConfig's MetricPublishFrequencyInSeconds applies to invocation
    metrics with EnableEnhancedMetrics, else they stay at 60 s
    (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_MetricsConfig.html);
    AWS says nothing of asynchronous endpoints there, and the emulator applies
    it to them too."""

    __slots__ = ("asynchronous", "period")

    def __init__(self, asynchronous: bool = False, period: int = 60) -> None:
        self.asynchronous = asynchronous
        self.period = period

    @staticmethod
    def of(request: dict[str, Any]) -> "Publishing":
        metrics = request.get("MetricsConfig") or {}
        period = int(metrics.get("MetricPublishFrequencyInSeconds") or 60) if metrics.get("EnableEnhancedMetrics") else 60
        return Publishing(bool(request.get("AsyncInferenceConfig")), period)


class Aggregate:
    __slots__ = ("requests", "errors4xx", "errors5xx", "model_errors", "failures", "per_instance", "per_instance_min",
                 "per_instance_max", "model", "overhead", "publishing")

    def __init__(self, publishing: Publishing) -> None:
        self.publishing = publishing
        self.failures = 0
        self.model_errors = 0
        self.requests = 0
        self.errors4xx = 0
        self.errors5xx = 0
        self.per_instance = 0.0
        self.per_instance_min = math.inf
        self.per_instance_max = 0.0
        self.model: dict[int, int] = {}
        self.overhead: dict[int, int] = {}


def record(account: str, region: str, endpoint: str, variant: str, config: str | None, at: float, *,
           model_us: float | None, overhead_us: float, status: int, instances: int,
           publishing: Publishing | None = None) -> None:
    """One request that reached a variant (for an asynchronous endpoint, one
    it processed), in the period of `publishing` it fell in. `config` set:
    also counted in the EndpointConfigName-dimensioned set."""
    publishing = publishing or Publishing()
    start = int(at // publishing.period) * publishing.period
    for config_dimension in (None, config) if config else (None,):
        key = (account, region, endpoint, variant, config_dimension, publishing.period, start)
        aggregate = STATE.metric_buckets.get(key)
        if aggregate is None:
            aggregate = STATE.metric_buckets[key] = Aggregate(publishing)
        aggregate.requests += 1
        if 400 <= status < 500:
            aggregate.errors4xx += 1
        elif status >= 500:
            aggregate.errors5xx += 1
        if status >= 400 or status == 0:
            # Status 0: no answer from the model (a timeout). Not a 4XX or 5XX, but "did not result in 2XX".
            aggregate.failures += 1
            aggregate.model_errors += 1
        # InvocationsPerInstance: 1/instances is sent for each request
        # (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html).
        share = 1.0 / instances if instances > 0 else 1.0
        aggregate.per_instance += share
        aggregate.per_instance_min = min(aggregate.per_instance_min, share)
        aggregate.per_instance_max = max(aggregate.per_instance_max, share)
        if model_us is not None:
            value = max(1, int(round(model_us)))
            aggregate.model[value] = aggregate.model.get(value, 0) + 1
        value = max(1, int(round(overhead_us)))
        aggregate.overhead[value] = aggregate.overhead.get(value, 0) + 1


class ComponentAggregate:
    """One period of one inference component's invocation metrics: a minute,
    or its endpoint config's MetricsConfig frequency."""

    __slots__ = ("variant", "period", "requests", "errors4xx", "errors5xx", "model_errors", "per_copy", "per_copy_min",
                 "per_copy_max", "model", "overhead")

    def __init__(self, variant: str, period: int) -> None:
        self.variant = variant
        self.period = period
        self.requests = 0
        self.errors4xx = 0
        self.errors5xx = 0
        self.model_errors = 0
        self.per_copy = 0.0
        self.per_copy_min = math.inf
        self.per_copy_max = 0.0
        self.model: dict[int, int] = {}
        self.overhead: dict[int, int] = {}


def record_component(account: str, region: str, endpoint: str, variant: str, component: str, at: float, *,
                     model_us: float | None, overhead_us: float, status: int, model_error: bool,
                     copies: int, period: int = 60) -> None:
    """One request that reached a copy of an inference component, counted in
    the AWS/SageMaker metrics with the one dimension InferenceComponentName
    (https://docs.aws.amazon.com/sagemaker/latest/dg/monitoring-cloudwatch.html:
    "Filters inference component invocation metrics"). Published with the
    endpoint's variant metrics, period by period, after the same delay."""
    start = int(at // period) * period
    key = (account, region, endpoint, component, start)
    aggregate = STATE.component_buckets.get(key)
    if aggregate is None:
        aggregate = STATE.component_buckets[key] = ComponentAggregate(variant, period)
    aggregate.requests += 1
    if 400 <= status < 500:
        aggregate.errors4xx += 1
    elif status >= 500:
        aggregate.errors5xx += 1
    if model_error:
        aggregate.model_errors += 1
    # InvocationsPerCopy: "normalized by each copy of an inference
    # component": 1/copies for each request, as InvocationsPerInstance is.
    share = 1.0 / copies if copies > 0 else 1.0
    aggregate.per_copy += share
    aggregate.per_copy_min = min(aggregate.per_copy_min, share)
    aggregate.per_copy_max = max(aggregate.per_copy_max, share)
    if model_us is not None:
        value = max(1, int(round(model_us)))
        aggregate.model[value] = aggregate.model.get(value, 0) + 1
    value = max(1, int(round(overhead_us)))
    aggregate.overhead[value] = aggregate.overhead.get(value, 0) + 1


def _delay(account: str, region: str, endpoint: str, minute: int) -> float:
    key = (f"{account}/{region}/{endpoint}", minute)
    delay = STATE.delays.get(key)
    if delay is None:
        low, high = STATE.metrics_delay
        delay = STATE.derived(f"delay|{key[0]}|{minute}").uniform(low, high)
        STATE.delays[key] = delay
    return delay


def due_at(account: str, region: str, endpoint: str, start: int, period: int = 60) -> float:
    return start + period + _delay(account, region, endpoint, start)


def publish_due(now: float) -> None:
    instant = STATE.metrics_mode == "instant"
    for key in sorted(STATE.metric_buckets, key=lambda k: k[-1]):
        account, region, endpoint, variant, config, period, start = key
        due = None if instant else due_at(account, region, endpoint, start, period)
        if due is not None and now < due:
            continue
        aggregate = STATE.metric_buckets.pop(key)
        backend = cw_models.cloudwatch_backends[account][region]
        _publish(backend, endpoint, variant, config, start, aggregate)
        if due is not None:
            _note_publication(endpoint, variant, config, start, due, now, aggregate)
    for key in sorted(STATE.component_buckets, key=lambda k: k[-1]):
        account, region, endpoint, component, start = key
        # The delay is drawn per (endpoint, period): an inference
        # component's period becomes readable with its endpoint's.
        period = STATE.component_buckets[key].period
        due = None if instant else due_at(account, region, endpoint, start, period)
        if due is not None and now < due:
            continue
        part = STATE.component_buckets.pop(key)
        _publish_component(cw_models.cloudwatch_backends[account][region], component, start, part)
        if due is not None:
            STATE.publications.append(
                {
                    "endpoint": endpoint,
                    "variant": part.variant,
                    "endpointConfigName": None,
                    "inferenceComponent": component,
                    "minute": iso(start),
                    "periodSeconds": period,
                    "dueAt": round(due, 3),
                    "publishedAt": round(now, 3),
                    "delaySeconds": round(due - start - period, 3),
                    "invocations": part.requests,
                    "errors5xx": part.errors5xx,
                    "failures": None,
                }
            )


def _note_publication(endpoint: str, variant: str, config: str | None, start: int, due: float, now: float,
                      a: Aggregate) -> None:
    """When a closed period became readable, for GET /emulator/metric-publications.
    Every CloudWatch request first publishes what is due, so a period is
    readable from `dueAt` on; `publishedAt` is the sync that did it (the tick
    or the first read after `dueAt`). Instant mode publishes every request at
    once and notes nothing. `minute` is the period's start, a minute's unless
    the endpoint's MetricsConfig says otherwise."""
    period = a.publishing.period
    STATE.publications.append(
        {
            "endpoint": endpoint,
            "variant": variant,
            "endpointConfigName": config,
            "inferenceComponent": None,
            "minute": iso(start),
            "periodSeconds": period,
            "dueAt": round(due, 3),
            "publishedAt": round(now, 3),
            "delaySeconds": round(due - start - period, 3),
            "invocations": a.requests,
            "errors5xx": a.errors5xx,
            "failures": a.failures if a.publishing.asynchronous else None,
        }
    )


def _publish(backend: Any, endpoint: str, variant: str, config: str | None, start: int, a: Aggregate) -> None:
    dimensions = [{"Name": "EndpointName", "Value": endpoint}, {"Name": "VariantName", "Value": variant}]
    if config:
        dimensions.append({"Name": "EndpointConfigName", "Value": config})
    stamp = moto_time(start)

    def counter(name: str, total: float, low: float, high: float) -> None:
        backend.metric_data.append(
            cw_models.MetricAggregatedDatum(
                namespace=NAMESPACE, name=name, min_stat=low, max_stat=high, sample_count=float(a.requests),
                sum_stat=float(total), dimensions=dimensions, timestamp=stamp, unit="None",
            )
        )

    def flag(name: str, hits: int) -> None:
        # For each response 1 or 0 is sent, so Average is the error rate.
        counter(name, hits, 0.0 if hits < a.requests else 1.0, 1.0 if hits else 0.0)

    flag("Invocation4XXErrors", a.errors4xx)
    flag("Invocation5XXErrors", a.errors5xx)
    if a.publishing.asynchronous:
        counter("InvocationsProcesssed", a.requests, 1.0, 1.0)
        flag("InvocationFailures", a.failures)
        latencies = (("ModelLatency", a.model),)
    else:
        counter("Invocations", a.requests, 1.0, 1.0)
        # "The number of model invocation requests which did not result in 2XX HTTP response. This includes 4XX/5XX
        # status codes, low-level socket errors, malformed HTTP responses, and request timeouts."
        flag("InvocationModelErrors", a.model_errors)
        counter("InvocationsPerInstance", a.per_instance, a.per_instance_min, a.per_instance_max)
        latencies = (("ModelLatency", a.model), ("OverheadLatency", a.overhead))
    for name, samples in latencies:
        if not samples:
            continue
        values = list(samples)
        counts = [samples[v] for v in values]
        if STATE.latency_percentiles:
            backend.metric_data.append(
                DistributionDatum(NAMESPACE, name, values, counts, dimensions, stamp, "Microseconds")
            )
        else:
            # As a statistic set: Average, Sum, Minimum, Maximum and SampleCount
            # only, the statistics AWS's metric table lists for ModelLatency.
            backend.metric_data.append(
                cw_models.MetricAggregatedDatum(
                    namespace=NAMESPACE, name=name, min_stat=min(values), max_stat=max(values),
                    sample_count=float(sum(counts)), sum_stat=float(sum(v * c for v, c in zip(values, counts))),
                    dimensions=dimensions, timestamp=stamp, unit="Microseconds",
                )
            )


def _latency_datum(backend: Any, name: str, samples: dict[int, int], dimensions: list[dict[str, str]],
                   stamp: Any) -> None:
    values = list(samples)
    counts = [samples[v] for v in values]
    if STATE.latency_percentiles:
        backend.metric_data.append(DistributionDatum(NAMESPACE, name, values, counts, dimensions, stamp, "Microseconds"))
    else:
        backend.metric_data.append(
            cw_models.MetricAggregatedDatum(
                namespace=NAMESPACE, name=name, min_stat=min(values), max_stat=max(values),
                sample_count=float(sum(counts)), sum_stat=float(sum(v * c for v, c in zip(values, counts))),
                dimensions=dimensions, timestamp=stamp, unit="Microseconds",
            )
        )


def _publish_component(backend: Any, component: str, start: int, a: ComponentAggregate) -> None:
    """An inference component's minute: Invocations, Invocation4XXErrors,
    Invocation5XXErrors, InvocationModelErrors ("1 is sent; otherwise, 0"),
    InvocationsPerCopy, ModelLatency and OverheadLatency, dimension
    InferenceComponentName only. Old and new copies of an update count
    alike: AWS documents no dimension that tells them apart."""
    dimensions = [{"Name": "InferenceComponentName", "Value": component}]
    stamp = moto_time(start)

    def counter(name: str, total: float, low: float, high: float) -> None:
        backend.metric_data.append(
            cw_models.MetricAggregatedDatum(
                namespace=NAMESPACE, name=name, min_stat=low, max_stat=high, sample_count=float(a.requests),
                sum_stat=float(total), dimensions=dimensions, timestamp=stamp, unit="None",
            )
        )

    def flag(name: str, hits: int) -> None:
        counter(name, hits, 0.0 if hits < a.requests else 1.0, 1.0 if hits else 0.0)

    counter("Invocations", a.requests, 1.0, 1.0)
    flag("Invocation4XXErrors", a.errors4xx)
    flag("Invocation5XXErrors", a.errors5xx)
    flag("InvocationModelErrors", a.model_errors)
    counter("InvocationsPerCopy", a.per_copy, a.per_copy_min, a.per_copy_max)
    for name, samples in (("ModelLatency", a.model), ("OverheadLatency", a.overhead)):
        if samples:
            _latency_datum(backend, name, samples, dimensions, stamp)


# --------------------------------------------------------------------------
# Reading: one engine behind GetMetricData, GetMetricStatistics and alarms
# --------------------------------------------------------------------------


def to_epoch(value: Any) -> float:
    if isinstance(value, datetime):
        return epoch(value)
    if isinstance(value, (int, float)):
        return float(value)
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).astimezone(timezone.utc).timestamp()


def round_start(start: float, now: float, period: int) -> float:
    """CloudWatch rounds StartTime down: to the period for high-resolution
    periods (1, 5, 10, 20, 30 s), otherwise to the minute when less than 15
    days ago, 5 minutes up to 63 days, the hour beyond
    (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html,
    same rule in API_GetMetricStatistics.html)."""
    if period in (1, 5, 10, 20, 30):
        unit = float(period)
    else:
        age = now - start
        unit = 60.0 if age < 15 * DAY else 300.0 if age < 63 * DAY else 3600.0
    return math.floor(start / unit) * unit


def _dimension_set(dimensions: Any) -> frozenset:
    result = set()
    for d in dimensions or []:
        if isinstance(d, dict):
            result.add((d.get("Name"), d.get("Value")))
        else:
            result.add((d.name, d.value))
    return frozenset(result)


def select(backend: Any, namespace: str, name: str, dimensions: Any, unit: str | None,
           start: float, end: float) -> list[tuple[float, Any]]:
    """Datums of exactly this metric (a metric is its namespace, name and
    full set of dimensions) in [start, end)."""
    wanted = _dimension_set(dimensions)
    found = []
    for md in backend.metric_data:
        if md.name != name or md.namespace != namespace:
            continue
        if unit and md.unit != unit:
            continue
        if _dimension_set(md.dimensions) != wanted:
            continue
        at = to_epoch(md.timestamp)
        if start <= at < end:
            found.append((at, md))
    return found


def statistic(data: list[Any], stat: str) -> float | None:
    singles = [m.value for m in data if isinstance(m, cw_models.MetricDatum)]
    aggregates = [m for m in data if isinstance(m, cw_models.MetricAggregatedDatum)]
    count = len(singles) + sum(float(a.sample_count) for a in aggregates)
    total = sum(singles) + sum(float(a.sum) for a in aggregates)
    if stat == "Sum":
        return total
    if stat == "SampleCount":
        return count
    if stat == "Average":
        return total / count if count else None
    if stat == "Minimum":
        pool = singles + [a.min for a in aggregates]
        return min(pool) if pool else None
    if stat == "Maximum":
        pool = singles + [a.max for a in aggregates]
        return max(pool) if pool else None
    match = PERCENTILE.match(stat)
    if match:
        distribution: dict[float, float] = {}
        for value in singles:
            distribution[value] = distribution.get(value, 0.0) + 1.0
        for a in aggregates:
            if isinstance(a, DistributionDatum):
                for value, n in zip(a.values, a.counts):
                    distribution[value] = distribution.get(value, 0.0) + n
        for a in aggregates:
            if isinstance(a, DistributionDatum):
                continue
            # CloudWatch computes a percentile from a statistic set only when
            # it holds one sample or its Min equals its Max
            # (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html).
            if a.sample_count != 1 and a.min != a.max:
                return None
            distribution[a.min] = distribution.get(a.min, 0.0) + float(a.sample_count)
        if not distribution:
            return None
        values = sorted(distribution)
        return nearest_rank(values, [distribution[v] for v in values], float(match.group(1)))
    raise ValidationError(f"The statistic {stat} is not supported by this emulator.")


def buckets(found: list[tuple[float, Any]], start: float, period: int) -> dict[float, list[Any]]:
    grouped: dict[float, list[Any]] = {}
    for at, md in found:
        bucket = start + math.floor((at - start) / period) * period
        grouped.setdefault(bucket, []).append(md)
    return grouped


def metric_series(backend: Any, metric_stat: dict[str, Any], start: float, end: float) -> dict[float, float]:
    metric = metric_stat.get("Metric") or {}
    period = int(metric_stat["Period"])
    found = select(backend, metric.get("Namespace"), metric.get("MetricName"), metric.get("Dimensions"),
                   metric_stat.get("Unit"), start, end)
    series = {}
    for bucket, data in buckets(found, start, period).items():
        value = statistic(data, metric_stat["Stat"])
        if value is not None:
            series[bucket] = float(value)
    return series


def run_queries(backend: Any, queries: list[dict[str, Any]], start: float, end: float,
                now: float, *, missing_as_zero: bool = False) -> dict[str, dict[float, float]]:
    """Every query's series by Id: MetricStat queries on their own Period
    from the rounded StartTime, expressions over those (emu_metric_math;
    alarms treat a value missing from one series as 0)."""
    by_id = {q.get("Id"): q for q in queries}
    periods = [int(q["MetricStat"]["Period"]) for q in queries if q.get("MetricStat")]
    period = periods[0] if periods else 60
    first = round_start(start, now, period)
    grid = [first + k * period for k in range(max(0, math.ceil((end - first) / period)))]
    results: dict[str, dict[float, float]] = {}
    resolving: set[str] = set()

    def resolve(query_id: str) -> Any:
        if query_id in results:
            return results[query_id]
        query = by_id.get(query_id)
        if query is None:
            raise ValidationError(f"Metric math expression refers to an unknown Id: {query_id}")
        if query_id in resolving:
            raise ValidationError(f"Circular metric math reference through {query_id}")
        resolving.add(query_id)
        if query.get("MetricStat"):
            period = int(query["MetricStat"]["Period"])
            series = metric_series(backend, query["MetricStat"], round_start(start, now, period), end)
        elif query.get("Expression"):
            if query["Expression"].lstrip().upper().startswith("SELECT"):
                raise ValidationError("Metrics Insights queries are not supported by this emulator.")
            value = metric_math.evaluate(query["Expression"], resolve, grid=grid, missing_as_zero=missing_as_zero)
            series = value if isinstance(value, dict) else {}
        else:
            raise ValidationError("The parameter MetricDataQueries.member.1.MetricStat is required.\n")
        resolving.discard(query_id)
        results[query_id] = series
        return series

    for query in queries:
        resolve(query.get("Id"))
    return results


def get_metric_data(self: Any, queries: list[dict[str, Any]], start_time: Any, end_time: Any,
                    scan_by: str = "TimestampDescending") -> list[dict[str, Any]]:
    start, end, now = to_epoch(start_time), to_epoch(end_time), time.time()
    if start >= end:
        raise ValidationError(
            "The parameter StartTime must not equal parameter EndTime." if start == end
            else "The parameter EndTime must be greater than StartTime."
        )
    series = run_queries(self, queries, start, end, now)
    results = []
    for query in queries:
        if query.get("ReturnData") is False:
            continue
        points = sorted(series[query["Id"]].items(), reverse=scan_by != "TimestampAscending")
        if query.get("Label"):
            label = query["Label"]
        elif query.get("MetricStat"):
            label = query["MetricStat"]["Metric"].get("MetricName")
        else:
            label = query["Id"]
        results.append(
            {
                "id": query["Id"],
                "label": label,
                "timestamps": [moto_time(t) for t, _ in points],
                "values": [v for _, v in points],
                "status_code": "Complete",
            }
        )
    return results


def get_metric_statistics(self: Any) -> Any:
    statistics = self._get_param("Statistics") or []
    extended = self._get_param("ExtendedStatistics") or []
    if not statistics and not extended:
        raise cw_models.InvalidParameterCombination("Must specify either Statistics or ExtendedStatistics")
    start, end = to_epoch(self._get_param("StartTime")), to_epoch(self._get_param("EndTime"))
    if start >= end:
        raise InvalidParameterValue("The parameter StartTime must be less than the parameter EndTime.")
    period = int(self._get_param("Period"))
    start = round_start(start, time.time(), period)
    found = select(self.cloudwatch_backend, self._get_param("Namespace"), self._get_param("MetricName"),
                   self._get_param("Dimensions", []), self._get_param("Unit"), start, end)
    datapoints = []
    for bucket, data in sorted(buckets(found, start, period).items()):
        stats = cw_models.Statistics(statistics, moto_time(bucket), unit=data[0].unit)
        stats.metric_data = data
        for stat in statistics:
            # moto's own Statistics properties, fed by the exact engine.
            value = statistic(data, stat)
            setattr(stats, f"_emu_{stat}", value)
        stats.extended_statistics = {stat: statistic(data, stat) for stat in extended} if extended else None
        datapoints.append(stats)
    return cw_responses.ActionResult({"Label": self._get_param("MetricName"), "Datapoints": datapoints})


# --------------------------------------------------------------------------
# Every CloudWatch request first brings the world up to date
# --------------------------------------------------------------------------

_orig_call_action = cw_responses.CloudWatchResponse.call_action


def call_action(self: Any) -> Any:
    from emu_world import sync

    with LOCK:
        sync(time.time())
        return _orig_call_action(self)


_orig_statistics_property = {name: getattr(cw_models.Statistics, name) for name in
                             ("sum", "average", "minimum", "maximum", "sample_count")}


def _statistic_property(name: str, stat: str) -> property:
    original = _orig_statistics_property[name]

    def getter(self: Any) -> Any:
        if hasattr(self, f"_emu_{stat}"):
            return getattr(self, f"_emu_{stat}")
        return original.fget(self)

    return property(getter)


def install() -> None:
    backend = cw_models.CloudWatchBackend
    backend.put_metric_data = put_metric_data
    backend.get_metric_data = get_metric_data
    cw_responses.CloudWatchResponse.get_metric_statistics = get_metric_statistics
    cw_responses.CloudWatchResponse.call_action = call_action
    for name, stat in (("sum", "Sum"), ("average", "Average"), ("minimum", "Minimum"), ("maximum", "Maximum"),
                       ("sample_count", "SampleCount")):
        setattr(cw_models.Statistics, name, _statistic_property(name, stat))
