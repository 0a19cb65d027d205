"""Requests served by endpoint variants: simulated client traffic, model
behaviour (errors, latency), per-instance capacity, and what each request
leaves behind (CloudWatch metrics, traffic statistics, load for autoscaling).

Latency model. A variant's model draws each request's latency from a
log-normal distribution whose median and p99 are the behaviour's latencyMs
and latencyP99Ms: mu = ln(median), sigma = ln(p99 / median) / z99 with
z99 = 2.3263 (the standard normal's 99th percentile), so exp(mu) is the
median and exp(mu + z99 * sigma) the p99. Load then stretches it: with
utilisation u = load / capacity for the second the request arrives in,

    latency = drawn * 1 / (1 - 0.9 * min(u, 1) ** 3)

which is about x1.01 at 20 % load, x1.13 at 50 %, x1.85 at 80 % and x10 at
saturation: flat while there is headroom, steep near the limit, like a
queue in front of a fixed pool of workers. Requests beyond capacity within
a second are not served (5XX, cause "capacity").
"""

from __future__ import annotations

import math
import time
from collections import deque
from typing import Any

from moto.sagemaker import models as sm_models

import emu_cloudwatch as cloudwatch
import emu_deployment as deployments
from emu_core import SERVING, STATE, each_backend, iso, nearest_rank
from emu_sagemaker import config_request, emu, model_images, settle

Z99 = 2.3263478740408408
DEFAULT_BEHAVIOUR = {"errorRate": 0.0, "latencyMs": 40.0, "latencyP99Ms": 80.0}
# SageMaker's own share of a request (routing, auth, payload handling).
OVERHEAD = {"latencyMs": 1.5, "latencyP99Ms": 4.0}


def behaviour_rule(payload: Any) -> dict[str, Any]:
    if not isinstance(payload, dict) or not payload.get("match"):
        raise ValueError('expected a JSON object with at least "match"')
    error_rate = float(payload.get("errorRate") or 0.0)
    if not 0.0 <= error_rate <= 1.0:
        raise ValueError("errorRate must be between 0 and 1")
    median = float(payload.get("latencyMs") or DEFAULT_BEHAVIOUR["latencyMs"])
    if payload.get("latencyP99Ms") is not None:
        p99 = float(payload["latencyP99Ms"])
    elif payload.get("latencyMs") is not None:
        # Same spread as the default: p99 twice the median.
        p99 = 2.0 * median
    else:
        p99 = DEFAULT_BEHAVIOUR["latencyP99Ms"]
    if median <= 0 or p99 < median:
        raise ValueError("latencyMs must be > 0 and latencyP99Ms >= latencyMs")
    rule = {"match": str(payload["match"]), "errorRate": error_rate, "latencyMs": median, "latencyP99Ms": p99}
    unanswered_rate = float(payload.get("unansweredRate") or 0.0)
    if not 0.0 <= unanswered_rate <= 1.0 - error_rate:
        raise ValueError("unansweredRate must be between 0 and 1 - errorRate")
    if unanswered_rate > 0:
        # A share of requests the model never answers: SageMaker gives up on them (a timeout).
        rule["unansweredRate"] = unanswered_rate
    if "answer" in payload:
        # What the model answers every request it serves (a 200): a fast model that answers wrong is staged so.
        rule["answer"] = payload["answer"]
        # Numbers in it drawn within +/- jitter each time: a model that differs from another only within a tolerance.
        rule["jitter"] = float(payload.get("jitter") or 0.0)
    if "wrongAnswer" in payload:
        # A share of the requests it serves get this answer instead: a model wrong on some payloads only.
        wrong_rate = float(payload.get("wrongRate") or 0.0)
        if not 0.0 <= wrong_rate <= 1.0:
            raise ValueError("wrongRate must be between 0 and 1")
        if "answer" not in payload:
            raise ValueError('wrongAnswer needs "answer", what the other requests get')
        rule["wrongAnswer"], rule["wrongRate"] = payload["wrongAnswer"], wrong_rate
    return rule


def _jittered(value: Any, jitter: float, rng: Any) -> Any:
    if isinstance(value, bool) or jitter <= 0:
        return value
    if isinstance(value, (int, float)):
        return value + rng.uniform(-jitter, jitter)
    if isinstance(value, list):
        return [_jittered(item, jitter, rng) for item in value]
    if isinstance(value, dict):
        return {key: _jittered(item, jitter, rng) for key, item in value.items()}
    return value


def answer_of(behaviour: dict[str, Any], rng: Any) -> dict[str, Any]:
    """The model's answer to one request it served, when its rule sets one: {"answer": ...}, else {}."""
    if "answer" not in behaviour:
        return {}
    if behaviour.get("wrongRate", 0.0) > 0 and rng.random() < behaviour["wrongRate"]:
        return {"answer": behaviour["wrongAnswer"]}
    return {"answer": _jittered(behaviour["answer"], behaviour.get("jitter", 0.0), rng)}


def _draw_ms(rng: Any, median: float, p99: float) -> float:
    sigma = math.log(p99 / median) / Z99 if p99 > median else 0.0
    return median * math.exp(sigma * rng.gauss(0.0, 1.0))


def behaviour_of(backend: Any, model_name: str | None) -> dict[str, Any]:
    haystack = model_images(backend, model_name) + ([model_name] if model_name else [])
    for rule in STATE.behaviours:
        if any(rule["match"] in item for item in haystack):
            return rule
    return DEFAULT_BEHAVIOUR


def load_factor(utilisation: float) -> float:
    return 1.0 / (1.0 - 0.9 * min(max(utilisation, 0.0), 1.0) ** 3)


def _key(account: str, region: str, endpoint: str) -> str:
    return f"{account}/{region}/{endpoint}"


def find_endpoint(name: str) -> tuple[str, str, Any, Any] | None:
    for account, region, backend in each_backend(sm_models.sagemaker_backends):
        endpoint = backend.endpoints.get(name)
        if endpoint is not None:
            return account, region, backend, endpoint
    return None


def pick_variant(endpoint: Any, rng: Any, variants: list[dict[str, Any]] | None = None) -> str:
    # Without TargetVariant SageMaker routes by current weight (within the
    # fleet that serves the request, during a deployment).
    pool = endpoint.production_variants if variants is None else variants
    weighted = [(v["VariantName"], float(v.get("CurrentWeight") or 0.0)) for v in pool]
    total = sum(w for _, w in weighted)
    if total <= 0:
        return weighted[0][0]
    pick = rng.uniform(0, total)
    for candidate, weight in weighted:
        if weight > 0 and pick < weight:
            return candidate
        pick -= weight
    return next(name for name, weight in reversed(weighted) if weight > 0)


def _expected_rate(endpoint: Any, variant: str, fleet: dict[str, Any]) -> float:
    """Simulated requests per second this variant of this fleet gets by
    weight and by the fleet's share of the traffic."""
    spec = STATE.traffic.get(endpoint.endpoint_name)
    if not spec:
        return 0.0
    if fleet.get("sampling") is not None:
        # A shadow variant gets its sampled copy of everything the production variant gets.
        return spec["rate"] * fleet["share"] * fleet["sampling"]
    weights = {v["VariantName"]: float(v.get("CurrentWeight") or 0.0) for v in fleet["variants"]}
    total = sum(weights.values())
    return spec["rate"] * fleet["share"] * weights.get(variant, 0.0) / total if total > 0 else 0.0


def _capacity(fleet: dict[str, Any], variant: str, behaviour: dict[str, Any]) -> tuple[float, int]:
    """(requests per second the variant serves, instances behind it)."""
    summary = next((v for v in fleet["variants"] if v["VariantName"] == variant), {})
    spec = fleet["specs"].get(variant, {})
    serverless = summary.get("CurrentServerlessConfig") or spec.get("ServerlessConfig")
    if serverless:
        # Each concurrent slot serves one request per model latency.
        concurrency = int(serverless.get("MaxConcurrency") or 1)
        return concurrency * 1000.0 / behaviour["latencyMs"], 1
    instances = int(summary.get("CurrentInstanceCount") or 0)
    return STATE.capacity(spec.get("InstanceType")) * instances, instances


def live_fleet(endpoint: Any) -> dict[str, Any]:
    """The fleet the endpoint's live config runs, outside a deployment."""
    state = emu(endpoint)
    return {"config": endpoint.endpoint_config_name if state["updated"] else None,
            "variants": endpoint.production_variants, "specs": state["specs"], "shadows": state.get("shadows") or [],
            "share": 1.0, "new": False}


def publishing_of(backend: Any, endpoint: Any, fleet: dict[str, Any]) -> cloudwatch.Publishing:
    """What the config the fleet runs makes it publish (emu_cloudwatch.Publishing)."""
    config = backend.endpoint_configs.get(fleet["config"] or endpoint.endpoint_config_name)
    return cloudwatch.Publishing.of(config_request(config) if config is not None else {})


def serve(account: str, region: str, backend: Any, endpoint: Any, variant: str, at: float, *,
          invoked: bool, forced: dict[str, Any] | None = None, fleet: dict[str, Any] | None = None) -> dict[str, Any]:
    """One request reaching `variant` of `fleet` (emu_deployment.fleet_for;
    the live one by default): its outcome, recorded everywhere. `forced` (an
    invoke-failures rule) is the container's answer."""
    fleet = fleet or live_fleet(endpoint)
    name = endpoint.endpoint_name
    key = _key(account, region, name)
    spec = fleet["specs"].get(variant, {})
    behaviour = behaviour_of(backend, spec.get("ModelName"))
    rng = STATE.stream(f"serve|{key}|{variant}" + ("|new" if fleet["new"] else ""))
    capacity, instances = _capacity(fleet, variant, behaviour)
    second = int(at)
    # The new fleet's instances carry their own load.
    load = STATE.load.setdefault((key + ("|new" if fleet["new"] else ""), variant), {})
    load[second] = load.get(second, 0) + 1
    STATE.first_seen.setdefault((key, variant), at)
    STATE.recent.setdefault((key, variant), deque()).append(at)
    expected = _expected_rate(endpoint, variant, fleet)
    publishing = publishing_of(backend, endpoint, fleet)
    utilisation = max(load[second], expected) / capacity if capacity > 0 else math.inf
    if publishing.asynchronous:
        # An asynchronous endpoint queues what its instances cannot take yet (its backlog): nothing is
        # turned away, and the model answers at its own pace once it gets the request.
        utilisation = min(utilisation, 0.5)
    overhead_ms = _draw_ms(rng, OVERHEAD["latencyMs"], OVERHEAD["latencyP99Ms"])
    model_ms: float | None
    if load[second] > capacity and not publishing.asynchronous:
        status, cause, model_ms = 503, "capacity", None
    else:
        model_ms = _draw_ms(rng, behaviour["latencyMs"], behaviour["latencyP99Ms"]) * load_factor(utilisation)
        if forced is not None:
            status, cause = int(forced.get("status") or 500), "model"
        else:
            draw = rng.random() if behaviour["errorRate"] > 0 or behaviour.get("unansweredRate") else 1.0
            if draw < behaviour["errorRate"]:
                status, cause = 500, "model"
            elif draw < behaviour["errorRate"] + behaviour.get("unansweredRate", 0.0):
                # No status from the model: in InvocationModelErrors, not in Invocation5XXErrors; no ModelLatency.
                status, cause, model_ms = 0, "unanswered", None
            else:
                status, cause = 200, None
    cloudwatch.record(
        account, region, name, variant, fleet["config"], at,
        model_us=None if model_ms is None else model_ms * 1000.0,
        overhead_us=overhead_ms * 1000.0, status=status, instances=instances, publishing=publishing,
    )
    _count(name, variant, at, status, cause, model_ms, overhead_ms, invoked, fleet["config"],
           copied=fleet.get("sampling") is not None)
    outcome = {
        "variant": variant,
        "endpointConfigName": fleet["config"],
        "status": status,
        "cause": cause,
        "latencyMs": (model_ms or 0.0) + overhead_ms,
    }
    outcome.update(answer_of(behaviour, STATE.stream(f"answer|{key}|{variant}")))
    shadow = _copy_to_shadow(account, region, backend, endpoint, at, fleet)
    if shadow is not None:
        outcome["shadow"] = shadow
    return outcome


def _copy_to_shadow(account: str, region: str, backend: Any, endpoint: Any, at: float,
                    fleet: dict[str, Any]) -> dict[str, Any] | None:
    """A shadow variant gets a copy of a sampled share of the production variant's requests, and its answer goes
    nowhere: "Only the responses of the production variant are returned to the calling application"
    (https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests.html). The share is the shadow's weight against the
    production variant's: AWS's example sets the production weight to 1 and the shadow's to 0.5 to copy "50% of the
    production variant requests" (aws/amazon-sagemaker-examples, Shadow_variant.ipynb); AWS does not say how other
    weights combine, and the action always sets the production weight to 1. The copy is served, counted and
    published as the shadow variant's own (its metrics under its VariantName), and its outcome returned for data
    capture."""
    shadows = fleet.get("shadows") or []
    if not shadows or not fleet["variants"]:
        return None
    shadow = shadows[0]
    production = float(fleet["variants"][0].get("CurrentWeight") or 0.0)
    sampling = min(1.0, float(shadow.get("CurrentWeight") or 0.0) / production) if production > 0 else 0.0
    key = _key(account, region, endpoint.endpoint_name)
    if sampling <= 0 or STATE.stream(f"shadow|{key}").random() >= sampling:
        return None
    copy_fleet = {"config": fleet["config"], "variants": shadows, "specs": fleet["specs"], "share": fleet["share"],
                  "new": fleet["new"], "sampling": sampling}
    # Counted as a copy, not as a request anyone sent the shadow: requests = invoked + copies + users' own.
    return serve(account, region, backend, endpoint, shadow["VariantName"], at, invoked=False, fleet=copy_fleet)


def _count(endpoint: str, variant: str, at: float, status: int, cause: str | None, model_ms: float | None,
           overhead_ms: float, invoked: bool, config: str | None, *, copied: bool = False) -> None:
    stats = STATE.stats.setdefault(endpoint, {"rejected": 0, "variants": {}})
    per_variant = stats["variants"].setdefault(variant, {"minutes": {}})
    minute = int(at // 60) * 60
    buckets = [per_variant["minutes"]]
    if config:
        # Both fleets of a deployment run the same variant names: each
        # config (fleet) is counted on its own too.
        buckets.append(stats.setdefault("fleets", {}).setdefault(config, {"minutes": {}})["minutes"])
    for minutes in buckets:
        _add(minutes, minute, status, cause, model_ms, overhead_ms, invoked, copied)


def _add(minutes: dict[int, Any], minute: int, status: int, cause: str | None, model_ms: float | None,
         overhead_ms: float, invoked: bool, copied: bool) -> None:
    bucket = minutes.setdefault(
        minute, {"requests": 0, "invoked": 0, "copies": 0, "errors4xx": 0, "model": 0, "capacity": 0, "unanswered": 0,
                 "latencies": []}
    )
    bucket["requests"] += 1
    bucket["invoked"] += 1 if invoked else 0
    # A shadow variant's copies of requests: served, but their answers reach nobody.
    bucket["copies"] += 1 if copied else 0
    if 400 <= status < 500:
        bucket["errors4xx"] += 1
    elif status >= 500:
        bucket[cause or "model"] += 1
    elif status == 0:
        bucket["unanswered"] += 1
    if model_ms is not None:
        bucket["latencies"].append(model_ms + overhead_ms)


def reject(endpoint: str) -> None:
    STATE.stats.setdefault(endpoint, {"rejected": 0, "variants": {}})["rejected"] += 1


def recent_rate(account: str, region: str, endpoint: str, variant: str, now: float, window: float = 60.0) -> float | None:
    """Requests a minute the variant received over the last minute, or over
    the part of it since its first request; None without a request."""
    key = (_key(account, region, endpoint), variant)
    times = STATE.recent.get(key)
    while times and times[0] < now - window:
        times.popleft()
    if not times:
        return None
    span = min(window, max(1.0, now - STATE.first_seen.get(key, now - window)))
    return len(times) * 60.0 / span


def observed_seconds(account: str, region: str, endpoint: str, variant: str, now: float) -> float:
    """How long the variant has been receiving requests (0: never)."""
    first = STATE.first_seen.get((_key(account, region, endpoint), variant))
    return 0.0 if first is None else now - first


def set_traffic(endpoint: str, rate: float, now: float) -> None:
    if rate < 0 or not math.isfinite(rate):
        raise ValueError("ratePerSecond must be a number >= 0")
    if rate == 0:
        STATE.traffic.pop(endpoint, None)
        return
    spec = STATE.traffic.get(endpoint)
    if spec is None:
        STATE.traffic[endpoint] = {"rate": rate, "next": now}
    else:
        spec["rate"] = rate
        spec["next"] = min(spec["next"], now + 1.0 / rate)


def generate(now: float) -> None:
    """Sends the requests every simulated client owes up to `now`, each at
    its own time, evenly spaced (0.5/s is one request every 2 s)."""
    for name, spec in list(STATE.traffic.items()):
        interval = 1.0 / spec["rate"]
        while spec["next"] <= now:
            at = spec["next"]
            spec["next"] += interval
            _send(name, at)


def _send(name: str, at: float) -> None:
    found = find_endpoint(name)
    if found is None:
        reject(name)
        return
    account, region, backend, endpoint = found
    settle(backend, endpoint)
    # SageMaker only routes to an endpoint that is up; during an update the
    # old fleet keeps serving.
    if endpoint.endpoint_status not in SERVING or not endpoint.production_variants:
        reject(name)
        return
    import emu_components as components

    if components.hosts_components(backend, endpoint):
        # A request that names no inference component is refused there.
        reject(name)
        return
    key = _key(account, region, name)
    fleet = deployments.fleet_for(endpoint, STATE.stream(f"fleet|{key}"), at)
    variant = pick_variant(endpoint, STATE.stream(f"route|{key}"), fleet["variants"])
    serve(account, region, backend, endpoint, variant, at, invoked=False, fleet=fleet)


def prune(now: float) -> None:
    for load in STATE.load.values():
        for second in [s for s in load if s < now - 180]:
            del load[second]
    for times in STATE.recent.values():
        while times and times[0] < now - 60:
            times.popleft()


def _latency(values: list[float]) -> dict[str, float | None]:
    ordered = sorted(values)
    p50 = nearest_rank(ordered, None, 50)
    p99 = nearest_rank(ordered, None, 99)
    return {
        "p50": None if p50 is None else round(p50, 3),
        "p99": None if p99 is None else round(p99, 3),
    }


def _summary(buckets: list[dict[str, Any]]) -> dict[str, Any]:
    model = sum(b["model"] for b in buckets)
    capacity = sum(b["capacity"] for b in buckets)
    return {
        "requests": sum(b["requests"] for b in buckets),
        "invoked": sum(b["invoked"] for b in buckets),
        "copies": sum(b.get("copies", 0) for b in buckets),
        "errors4xx": sum(b["errors4xx"] for b in buckets),
        "errors5xx": {"model": model, "capacity": capacity, "total": model + capacity},
        "unanswered": sum(b.get("unanswered", 0) for b in buckets),
        "latencyMs": _latency([latency for b in buckets for latency in b["latencies"]]),
    }


def _entries(groups: dict[str, Any]) -> dict[str, Any]:
    result = {}
    for name, data in sorted(groups.items()):
        minutes = [data["minutes"][m] for m in sorted(data["minutes"])]
        entry = _summary(minutes)
        entry["minutes"] = [{"minute": iso(m), **_summary([data["minutes"][m]])} for m in sorted(data["minutes"])]
        result[name] = entry
    return result


def report() -> dict[str, Any]:
    endpoints = {}
    for name, stats in sorted(STATE.stats.items()):
        endpoints[name] = {"rejected": stats["rejected"], "variants": _entries(stats["variants"]),
                           "fleets": _entries(stats.get("fleets") or {})}
    return {"endpoints": endpoints, "time": time.time()}
