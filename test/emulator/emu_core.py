"""Shared state of the emulator: the lock, the settings, the random streams
and small helpers every other module uses. Everything that POST
/moto-api/reset must forget lives on STATE."""

from __future__ import annotations

import math
import os
import random
import re
import sys
import threading
from datetime import datetime, timezone
from typing import Any, Iterator

# Werkzeug serves each request on its own thread and the tick thread runs
# beside them; every read-modify-write of emulator or moto state happens under
# this lock so a poll cannot race a transition, a publication or a scaling
# step.
LOCK = threading.RLock()

IN_PROGRESS = ("Creating", "Updating", "SystemUpdating", "RollingBack", "Deleting")
# States in which SageMaker keeps answering InvokeEndpoint on the fleet that
# is live (an update serves from the old fleet until it completes).
SERVING = ("InService", "Updating", "SystemUpdating", "RollingBack")
VARIANT_DIMENSION = "sagemaker:variant:DesiredInstanceCount"

METRICS_MODES = ("faithful", "instant")

# Size multipliers relative to a ".large" instance of the same family:
# AWS doubles vCPUs (and, for inference, roughly throughput) with each size.
_SIZE = re.compile(r"^(?:(\d+)?x)?large$")
_SMALL_SIZES = {"medium": 0.5, "small": 0.25, "micro": 0.125, "nano": 0.0625}


def _exit(message: str) -> None:
    sys.exit(message)


def default_transition_seconds() -> float:
    raw = os.environ.get("EMULATOR_TRANSITION_SECONDS", "1")
    try:
        value = float(raw)
    except ValueError:
        _exit(f"EMULATOR_TRANSITION_SECONDS must be a number of seconds, got {raw!r}")
    return max(0.0, value)


def parse_delay(raw: Any) -> tuple[float, float]:
    """[min, max], "min,max", "n" or n -> (min, max) seconds."""
    if isinstance(raw, str):
        parts = [p for p in re.split(r"[,\s]+", raw.strip()) if p]
    elif isinstance(raw, (list, tuple)):
        parts = list(raw)
    else:
        parts = [raw]
    if len(parts) == 1:
        parts = [parts[0], parts[0]]
    if len(parts) != 2:
        raise ValueError("metricsDelaySeconds must be [min, max] or a single number of seconds")
    low, high = float(parts[0]), float(parts[1])
    if low < 0 or high < low or not math.isfinite(high):
        raise ValueError("metricsDelaySeconds needs 0 <= min <= max")
    return low, high


def default_metrics_delay() -> tuple[float, float]:
    raw = os.environ.get("EMULATOR_METRICS_DELAY_SECONDS")
    if not raw:
        # SageMaker's one-minute metrics typically land one to two minutes
        # after the minute closes.
        return 60.0, 120.0
    try:
        return parse_delay(raw)
    except ValueError:
        _exit(f'EMULATOR_METRICS_DELAY_SECONDS must be "min,max" or one number of seconds, got {raw!r}')
    raise AssertionError("unreachable")


class EmulatorState:
    def __init__(self) -> None:
        self.lock = LOCK
        self.reset()

    def reset(self) -> None:
        # A reset returns to the start-up settings, not just empty lists.
        self.transition_seconds = default_transition_seconds()
        self.invoke_failures: list[dict[str, Any]] = []
        self.invoke_delays: list[dict[str, Any]] = []
        # UpdateEndpointWeightsAndCapacities calls that fail and roll back: {endpoint, count?}.
        self.weight_change_failures: list[dict[str, Any]] = []
        self.invocations: list[dict[str, Any]] = []
        # Simulated clients: endpoint -> {"rate": r/s, "next": epoch of the next request}.
        self.traffic: dict[str, dict[str, float]] = {}
        # Model behaviour rules, newest first.
        self.behaviours: list[dict[str, Any]] = []
        self.seed: int | None = None
        self._salt = random.SystemRandom().getrandbits(64)
        self._streams: dict[str, random.Random] = {}
        self.metrics_delay = default_metrics_delay()
        self.metrics_mode = "faithful"
        # Whether ModelLatency is published as raw values, from which CloudWatch
        # computes percentiles, or as statistic sets, from which it cannot.
        self.latency_percentiles = True
        self.capacity_per_instance: dict[str, float] = {}
        self.default_capacity_per_instance = 10.0
        self.autoscaling_interval = 10.0
        self.last_autoscaling = 0.0
        # Filled by the modules that own them (kept here so reset clears all).
        self.metric_buckets: dict[tuple, Any] = {}
        self.delays: dict[tuple[str, int], float] = {}
        # Each closed minute's publication (faithful mode), oldest first.
        self.publications: list[dict[str, Any]] = []
        # Per variant: requests in each wall-clock second (capacity), the
        # last minute's request times and the first request's (autoscaling).
        self.load: dict[tuple[str, str], dict[int, int]] = {}
        self.recent: dict[tuple[str, str], Any] = {}
        self.first_seen: dict[tuple[str, str], float] = {}
        self.stats: dict[str, dict[str, Any]] = {}
        # Every UpdateEndpoint's deployment: its traffic steps and outcome.
        self.deployments: list[dict[str, Any]] = []
        self.fleet: dict[str, Any] = {}
        # Inference components (emu_components.py): simulated clients by
        # (endpoint, component), per-component metric periods, load and
        # request times, served counts, and every update's record.
        self.component_traffic: dict[tuple[str, str], dict[str, float]] = {}
        self.component_buckets: dict[tuple, Any] = {}
        self.component_load: dict[str, dict[int, int]] = {}
        self.component_recent: dict[str, Any] = {}
        self.component_first_seen: dict[str, float] = {}
        self.component_stats: dict[str, dict[str, Any]] = {}
        self.component_updates: list[dict[str, Any]] = []
        # Models described with an empty VpcConfig and Containers, as a describe may answer for settings a
        # model lacks: the action must not send them back to CreateModel, which refuses an empty VpcConfig.
        self.empty_describes: set[str] = set()

    def set_seed(self, seed: int | None) -> None:
        self.seed = seed
        self._streams = {}

    def stream(self, key: str) -> random.Random:
        """An independent random stream per purpose, so that with a seed the
        draws of one endpoint do not depend on how other threads interleave."""
        rng = self._streams.get(key)
        if rng is None:
            base = self._salt if self.seed is None else self.seed
            rng = random.Random(f"{base}|{key}")
            self._streams[key] = rng
        return rng

    def derived(self, key: str) -> random.Random:
        """A fresh generator for a draw that must not depend on call order
        (the publication delay of one endpoint's minute)."""
        base = self._salt if self.seed is None else self.seed
        return random.Random(f"{base}|{key}")

    def capacity(self, instance_type: str | None) -> float:
        """Requests per second one instance of this type serves."""
        if instance_type and instance_type in self.capacity_per_instance:
            return float(self.capacity_per_instance[instance_type])
        return self.default_capacity_per_instance * size_factor(instance_type)

    def config(self) -> dict[str, Any]:
        return {
            "transitionSeconds": self.transition_seconds,
            "seed": self.seed,
            "metricsDelaySeconds": list(self.metrics_delay),
            "metricsMode": self.metrics_mode,
            "latencyPercentiles": self.latency_percentiles,
            "capacityPerInstance": dict(self.capacity_per_instance),
            "defaultCapacityPerInstance": self.default_capacity_per_instance,
            "autoscalingIntervalSeconds": self.autoscaling_interval,
        }

    def configure(self, payload: dict[str, Any]) -> None:
        """Validates everything before changing anything."""
        if not isinstance(payload, dict):
            raise ValueError("expected a JSON object")
        known = {
            "transitionSeconds",
            "seed",
            "metricsDelaySeconds",
            "metricsMode",
            "latencyPercentiles",
            "capacityPerInstance",
            "defaultCapacityPerInstance",
            "autoscalingIntervalSeconds",
        }
        unknown = sorted(set(payload) - known)
        if unknown:
            raise ValueError(f"unknown config key(s): {', '.join(unknown)}")
        changes: dict[str, Any] = {}
        if "transitionSeconds" in payload:
            seconds = float(payload["transitionSeconds"])
            if seconds < 0:
                raise ValueError("transitionSeconds must be >= 0")
            changes["transition_seconds"] = seconds
        if "seed" in payload:
            seed = payload["seed"]
            changes["seed"] = None if seed is None else int(seed)
        if "metricsDelaySeconds" in payload:
            changes["metrics_delay"] = parse_delay(payload["metricsDelaySeconds"])
        if "metricsMode" in payload:
            if payload["metricsMode"] not in METRICS_MODES:
                raise ValueError(f"metricsMode must be one of {', '.join(METRICS_MODES)}")
            changes["metrics_mode"] = payload["metricsMode"]
        if "latencyPercentiles" in payload:
            if not isinstance(payload["latencyPercentiles"], bool):
                raise ValueError("latencyPercentiles must be true or false")
            changes["latency_percentiles"] = payload["latencyPercentiles"]
        if "capacityPerInstance" in payload:
            table = payload["capacityPerInstance"] or {}
            if not isinstance(table, dict):
                raise ValueError("capacityPerInstance must map instance types to requests per second")
            parsed = {str(k): float(v) for k, v in table.items()}
            if any(v < 0 for v in parsed.values()):
                raise ValueError("capacityPerInstance values must be >= 0")
            changes["capacity_per_instance"] = parsed
        if "defaultCapacityPerInstance" in payload:
            value = float(payload["defaultCapacityPerInstance"])
            if value < 0:
                raise ValueError("defaultCapacityPerInstance must be >= 0")
            changes["default_capacity_per_instance"] = value
        if "autoscalingIntervalSeconds" in payload:
            value = float(payload["autoscalingIntervalSeconds"])
            if value <= 0:
                raise ValueError("autoscalingIntervalSeconds must be > 0")
            changes["autoscaling_interval"] = value
        for key, value in changes.items():
            if key == "seed":
                self.set_seed(value)
            else:
                setattr(self, key, value)


def size_factor(instance_type: str | None) -> float:
    if not instance_type:
        return 1.0
    size = instance_type.rsplit(".", 1)[-1]
    if size in _SMALL_SIZES:
        return _SMALL_SIZES[size]
    match = _SIZE.match(size)
    if not match:
        # metal and other unusual sizes: as large as the family's biggest
        # common size is an overstatement; one xlarge is a safe middle.
        return 2.0
    if size == "large":
        return 1.0
    return 2.0 * float(match.group(1) or 1)


STATE = EmulatorState()


def moto_time(epoch: float) -> datetime:
    # moto keeps naive UTC datetimes.
    return datetime.fromtimestamp(epoch, timezone.utc).replace(tzinfo=None)


def epoch(when: datetime) -> float:
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.timestamp()


def iso(epoch_seconds: float) -> str:
    return datetime.fromtimestamp(epoch_seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def each_backend(backends: Any) -> Iterator[tuple[str, str, Any]]:
    """(account, region, backend) for every backend moto has created."""
    for account_id, regions in list(backends.items()):
        for region, backend in list(regions.items()):
            yield account_id, region, backend


def nearest_rank(sorted_values: list[float], counts: list[float] | None, percentile: float) -> float | None:
    """Nearest-rank percentile of a distribution given as sorted values and
    their counts (None: one of each)."""
    if not sorted_values:
        return None
    if counts is None:
        total = len(sorted_values)
        rank = max(1, math.ceil(percentile / 100.0 * total))
        return sorted_values[min(total, rank) - 1]
    total = sum(counts)
    if total <= 0:
        return None
    rank = max(1.0, math.ceil(percentile / 100.0 * total))
    seen = 0.0
    for value, count in zip(sorted_values, counts):
        seen += count
        if seen >= rank:
            return value
    return sorted_values[-1]
