"""Instance accounting per endpoint, for GET /emulator/fleet.

Every change of an endpoint's fleet is an event at an exact time (a phase's
start or deadline), so instance-seconds are integrated exactly however late
the event is applied: an event older than the last integration corrects the
integral retroactively.

What launches what follows SageMaker:
  * CreateEndpoint launches the config's whole fleet.
  * UpdateEndpoint deploys the new config "to a new fleet of instances",
    shifts traffic, "then deletes the old instances"
    (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpoint.html).
    Without a DeploymentConfig, and with a BlueGreenUpdatePolicy, that is a
    blue/green deployment: the whole new (green) fleet runs beside the old
    (blue) one until the baking period ends, then blue is terminated
    (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green.html,
    https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_BlueGreenUpdatePolicy.html).
  * A RollingUpdatePolicy provisions the new fleet in batches of
    MaximumBatchSize, terminating as much old capacity after each batch;
    a rollback brings the old fleet back in batches of
    RollbackMaximumBatchSize, the whole old fleet at once by default
    (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_RollingUpdatePolicy.html).
  * UpdateEndpointWeightsAndCapacities (and Application Auto Scaling, which
    calls it) launches only the instances a higher count adds, and
    terminates the surplus of a lower count when the change completes.
"""

from __future__ import annotations

import math
import time
from typing import Any

from emu_core import STATE


def _stats(endpoint: str) -> dict[str, Any]:
    stats = STATE.fleet.get(endpoint)
    if stats is None:
        stats = {
            "updateEndpointCalls": 0,
            "instancesProvisioned": 0,
            "peakInstances": 0,
            "instanceSeconds": 0.0,
            "currentInstances": 0,
            "_last": time.time(),
            "_events": [],
        }
        STATE.fleet[endpoint] = stats
    return stats


def count_update_call(endpoint: str) -> None:
    _stats(endpoint)["updateEndpointCalls"] += 1


def change(endpoint: str, at: float, running: int, launched: int = 0) -> None:
    """`running` instances more (or fewer) from `at`, `launched` of them new.
    Events at or before now apply at once; later ones wait in order."""
    stats = _stats(endpoint)
    if running == 0 and launched == 0:
        return
    stats["_events"].append((at, running, launched))
    stats["_events"].sort(key=lambda event: event[0])
    advance(endpoint, time.time())


def advance(endpoint: str, now: float) -> None:
    stats = _stats(endpoint)
    events = stats["_events"]
    while events and events[0][0] <= now:
        at, running, launched = events.pop(0)
        if at >= stats["_last"]:
            stats["instanceSeconds"] += stats["currentInstances"] * (at - stats["_last"])
            stats["_last"] = at
        else:
            # Applied late: the fleet already had this change since `at`.
            stats["instanceSeconds"] += running * (stats["_last"] - at)
        stats["currentInstances"] = max(0, stats["currentInstances"] + running)
        stats["instancesProvisioned"] += launched
        stats["peakInstances"] = max(stats["peakInstances"], stats["currentInstances"])
    if now > stats["_last"]:
        stats["instanceSeconds"] += stats["currentInstances"] * (now - stats["_last"])
        stats["_last"] = now


def pending_terminations(endpoint: str) -> None:
    """Drops events not yet due (an endpoint deleted mid-change)."""
    _stats(endpoint)["_events"] = [e for e in _stats(endpoint)["_events"] if e[0] <= time.time()]


def terminate_all(endpoint: str, at: float) -> None:
    advance(endpoint, at)
    pending_terminations(endpoint)
    stats = _stats(endpoint)
    if stats["currentInstances"]:
        change(endpoint, at, -stats["currentInstances"])


def batch_size(capacity: dict[str, Any] | None, total: int) -> int:
    """A CapacitySize (INSTANCE_COUNT or CAPACITY_PERCENT) as instances."""
    if not capacity or total <= 0:
        return max(1, total)
    value = float(capacity.get("Value") or 0)
    if capacity.get("Type") == "CAPACITY_PERCENT":
        size = math.ceil(total * value / 100.0)
    else:
        size = int(value)
    return max(1, min(total, size))


def schedule_replacement(endpoint: str, start: float, end: float, old: int, new: int, batch: int | None) -> None:
    """Old fleet replaced by a new one between start and end: all at once
    (batch None: the whole new fleet beside the old one), or rolling."""
    if batch is None:
        change(endpoint, start, new, launched=new)
        change(endpoint, end, -old)
        return
    steps = max(1, math.ceil(new / batch)) if new else 1
    step = (end - start) / steps
    remaining_new, remaining_old = new, old
    for index in range(steps):
        launch = min(batch, remaining_new)
        remaining_new -= launch
        change(endpoint, start + index * step, launch, launched=launch)
        stop = min(batch, remaining_old) if index < steps - 1 else remaining_old
        remaining_old -= stop
        change(endpoint, start + (index + 1) * step, -stop)


def report() -> dict[str, Any]:
    now = time.time()
    result = {}
    for endpoint in sorted(STATE.fleet):
        advance(endpoint, now)
        stats = STATE.fleet[endpoint]
        result[endpoint] = {
            "updateEndpointCalls": stats["updateEndpointCalls"],
            "instancesProvisioned": stats["instancesProvisioned"],
            "peakInstances": stats["peakInstances"],
            "instanceSeconds": round(stats["instanceSeconds"], 3),
            "currentInstances": stats["currentInstances"],
        }
    return result
