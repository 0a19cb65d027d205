"""SageMaker's deployment guardrails inside one UpdateEndpoint: the new
fleet takes live traffic from the moment SageMaker shifts it, every bake is
watched by the AutoRollbackConfiguration alarms, and a rollback returns the
traffic to the old fleet.

What AWS documents, and the readings taken where it is silent:
  * Blue/green (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green.html):
    SageMaker provisions the new (green) fleet, then shifts traffic to it;
    with canary and linear "both the blue fleet and green fleet are
    partially active and receiving traffic" during each baking period. A
    canary takes CanarySize, each linear step LinearStepSize more, all at
    once the whole traffic; a CAPACITY_PERCENT size is that share of the
    traffic, an INSTANCE_COUNT size its count over the new fleet's
    (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrafficRoutingConfig.html).
  * Bakes. Each step below full traffic bakes WaitIntervalInSeconds; the
    full-traffic step of linear and all at once bakes it too (their final
    baking period; a canary's bake is its canary step), then
    TerminationWaitInSeconds passes before the old fleet goes
    (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-blue-green-all-at-once.html).
  * Rolling (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-rolling.html):
    each batch of MaximumBatchSize is provisioned, takes its share of the
    traffic (the new instances over the fleet), and bakes
    WaitIntervalInSeconds.
  * Alarms (https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html):
    "If any of your alarms trip during the specified monitoring period,
    SageMaker AI initiates a complete rollback". Read as: from the first
    traffic shift to the end of the deployment, at every alarm evaluation,
    not only when the update would complete. The rollback moves all traffic
    back to the old fleet at once (RollingBack), then the endpoint is
    InService on the old config.
  * Provisioning, each rolling batch included, takes the emulator's
    transitionSeconds; bakes take the seconds the DeploymentConfig gives.
    Without a DeploymentConfig an update is blue/green all at once with no
    bake. MaximumExecutionTimeoutInSeconds is not enforced.
"""

from __future__ import annotations

import math
from typing import Any

from moto.sagemaker import models as sm_models

import emu_fleet as fleet
from emu_core import STATE, each_backend, iso
from emu_sagemaker import _start_phase, alarms_in_alarm, emu


def _share(size: dict[str, Any] | None, new_size: int) -> float:
    if not size:
        return 1.0
    value = float(size.get("Value") or 0)
    if size.get("Type") == "INSTANCE_COUNT":
        return min(1.0, value / new_size) if new_size > 0 else 1.0
    return min(1.0, value / 100.0)


def _blue_green_steps(policy: dict[str, Any], new_size: int) -> tuple[str, list[tuple[float, float, float]], float]:
    """(type, [(provisioning before, share, bake)], termination wait)."""
    routing = policy.get("TrafficRoutingConfiguration") or {}
    kind = routing.get("Type") or "ALL_AT_ONCE"
    wait = float(routing.get("WaitIntervalInSeconds") or 0)
    if kind == "CANARY":
        shares = [_share(routing.get("CanarySize"), new_size), 1.0]
    elif kind == "LINEAR":
        step = max(_share(routing.get("LinearStepSize"), new_size), 0.01)
        shares = [min(1.0, k * step) for k in range(1, math.ceil(round(1.0 / step, 9)) + 1)]
    else:
        shares = [1.0]
    steps = [(0.0, share, 0.0 if kind == "CANARY" and share >= 1.0 else wait) for share in shares]
    return kind, steps, float(policy.get("TerminationWaitInSeconds") or 0)


def plan(deployment_config: dict[str, Any] | None, begin: float, new_size: int, batch: int | None,
         failing: bool) -> dict[str, Any]:
    """The deployment's timeline: when each traffic step starts, its share
    of the traffic and its bake, and when the deployment ends."""
    transition = STATE.transition_seconds
    rolling = (deployment_config or {}).get("RollingUpdatePolicy")
    if rolling:
        kind, termination = "ROLLING", 0.0
        wait = float(rolling.get("WaitIntervalInSeconds") or 0)
        batches = max(1, math.ceil(new_size / batch)) if batch and new_size else 1
        raw = [(transition, min(1.0, (k + 1) * (batch or new_size) / new_size) if new_size else 1.0, wait)
               for k in range(batches)]
    else:
        policy = (deployment_config or {}).get("BlueGreenUpdatePolicy") or {}
        kind, raw, termination = _blue_green_steps(policy, new_size)
        raw[0] = (transition, raw[0][1], raw[0][2])
    steps, at = [], begin
    for provisioning, share, bake in raw:
        at += provisioning
        steps.append({"at": at, "newFleetShare": round(share, 6), "bakeSeconds": bake})
        at += bake
    if failing:
        # A new fleet that fails its health checks never takes traffic.
        return {"type": kind, "steps": [], "terminationWaitSeconds": 0.0, "until": begin + transition}
    return {"type": kind, "steps": steps, "terminationWaitSeconds": termination, "until": at + termination}


def new_fleet_share(phase: dict[str, Any] | None, at: float) -> float:
    if phase is None or phase["kind"] != "update" or not phase.get("deployment"):
        return 0.0
    share = 0.0
    for step in phase["deployment"]["steps"]:
        if step["at"] <= at:
            share = step["newFleetShare"]
    return share


def fleet_for(endpoint: Any, rng: Any, at: float, variant: str | None = None) -> dict[str, Any]:
    """The fleet that serves one request: the new one with its share of the
    traffic while a deployment has shifted it, otherwise the live one. A
    TargetVariant the new fleet lacks is served by the old fleet."""
    state = emu(endpoint)
    phase = state["phase"]
    share = new_fleet_share(phase, at)
    if share > 0 and (share >= 1.0 or rng.random() < share):
        if variant is None or variant in phase["specs"]:
            return {"config": phase["config"], "variants": phase["variants"], "specs": phase["specs"],
                    "shadows": phase.get("shadows") or [], "share": share, "new": True}
    config = endpoint.endpoint_config_name if state["updated"] else None
    return {"config": config, "variants": endpoint.production_variants, "specs": state["specs"],
            "shadows": state.get("shadows") or [], "share": 1.0 - share, "new": False}


def record(endpoint_name: str, old_config: str, phase: dict[str, Any]) -> None:
    deployment = phase["deployment"]
    deployment.update({
        "endpoint": endpoint_name,
        "newConfig": phase["config"],
        "oldConfig": old_config,
        "alarms": list(phase.get("alarms") or []),
        "startedAt": phase["begin"],
        "status": "InProgress",
        "rollbackStartedAt": None,
        "firingAlarms": [],
        "endedAt": None,
    })
    STATE.deployments.append(deployment)


def finish(phase: dict[str, Any], status: str, at: float) -> None:
    deployment = phase.get("deployment")
    if deployment is not None and deployment["status"] in ("InProgress", "RollingBack"):
        deployment["status"] = status
        deployment["endedAt"] = at


def start_rollback(endpoint: Any, phase: dict[str, Any], firing: list[str], at: float) -> None:
    """Blue/green auto-rollback: all traffic back to the old fleet, which is
    still running (status RollingBack), then InService on the old config."""
    name = endpoint.endpoint_name
    rollback = {
        "kind": "rollback",
        "failure": (
            "Deployment rolled back: CloudWatch alarm(s) " + ", ".join(firing)
            + " in ALARM state triggered auto-rollback of the blue/green update to "
            f'endpoint configuration "{phase["config"]}".'
        ),
        "deployment": phase.get("deployment"),
    }
    if rollback["deployment"] is not None:
        rollback["deployment"].update({"status": "RollingBack", "rollbackStartedAt": at, "firingAlarms": firing})
    _start_phase(endpoint, "RollingBack", rollback, start=at)
    plan_ = phase["fleet"]
    if plan_["rolling"] is None:
        # Blue/green keeps the old fleet until the deployment succeeds: only
        # the new one goes.
        fleet.change(name, rollback["until"], -plan_["new"])
    else:
        # A rolling update already retired old instances; the rollback brings
        # them back, by default all at once. Batches still scheduled are
        # left to run, so the counts end right (the provisioned total
        # overstates a rollback mid-way).
        fleet.schedule_replacement(name, rollback["begin"], rollback["until"], plan_["new"], plan_["old"],
                                   plan_["rollback_batch"])


def watch(now: float) -> None:
    """SageMaker watches the deployment's alarms through every bake, from
    the first traffic shift on, and rolls back as soon as one is in ALARM."""
    for _, _, backend in each_backend(sm_models.sagemaker_backends):
        for endpoint in list(backend.endpoints.values()):
            phase = emu(endpoint)["phase"]
            if phase is None or phase["kind"] != "update" or phase.get("failure") or not phase.get("alarms"):
                continue
            steps = (phase.get("deployment") or {}).get("steps") or []
            if not steps or now < steps[0]["at"] or now >= phase["until"]:
                continue
            firing = alarms_in_alarm(backend, phase["alarms"])
            if firing:
                start_rollback(endpoint, phase, firing, now)


def variant_status(phase: dict[str, Any], now: float) -> list[dict[str, Any]]:
    """PendingDeploymentSummary's VariantStatus: Creating until traffic
    shifts, then Baking with the step's start
    (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariantStatus.html)."""
    steps = [s for s in (phase.get("deployment") or {}).get("steps") or [] if s["at"] <= now]
    if not steps:
        return [{"Status": "Creating", "StartTime": phase["started"]}]
    from emu_core import moto_time

    return [{"Status": "Baking", "StartTime": moto_time(steps[-1]["at"]),
             "StatusMessage": f"{steps[-1]['newFleetShare'] * 100:g}% of traffic on the new fleet"}]


def report() -> list[dict[str, Any]]:
    result = []
    for deployment in STATE.deployments:
        entry = {k: v for k, v in deployment.items() if k != "until"}
        entry["plannedEndAt"] = deployment["until"]
        entry["steps"] = [dict(step, startedAt=iso(step["at"])) for step in deployment["steps"]]
        result.append(entry)
    return result
