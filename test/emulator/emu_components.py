"""SageMaker inference components (ICs), which moto 5.2.1 does not implement:
their API and lifecycle, the endpoints that host them, the placement of
their copies on the endpoint's instances, managed instance scaling, the
rolling and blue/green updates with auto-rollback, the traffic they serve,
their metrics and the autoscaling of their copy count.

What AWS documents, and the readings taken where it is silent (each marked
"silent: ..."; the reading is always the harder case for a deployment tool):

API (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateInferenceComponent.html,
API_UpdateInferenceComponent.html, API_DescribeInferenceComponent.html,
API_ListInferenceComponents.html, API_UpdateInferenceComponentRuntimeConfig.html,
API_DeleteInferenceComponent.html).
  * Statuses InService | Creating | Updating | Failed | Deleting; there is
    no RollingBack: an update that rolls back returns to InService
    ("the Inference Component will revert to InService status without any
    changes", aws-samples sagemaker-genai-hosting-examples,
    03-features/deployment-guardrails/enhance-deployment-guardrails-with-inference-component-rolling-deployment.ipynb).
  * Not found: ValidationException "Could not find inference component ...".
  * Silent: which Specification Describe shows while Updating. Here the NEW
    one while Updating and the old one again after a rollback, with
    FailureReason saying why: the status alone never tells the outcome.
  * Silent: whether a Specification sent on Update is merged with the
    current one. Here it replaces it whole (ComputeResourceRequirements
    included), as AWS's samples always send it whole.
  * Silent: whether DeploymentConfig persists into later updates. Here it
    does not: LastDeploymentConfig shows the last one given, and an update
    without one is blue/green.
  * Silent: whether Create without Specification/RuntimeConfig/VariantName
    works. Here a Specification with ModelName or Container, a VariantName
    (unless the endpoint has one variant), RuntimeConfig.CopyCount >= 1 and
    ComputeResourceRequirements (except for an adapter) are required
    (CopyCount 0 is refused at create: stdapi-ai/stdapi.ai#43).
  * Silent: changes while the endpoint or the component is not InService.
    Here both must be InService for any Create/Update/Delete.

Endpoints for components (terraform-provider-aws #40644, #45926, #48767;
sagemaker-python-sdk session_helper.py): a config whose variants name no
ModelName needs ExecutionRoleArn; ManagedInstanceScaling is "only supported
for inference component endpoints"; an IC on an endpoint whose variant has a
model is refused. Silent: a config mixing variants with and without a model;
refused here. Silent: DeleteEndpoint with components on it; refused here
until they are deleted. Silent: deleting a base component that adapters
use; refused here.

Capacity (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentComputeResourceRequirements.html).
Each copy takes its ComputeResourceRequirements on one instance of the
variant (INSTANCE_RESOURCES below); copies are placed first fit. With
ManagedInstanceScaling ENABLED an instance is launched (transitionSeconds,
the endpoint Updating meanwhile: the aws-samples ic_rolling_deployment.ipynb
output shows EndpointStatus Updating and DesiredInstanceCount 3 while the
update adds an instance) up to MaxInstanceCount, and instances that hold no
copy are released once a change completes ("IDLE_RELEASE: Releases instances
that have no hosted inference component copies"), never below
MinInstanceCount. Without it, or past MaxInstanceCount, a copy that fits
nowhere is a capacity error: a create ends Failed with a FailureReason
containing "CapacityError" (what sagemaker-python-sdk's waiter looks for).
Silent: a rolling/blue-green update or a copy-count change that cannot place
its copies. Here it rolls back: InService on the old Specification and copy
count, FailureReason containing "CapacityError".

Rolling update (API_InferenceComponentRollingUpdatePolicy.html,
API_InferenceComponentCapacitySize.html, the blog "Enhance deployment
guardrails with inference component rolling updates"):
  * MaximumBatchSize "must be between 5% to 50% of the copy count": checked
    against both the current and the requested copy count (silent: which
    one). A CAPACITY_PERCENT batch is that share of the copy count, rounded
    down but at least one copy (silent: rounding).
  * Per batch: the new copies are placed beside the old (transitionSeconds),
    take traffic with the old ones in proportion to their numbers ("the
    service can route to any copy that is both old or new"), bake
    WaitIntervalInSeconds, then as many old copies are removed. The last
    batch bakes too (silent: whether the alarms watch it).
  * The AutoRollbackConfiguration alarms are watched from the first batch's
    copies taking traffic to the end; one in ALARM rolls back: new copies
    removed and old ones restored in batches of RollbackMaximumBatchSize
    (default all at once: "provisions the entire capacity of the old fleet
    at once"), each batch removing new copies first, then placing old ones.
  * MaximumExecutionTimeoutInSeconds: silent on what happens; here it rolls
    back like an alarm.
  * Without DeploymentConfig a new Specification is blue/green: every new
    copy placed beside the old ones, traffic switched, old ones removed.
  * A RuntimeConfig-only change (UpdateInferenceComponent or
    UpdateInferenceComponentRuntimeConfig) places or removes copies; a
    DeploymentConfig sent with it is kept as LastDeploymentConfig but the
    count changes directly (silent).

Traffic. InvokeEndpoint with InferenceComponentName (header
X-Amzn-SageMaker-Inference-Component) goes to a random ready copy of the
component, old or new alike; each copy behaves as its model does (the
model-behaviour rules, matched against its ModelName, the model's images and
its Container.Image). Each copy serves its instance's capacity divided by how
many copies of its size fit on one instance.

Metrics: AWS/SageMaker with the one dimension InferenceComponentName
(emu_cloudwatch.record_component) plus the endpoint's variant metrics.
AWS documents no dimension that marks new copies during an update, so a
component's metrics blend old and new copies.

Autoscaling (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html):
ResourceId inference-component/<name>, ScalableDimension
sagemaker:inference-component:DesiredCopyCount, MinCapacity may be 0;
target tracking on SageMakerInferenceComponentInvocationsPerCopy moves the
copy count one copy per evaluation toward ceil(invocations per minute /
target), as emu_autoscaling does for variants. A component that has no copy
has no InvocationsPerCopy and is not scaled out by target tracking (AWS
scales out from zero with a step-scaling policy, which is not emulated).
"""

from __future__ import annotations

import copy as copying
import math
import re
import time
from collections import deque
from typing import Any

from moto.applicationautoscaling import models as aas_models
from moto.applicationautoscaling import responses as aas_responses
from moto.core.utils import utcnow
from moto.sagemaker import models as sm_models
from moto.sagemaker import responses as sm_responses
from moto.sagemaker.exceptions import ValidationError

import emu_cloudwatch as cloudwatch
import emu_fleet as fleet
from emu_core import LOCK, SERVING, STATE, each_backend, iso, moto_time, size_factor
from emu_sagemaker import (
    _deployed_images,
    _start_phase,
    alarms_in_alarm,
    config_request,
    emu,
    endpoint_arn,
    endpoint_not_found,
    model_images,
    settle,
    settled_endpoint,
)

IC_DIMENSION = "sagemaker:inference-component:DesiredCopyCount"
INVOCATIONS_PER_COPY = "SageMakerInferenceComponentInvocationsPerCopy"
_RESOURCE = re.compile(r"^inference-component/([^/]+)$")

# (accelerator devices, vCPUs, memory in MiB) of each instance type, from
# the SageMaker AI pricing page's instance tables
# (https://aws.amazon.com/sagemaker/ai/pricing/, "Real-Time Inference") and
# the EC2 instance type pages they name
# (https://aws.amazon.com/ec2/instance-types/g5/, /g6/, /g6e/, /p4/, /m5/,
# /c5/). A type not listed gets no accelerator, 2 vCPUs and 8 GiB per
# ".large" step (emu_core.size_factor).
INSTANCE_RESOURCES: dict[str, tuple[int, int, int]] = {
    "ml.g5.xlarge": (1, 4, 16 * 1024),
    "ml.g5.2xlarge": (1, 8, 32 * 1024),
    "ml.g5.4xlarge": (1, 16, 64 * 1024),
    "ml.g5.8xlarge": (1, 32, 128 * 1024),
    "ml.g5.12xlarge": (4, 48, 192 * 1024),
    "ml.g5.16xlarge": (1, 64, 256 * 1024),
    "ml.g5.24xlarge": (4, 96, 384 * 1024),
    "ml.g5.48xlarge": (8, 192, 768 * 1024),
    "ml.g6.xlarge": (1, 4, 16 * 1024),
    "ml.g6.2xlarge": (1, 8, 32 * 1024),
    "ml.g6.12xlarge": (4, 48, 192 * 1024),
    "ml.g6.48xlarge": (8, 192, 768 * 1024),
    "ml.g6e.xlarge": (1, 4, 32 * 1024),
    "ml.g6e.4xlarge": (1, 16, 128 * 1024),
    "ml.g6e.12xlarge": (4, 48, 384 * 1024),
    "ml.p4d.24xlarge": (8, 96, 1152 * 1024),
    "ml.m5.large": (0, 2, 8 * 1024),
    "ml.m5.xlarge": (0, 4, 16 * 1024),
    "ml.m5.2xlarge": (0, 8, 32 * 1024),
    "ml.m5.4xlarge": (0, 16, 64 * 1024),
    "ml.c5.large": (0, 2, 4 * 1024),
    "ml.c5.xlarge": (0, 4, 8 * 1024),
    "ml.c5.2xlarge": (0, 8, 16 * 1024),
}


def instance_resources(instance_type: str | None) -> tuple[float, float, float]:
    if instance_type in INSTANCE_RESOURCES:
        accelerators, vcpus, memory = INSTANCE_RESOURCES[instance_type]
        return float(accelerators), float(vcpus), float(memory)
    factor = size_factor(instance_type)
    return 0.0, 2.0 * factor, 8192.0 * factor


def requirements(spec: dict[str, Any]) -> tuple[float, float, float]:
    need = spec.get("ComputeResourceRequirements") or {}
    return (
        float(need.get("NumberOfAcceleratorDevicesRequired") or 0),
        float(need.get("NumberOfCpuCoresRequired") or 0),
        float(need.get("MinMemoryRequiredInMb") or 0),
    )


# --------------------------------------------------------------------------
# Components and where they live
# --------------------------------------------------------------------------


class Component:
    """One inference component. `specs` holds every Specification it has
    had, by version; each copy runs one of them."""

    def __init__(self, backend: Any, name: str, endpoint: str, variant: str, spec: dict[str, Any],
                 copies: int | None, tags: list[dict[str, str]]) -> None:
        self.name = name
        self.arn = component_arn(backend, name)
        self.endpoint = endpoint
        self.variant = variant
        self.specs: dict[int, dict[str, Any]] = {1: spec}
        self.version = 1
        self.desired = copies
        self.copies: list[dict[str, Any]] = []
        self.status = "Creating"
        self.failure_reason: str | None = None
        self.creation_time = utcnow()
        self.last_modified_time = self.creation_time
        self.tags = list(tags or [])
        self.last_deployment_config: dict[str, Any] | None = None
        self.op: dict[str, Any] | None = None
        self.seq = 0

    @property
    def spec(self) -> dict[str, Any]:
        return self.specs[self.version]

    @property
    def base(self) -> str | None:
        return self.spec.get("BaseInferenceComponentName")


def component_arn(backend: Any, name: str) -> str:
    return sm_models.arn_formatter("inference-component", name, backend.account_id, backend.region_name)


def components(backend: Any) -> dict[str, Component]:
    if not hasattr(backend, "_emu_components"):
        backend._emu_components = {}
    return backend._emu_components


def not_found(backend: Any, name: str) -> ValidationError:
    # The SDK matches on this text (sagemaker-serve model_builder.py).
    return ValidationError(message=f'Could not find inference component "{component_arn(backend, name)}".')


def hosts_components(backend: Any, endpoint: Any) -> bool:
    """An endpoint for components: its config's variants name no model."""
    config = backend.endpoint_configs.get(endpoint.endpoint_config_name)
    variants = config_request(config).get("ProductionVariants") if config is not None else None
    return bool(variants) and all(not v.get("ModelName") for v in variants)


def _variant_config(backend: Any, endpoint: Any, variant: str) -> dict[str, Any]:
    config = backend.endpoint_configs.get(endpoint.endpoint_config_name)
    for pv in config_request(config).get("ProductionVariants") or [] if config is not None else []:
        if pv.get("VariantName") == variant:
            return pv
    return {}


def _scaling(backend: Any, endpoint: Any, variant: str) -> dict[str, Any] | None:
    scaling = _variant_config(backend, endpoint, variant).get("ManagedInstanceScaling") or {}
    return scaling if scaling.get("Status") == "ENABLED" else None


def _pool(backend: Any, endpoint: Any, variant: str) -> dict[str, Any]:
    """The variant's instances for components, made on first use from the
    instances the endpoint was created with."""
    pools = emu(endpoint).setdefault("components", {})
    pool = pools.get(variant)
    if pool is None:
        summary = next((v for v in endpoint.production_variants if v["VariantName"] == variant), {})
        count = int(summary.get("CurrentInstanceCount") or 0)
        instance_type = _variant_config(backend, endpoint, variant).get("InstanceType")
        pool = pools[variant] = {"type": instance_type, "instances": [], "seq": 0, "launched": count,
                                 "released": 0, "peak": count}
        for _ in range(count):
            pool["seq"] += 1
            pool["instances"].append({"id": f"{variant}-{pool['seq']}", "launchedAt": None, "readyAt": 0.0})
    return pool


def _used(backend: Any, endpoint: Any, instance_id: str) -> tuple[float, float, float]:
    acc = cpu = mem = 0.0
    for component in components(backend).values():
        if component.endpoint != endpoint.endpoint_name:
            continue
        for c in component.copies:
            if c["instance"] == instance_id:
                a, b, m = requirements(component.specs[c["version"]])
                acc, cpu, mem = acc + a, cpu + b, mem + m
    return acc, cpu, mem


def _fits(have: tuple[float, float, float], used: tuple[float, float, float], need: tuple[float, float, float]) -> bool:
    return all(u + n <= h + 1e-9 for h, u, n in zip(have, used, need))


def _set_instance_count(backend: Any, endpoint: Any, variant: str, at: float, until: float) -> None:
    """The variant's DesiredInstanceCount follows its pool; the endpoint is
    Updating until `until`, when CurrentInstanceCount catches up (the
    endpoint phase "weights" of emu_sagemaker)."""
    pool = _pool(backend, endpoint, variant)
    for summary in endpoint.production_variants:
        if summary["VariantName"] == variant:
            summary["DesiredInstanceCount"] = len(pool["instances"])
    phase = emu(endpoint)["phase"]
    if phase is not None and phase["kind"] == "weights":
        phase["until"] = max(phase["until"], until)
        return
    if phase is None:
        _start_phase(endpoint, "Updating", {"kind": "weights"}, start=at)
        emu(endpoint)["phase"]["until"] = until


def place(backend: Any, endpoint: Any, component: Component, count: int, version: int, at: float,
          record: dict[str, Any] | None = None) -> list[dict[str, Any]] | None:
    """Places `count` copies of `version` first fit, launching instances
    under managed instance scaling; all or nothing (None: they do not fit)."""
    pool = _pool(backend, endpoint, component.variant)
    have = instance_resources(pool["type"])
    need = requirements(component.specs[version])
    scaling = _scaling(backend, endpoint, component.variant)
    placed: list[dict[str, Any]] = []
    launched: list[dict[str, Any]] = []
    transition = STATE.transition_seconds
    for _ in range(count):
        target = None
        for instance in pool["instances"]:
            used = _used(backend, endpoint, instance["id"])
            pending = [c for c in placed if c["instance"] == instance["id"]]
            used = tuple(u + n * len(pending) for u, n in zip(used, need))
            if _fits(have, used, need):
                target = instance
                break
        if target is None and scaling is not None and _fits(have, (0.0, 0.0, 0.0), need):
            limit = int(scaling.get("MaxInstanceCount") or len(pool["instances"]))
            if len(pool["instances"]) < limit:
                pool["seq"] += 1
                target = {"id": f"{component.variant}-{pool['seq']}", "launchedAt": at, "readyAt": at + transition}
                pool["instances"].append(target)
                launched.append(target)
        if target is None:
            for instance in launched:
                pool["instances"].remove(instance)
            pool["seq"] -= len(launched)
            return None
        component.seq += 1
        placed.append({"id": f"{component.name}-{component.seq}", "instance": target["id"], "version": version,
                       "placedAt": at, "readyAt": max(at, target["readyAt"]) + transition})
    component.copies.extend(placed)
    if launched:
        pool["launched"] += len(launched)
        pool["peak"] = max(pool["peak"], len(pool["instances"]))
        fleet.change(endpoint.endpoint_name, at, len(launched), launched=len(launched))
        _set_instance_count(backend, endpoint, component.variant, at, max(i["readyAt"] for i in launched))
    _note_peaks(backend, endpoint, component, record)
    return placed


def release_idle(backend: Any, endpoint: Any, variant: str, at: float) -> None:
    """Managed instance scaling releases instances that hold no copy
    (IDLE_RELEASE), down to MinInstanceCount."""
    scaling = _scaling(backend, endpoint, variant)
    if scaling is None:
        return
    pool = _pool(backend, endpoint, variant)
    floor = int(scaling.get("MinInstanceCount") or 0)
    busy = {c["instance"] for comp in components(backend).values() if comp.endpoint == endpoint.endpoint_name
            for c in comp.copies}
    idle = [i for i in pool["instances"] if i["id"] not in busy]
    # The newest go first.
    idle = idle[::-1][: max(0, len(pool["instances"]) - floor)]
    if not idle:
        return
    for instance in idle:
        pool["instances"].remove(instance)
    pool["released"] += len(idle)
    until = at + STATE.transition_seconds
    fleet.change(endpoint.endpoint_name, until, -len(idle))
    _set_instance_count(backend, endpoint, variant, at, until)


def _remove(component: Component, copies: list[dict[str, Any]]) -> None:
    ids = {c["id"] for c in copies}
    component.copies = [c for c in component.copies if c["id"] not in ids]


def _note_peaks(backend: Any, endpoint: Any, component: Component, record: dict[str, Any] | None) -> None:
    if record is None:
        return
    pool = _pool(backend, endpoint, component.variant)
    record["peakCopies"] = max(record["peakCopies"], len(component.copies))
    record["peakInstances"] = max(record["peakInstances"], len(pool["instances"]))


def ready_copies(component: Component, at: float) -> list[dict[str, Any]]:
    return [c for c in component.copies if c["readyAt"] <= at]


# --------------------------------------------------------------------------
# Operations: what a create, an update or a delete does over time
# --------------------------------------------------------------------------


def _capacity_failure(component: Component, what: str) -> str:
    return (f"CapacityError: Unable to place {what} of inference component {component.name}: not enough "
            "accelerators, CPU cores or memory on the endpoint's instances.")


def _new_record(component: Component, kind: str, trigger: str, at: float, **extra: Any) -> dict[str, Any]:
    record = {
        "inferenceComponent": component.name,
        "endpoint": component.endpoint,
        "type": kind,
        "trigger": trigger,
        "fromSpecVersion": component.version,
        "fromModel": component.spec.get("ModelName"),
        "fromCopyCount": component.desired,
        "startedAt": at,
        "batches": [],
        "rollbackBatches": [],
        "alarms": [],
        "peakCopies": len(component.copies),
        "peakInstances": 0,
        "status": "InProgress",
        "rolledBackBy": None,
        "firingAlarms": [],
        "failureReason": None,
        "rollbackStartedAt": None,
        "endedAt": None,
    }
    record.update(extra)
    STATE.component_updates.append(record)
    return record


def _finish_record(record: dict[str, Any] | None, status: str, at: float) -> None:
    if record is not None and record["status"] in ("InProgress", "RollingBack"):
        record["status"] = status
        record["endedAt"] = at


def _touch(component: Component, at: float) -> None:
    component.last_modified_time = moto_time(at)


def advance(backend: Any, component: Component, now: float) -> None:
    """Runs the component's operation up to `now`, each step at its own time."""
    while component.op is not None and component.op["at"] <= now:
        op = component.op
        at = op["at"]
        endpoint = backend.endpoints.get(component.endpoint)
        if endpoint is None:
            component.op = None
            return
        handler = _STEPS[op["state"]]
        handler(backend, endpoint, component, op, at)


def _step_created(backend: Any, endpoint: Any, component: Component, op: dict[str, Any], at: float) -> None:
    component.op = None
    _touch(component, at)
    if op.get("failure"):
        component.status = "Failed"
        component.failure_reason = op["failure"]
        release_idle(backend, endpoint, component.variant, at)
    else:
        component.status = "InService"


def _step_deleted(backend: Any, endpoint: Any, component: Component, op: dict[str, Any], at: float) -> None:
    component.op = None
    component.copies = []
    components(backend).pop(component.name, None)
    release_idle(backend, endpoint, component.variant, at)


def _step_count_done(backend: Any, endpoint: Any, component: Component, op: dict[str, Any], at: float) -> None:
    component.op = None
    _touch(component, at)
    component.status = "InService"
    _finish_record(op["record"], "Succeeded", at)
    release_idle(backend, endpoint, component.variant, at)


def _step_batch(backend: Any, endpoint: Any, component: Component, op: dict[str, Any], at: float) -> None:
    """Places the next batch of new copies beside the old ones."""
    new = [c for c in component.copies if c["version"] == op["to"]]
    size = min(op["batch"], op["target"] - len(new))
    placed = place(backend, endpoint, component, size, op["to"], at, op["record"])
    if placed is None:
        start_rollback(backend, endpoint, component, at, "capacity", [],
                       _capacity_failure(component, f"a batch of {size} new copies") + " Rolled back the update.")
        return
    ready = max([c["readyAt"] for c in placed], default=at)
    op["batch_copies"] = [c["id"] for c in placed]
    op["record"]["batches"].append({"newCopies": size, "placedAt": at, "readyAt": ready,
                                    "bakeSeconds": op["wait"], "bakedAt": ready + op["wait"],
                                    "oldCopiesRemoved": 0})
    op["state"], op["at"] = "baked", ready + op["wait"]


def _step_baked(backend: Any, endpoint: Any, component: Component, op: dict[str, Any], at: float) -> None:
    """A batch has baked: as many old copies go; the last batch takes the
    rest of them, and the update ends."""
    new = [c for c in component.copies if c["version"] == op["to"]]
    old = [c for c in component.copies if c["version"] != op["to"]]
    done = len(new) >= op["target"]
    if done:
        firing = alarms_in_alarm(backend, op["alarms"])
        if firing:
            # An alarm in ALARM as the update would complete rolls it back
            # like one seen during a bake.
            start_rollback(backend, endpoint, component, at, "alarm", firing, _alarm_failure(component, firing))
            return
    gone = old if done else old[: min(len(op["batch_copies"]), len(old))]
    _remove(component, gone)
    op["record"]["batches"][-1]["oldCopiesRemoved"] = len(gone)
    if not done:
        op["state"] = "batch"
        return
    component.op = None
    component.status = "InService"
    component.failure_reason = None
    _touch(component, at)
    for version in [v for v in component.specs if v != component.version]:
        del component.specs[version]
    _finish_record(op["record"], "Succeeded", at)
    release_idle(backend, endpoint, component.variant, at)


def _alarm_failure(component: Component, firing: list[str]) -> str:
    return ("Inference component update rolled back: CloudWatch alarm(s) " + ", ".join(firing)
            + " in ALARM state triggered auto-rollback.")


def start_rollback(backend: Any, endpoint: Any, component: Component, at: float, cause: str, firing: list[str],
                   reason: str) -> None:
    """Back to the old Specification and copy count: new copies removed and
    old ones restored in batches of RollbackMaximumBatchSize."""
    op = component.op
    assert op is not None
    # Copies that could not be placed are found out while SageMaker tries:
    # that rollback starts a transition later.
    start = at + (STATE.transition_seconds if cause == "capacity" else 0.0)
    op["state"], op["at"], op["reason"] = "rollback", start, reason
    record = op["record"]
    record.update({"status": "RollingBack", "rolledBackBy": cause, "firingAlarms": firing,
                   "rollbackStartedAt": at, "failureReason": reason})
    if start <= at:
        _step_rollback(backend, endpoint, component, op, at)


def _step_rollback(backend: Any, endpoint: Any, component: Component, op: dict[str, Any], at: float) -> None:
    new = [c for c in component.copies if c["version"] == op["to"]]
    old = [c for c in component.copies if c["version"] == op["from"]]
    missing = max(0, op["from_count"] - len(old))
    if not new and not missing:
        component.op = None
        component.version = op["from"]
        component.desired = op["from_count"]
        for version in [v for v in component.specs if v != op["from"]]:
            del component.specs[version]
        component.status = "InService"
        component.failure_reason = op["reason"]
        _touch(component, at)
        _finish_record(op["record"], "RolledBack", at)
        release_idle(backend, endpoint, component.variant, at)
        return
    # Each rollback step provisions the old fleet's batch, then terminates new copies; without a
    # RollbackMaximumBatchSize the batch is "100% of the total capacity": the entire old fleet at once, beside the
    # new copies (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_InferenceComponentRollingUpdatePolicy.html).
    size = op["rollback_batch"] or max(len(new), missing)
    restore = min(size, missing)
    placed = place(backend, endpoint, component, restore, op["from"], at, op["record"]) if restore else []
    gone = new[:size] if placed is not None else []
    _remove(component, gone)
    if placed is None:
        # Not even the old copies fit again: the component is Failed.
        component.op = None
        component.version = op["from"]
        component.desired = op["from_count"]
        component.status = "Failed"
        component.failure_reason = _capacity_failure(component, f"{restore} old copies during rollback")
        _touch(component, at)
        _finish_record(op["record"], "Failed", at)
        release_idle(backend, endpoint, component.variant, at)
        return
    op["record"]["rollbackBatches"].append({"at": at, "newCopiesRemoved": len(gone), "oldCopiesPlaced": restore})
    op["at"] = max([c["readyAt"] for c in placed], default=at)
    if op["at"] == at and not placed and not gone:
        op["at"] = at + STATE.transition_seconds


_STEPS = {
    "created": _step_created,
    "deleted": _step_deleted,
    "count": _step_count_done,
    "batch": _step_batch,
    "baked": _step_baked,
    "rollback": _step_rollback,
}


def watch(now: float) -> None:
    """The rollback alarms of every update while a batch bakes (from its new
    copies taking traffic until WaitIntervalInSeconds after: "the baking
    period, during which SageMaker AI monitors alarms for each batch on the
    new fleet", API_InferenceComponentRollingUpdatePolicy; not while the next
    batch loads), and MaximumExecutionTimeoutInSeconds."""
    for _, _, backend in each_backend(sm_models.sagemaker_backends):
        for component in list(components(backend).values()):
            op = component.op
            if op is None or op["state"] not in ("batch", "baked"):
                continue
            endpoint = backend.endpoints.get(component.endpoint)
            if endpoint is None:
                continue
            if op.get("deadline") is not None and now >= op["deadline"]:
                start_rollback(backend, endpoint, component, now, "timeout", [],
                               "Inference component update rolled back: the deployment exceeded "
                               "MaximumExecutionTimeoutInSeconds.")
                continue
            baking = op["state"] == "baked" and now >= op["record"]["batches"][-1]["readyAt"]
            if op["alarms"] and baking:
                firing = alarms_in_alarm(backend, op["alarms"])
                if firing:
                    start_rollback(backend, endpoint, component, now, "alarm", firing,
                                   _alarm_failure(component, firing))


def settle_all(now: float | None = None) -> None:
    now = time.time() if now is None else now
    for _, _, backend in each_backend(sm_models.sagemaker_backends):
        for component in list(components(backend).values()):
            advance(backend, component, now)


def settle_endpoint_components(backend: Any, endpoint: Any, now: float) -> None:
    """Brings the components of one endpoint up to `now` (before a
    DescribeEndpoint, whose instance counts they change)."""
    for component in list(components(backend).values()):
        if component.endpoint == endpoint.endpoint_name:
            advance(backend, component, now)


def _settled(backend: Any, name: str) -> Component | None:
    component = components(backend).get(name)
    if component is not None:
        settle_endpoint = backend.endpoints.get(component.endpoint)
        if settle_endpoint is not None:
            settle(backend, settle_endpoint)
        advance(backend, component, time.time())
    return components(backend).get(name)


# --------------------------------------------------------------------------
# The API
# --------------------------------------------------------------------------


def _refuse_endpoint(backend: Any, endpoint: Any) -> None:
    arn = endpoint_arn(backend, endpoint.endpoint_name)
    if not hosts_components(backend, endpoint):
        # terraform-provider-aws#40644 quotes this answer.
        raise ValidationError(message="Inference Components are not supported in this Endpoint. Please make sure "
                                      "this endpoint can deploy inference components.")
    if endpoint.endpoint_status != "InService":
        raise ValidationError(message=f'Endpoint "{arn}" is not in InService status: its inference components '
                                      "cannot change until it is.")


def _check_spec(backend: Any, endpoint: Any, spec: dict[str, Any] | None, name: str) -> dict[str, Any]:
    if not spec:
        raise ValidationError(message="Specification is required: it names the model (ModelName or Container) "
                                      "and the compute resources of each copy.")
    base = spec.get("BaseInferenceComponentName")
    if base:
        # An adapter "uses the compute resources that you assigned to the
        # base inference component" (API_InferenceComponentSpecification).
        found = components(backend).get(base)
        if found is None or found.endpoint != endpoint.endpoint_name:
            raise not_found(backend, base)
        if spec.get("ComputeResourceRequirements"):
            raise ValidationError(message="ComputeResourceRequirements must be omitted for an adapter inference "
                                          "component: it uses the compute resources of its base.")
        return copying.deepcopy(spec)
    if not spec.get("ModelName") and not (spec.get("Container") or {}).get("Image"):
        raise ValidationError(message="Specification needs a ModelName or a Container with an Image.")
    if spec.get("ModelName") and spec["ModelName"] not in backend._models:
        model_arn = sm_models.arn_formatter("model", spec["ModelName"], backend.account_id, backend.region_name)
        raise ValidationError(message=f"Could not find model '{model_arn}'.")
    if not spec.get("ComputeResourceRequirements"):
        raise ValidationError(message="Specification.ComputeResourceRequirements is required for an inference "
                                      "component that is not an adapter.")
    return copying.deepcopy(spec)


def _batch(size: dict[str, Any], copies: int) -> int:
    value = int(size.get("Value") or 0)
    if size.get("Type") == "CAPACITY_PERCENT":
        return max(1, math.floor(copies * value / 100.0))
    return max(1, value)


def _check_batch(size: dict[str, Any], counts: list[int]) -> None:
    # "The value must be between 5% to 50% of the copy count of the
    # inference component" (API_InferenceComponentRollingUpdatePolicy).
    for count in sorted(set(counts)):
        if size.get("Type") == "CAPACITY_PERCENT":
            share = float(size.get("Value") or 0) / 100.0
        else:
            share = float(size.get("Value") or 0) / count if count else math.inf
        if not 0.05 <= share <= 0.5:
            raise ValidationError(
                message=f"MaximumBatchSize {size.get('Type')} {size.get('Value')} is {share * 100:g}% of the copy "
                f"count {count}: the value must be between 5% to 50% of the copy count of the inference component."
            )


def create_component(backend: Any, params: dict[str, Any]) -> dict[str, Any]:
    name = params["InferenceComponentName"]
    with LOCK:
        now = time.time()
        if _settled(backend, name) is not None:
            raise ValidationError(message=f'Cannot create already existing inference component '
                                          f'"{component_arn(backend, name)}".')
        endpoint = settled_endpoint(backend, params["EndpointName"])
        if endpoint is None:
            raise endpoint_not_found(backend, params["EndpointName"])
        _refuse_endpoint(backend, endpoint)
        if params.get("Specifications"):
            raise ValidationError(message="Specifications (heterogeneous instance pools) is not supported by this "
                                          "emulator: send Specification.")
        variants = [v["VariantName"] for v in endpoint.production_variants]
        variant = params.get("VariantName")
        if variant is None:
            if len(variants) != 1:
                raise ValidationError(message="VariantName is required: the endpoint has several variants.")
            variant = variants[0]
        if variant not in variants:
            raise ValidationError(message=f'Could not find variant "{variant}" in endpoint '
                                          f'"{endpoint_arn(backend, endpoint.endpoint_name)}".')
        spec = _check_spec(backend, endpoint, params.get("Specification"), name)
        count = (params.get("RuntimeConfig") or {}).get("CopyCount")
        if spec.get("BaseInferenceComponentName"):
            if params.get("RuntimeConfig"):
                raise ValidationError(message="RuntimeConfig must be omitted for an adapter inference component.")
            count = None
        elif count is None or int(count) < 1:
            raise ValidationError(message="Inference components copy count an integer larger than 0: "
                                          "RuntimeConfig.CopyCount must be at least 1.")
        component = Component(backend, name, endpoint.endpoint_name, variant, spec,
                              None if count is None else int(count), params.get("Tags") or [])
        components(backend)[name] = component
        failure = None
        ready = now + STATE.transition_seconds
        if count:
            placed = place(backend, endpoint, component, int(count), 1, now)
            if placed is None:
                failure = _capacity_failure(component, f"{count} copies")
            else:
                ready = max(c["readyAt"] for c in placed)
        component.op = {"state": "created", "at": ready, "failure": failure}
        return {"InferenceComponentArn": component.arn}


def describe_component(backend: Any, name: str) -> dict[str, Any]:
    with LOCK:
        component = _settled(backend, name)
        if component is None:
            raise not_found(backend, name)
        spec = copying.deepcopy(component.spec)
        container = spec.get("Container")
        if container:
            # Describe reports the container's DeployedImage rather than the
            # Image given (InferenceComponentContainerSpecificationSummary).
            image = container.pop("Image", None)
            if image:
                container["DeployedImage"] = _deployed_images([image], component.creation_time)[0]
        response: dict[str, Any] = {
            "InferenceComponentName": component.name,
            "InferenceComponentArn": component.arn,
            "EndpointName": component.endpoint,
            "EndpointArn": endpoint_arn(backend, component.endpoint),
            "VariantName": component.variant,
            "Specification": spec,
            "CreationTime": component.creation_time,
            "LastModifiedTime": component.last_modified_time,
            "InferenceComponentStatus": component.status,
        }
        if component.desired is not None:
            response["RuntimeConfig"] = {"DesiredCopyCount": component.desired,
                                         "CurrentCopyCount": len(ready_copies(component, time.time()))}
        if component.failure_reason:
            response["FailureReason"] = component.failure_reason
        if component.last_deployment_config:
            response["LastDeploymentConfig"] = copying.deepcopy(component.last_deployment_config)
        return response


def list_components(backend: Any, params: dict[str, Any]) -> dict[str, Any]:
    from emu_cloudwatch import to_epoch
    from emu_core import epoch

    with LOCK:
        now = time.time()
        for endpoint in list(backend.endpoints.values()):
            settle(backend, endpoint)
        for component in list(components(backend).values()):
            advance(backend, component, now)
        found = list(components(backend).values())
        if params.get("EndpointNameEquals"):
            found = [c for c in found if c.endpoint == params["EndpointNameEquals"]]
        if params.get("VariantNameEquals"):
            found = [c for c in found if c.variant == params["VariantNameEquals"]]
        if params.get("StatusEquals"):
            found = [c for c in found if c.status == params["StatusEquals"]]
        if params.get("NameContains"):
            found = [c for c in found if params["NameContains"] in c.name]
        for key, attribute, before in (("CreationTimeBefore", "creation_time", True),
                                       ("CreationTimeAfter", "creation_time", False),
                                       ("LastModifiedTimeBefore", "last_modified_time", True),
                                       ("LastModifiedTimeAfter", "last_modified_time", False)):
            if params.get(key) is not None:
                limit = to_epoch(params[key])
                found = [c for c in found
                         if (epoch(getattr(c, attribute)) < limit if before else epoch(getattr(c, attribute)) > limit)]
        sort_by = params.get("SortBy") or "CreationTime"
        keys = {"Name": lambda c: c.name, "Status": lambda c: c.status,
                "CreationTime": lambda c: epoch(c.creation_time)}
        found.sort(key=keys[sort_by], reverse=(params.get("SortOrder") or "Descending") == "Descending")
        try:
            start = int(params.get("NextToken") or 0)
        except ValueError:
            raise ValidationError(message="Invalid pagination token: NextToken.") from None
        size = int(params.get("MaxResults") or 10)
        page = found[start:start + size]
        response: dict[str, Any] = {"InferenceComponents": [
            {
                "CreationTime": c.creation_time,
                "InferenceComponentArn": c.arn,
                "InferenceComponentName": c.name,
                "EndpointArn": endpoint_arn(backend, c.endpoint),
                "EndpointName": c.endpoint,
                "VariantName": c.variant,
                "InferenceComponentStatus": c.status,
                "LastModifiedTime": c.last_modified_time,
            }
            for c in page
        ]}
        if start + size < len(found):
            response["NextToken"] = str(start + size)
        return response


def _mutable(backend: Any, name: str) -> tuple[Component, Any]:
    component = _settled(backend, name)
    if component is None:
        raise not_found(backend, name)
    if component.status == "Failed":
        # Silent on AWS's side; a Failed component is only deleted here.
        raise ValidationError(message=f'Cannot update failed inference component "{component.arn}".')
    if component.status != "InService":
        raise ValidationError(message=f'Cannot update in-progress inference component "{component.arn}".')
    endpoint = settled_endpoint(backend, component.endpoint)
    if endpoint is None:
        raise endpoint_not_found(backend, component.endpoint)
    _refuse_endpoint(backend, endpoint)
    return component, endpoint


def change_copy_count(backend: Any, endpoint: Any, component: Component, count: int, at: float,
                      trigger: str) -> None:
    """Places or removes copies; copies that fit nowhere roll the change back."""
    record = _new_record(component, "COPY_COUNT", trigger, at, toSpecVersion=component.version,
                         toModel=component.spec.get("ModelName"), toCopyCount=count)
    _note_peaks(backend, endpoint, component, record)
    before = component.desired or 0
    component.desired = count
    component.status = "Updating"
    _touch(component, at)
    current = [c for c in component.copies if c["version"] == component.version]
    ready = at + STATE.transition_seconds
    if count > len(current):
        placed = place(backend, endpoint, component, count - len(current), component.version, at, record)
        if placed is None:
            # Silent on AWS's side: the change rolls back to the old count.
            component.desired = before
            reason = _capacity_failure(component, f"{count - len(current)} more copies") + " Rolled back the update."
            record.update({"status": "RollingBack", "rolledBackBy": "capacity", "failureReason": reason,
                           "rollbackStartedAt": at})
            component.failure_reason = reason
            component.op = {"state": "count_failed", "at": ready, "record": record}
            return
        ready = max([c["readyAt"] for c in placed], default=ready)
        record["batches"].append({"newCopies": len(placed), "placedAt": at, "readyAt": ready, "bakeSeconds": 0,
                                  "bakedAt": ready, "oldCopiesRemoved": 0})
    elif count < len(current):
        # The newest copies go first.
        gone = current[count - len(current):] if count else current
        _remove(component, gone)
        record["batches"].append({"newCopies": 0, "placedAt": at, "readyAt": at, "bakeSeconds": 0, "bakedAt": at,
                                  "oldCopiesRemoved": len(gone)})
    component.failure_reason = None
    component.op = {"state": "count", "at": ready, "record": record}


def _step_count_failed(backend: Any, endpoint: Any, component: Component, op: dict[str, Any], at: float) -> None:
    component.op = None
    component.status = "InService"
    _touch(component, at)
    _finish_record(op["record"], "RolledBack", at)
    release_idle(backend, endpoint, component.variant, at)


_STEPS["count_failed"] = _step_count_failed


def update_component(backend: Any, params: dict[str, Any]) -> dict[str, Any]:
    name = params["InferenceComponentName"]
    with LOCK:
        now = time.time()
        component, endpoint = _mutable(backend, name)
        if params.get("Specifications"):
            raise ValidationError(message="Specifications (heterogeneous instance pools) is not supported by this "
                                          "emulator: send Specification.")
        spec_given = params.get("Specification")
        runtime = params.get("RuntimeConfig")
        deployment = params.get("DeploymentConfig")
        if not spec_given and not runtime and not deployment:
            raise ValidationError(message="Nothing to update: give Specification, RuntimeConfig or "
                                          "DeploymentConfig.")
        spec = _check_spec(backend, endpoint, spec_given, name) if spec_given else None
        adapter = bool((spec or component.spec).get("BaseInferenceComponentName"))
        if adapter and (runtime or deployment):
            raise ValidationError(message="An adapter inference component takes neither RuntimeConfig nor "
                                          "DeploymentConfig: it runs in its base's copies.")
        count = int(runtime["CopyCount"]) if runtime else component.desired
        policy = (deployment or {}).get("RollingUpdatePolicy")
        if policy:
            _check_batch(policy["MaximumBatchSize"], [component.desired or 0, count or 0])
        if deployment:
            component.last_deployment_config = copying.deepcopy(deployment)
        if spec is None:
            change_copy_count(backend, endpoint, component, count or 0, now, "UpdateInferenceComponent")
            return {"InferenceComponentArn": component.arn}
        old_version = component.version
        version = max(component.specs) + 1
        component.specs[version] = spec
        if adapter:
            component.version = version
            del component.specs[old_version]
            component.status = "Updating"
            _touch(component, now)
            component.op = {"state": "created", "at": now + STATE.transition_seconds, "failure": None}
            return {"InferenceComponentArn": component.arn}
        alarms = [a["AlarmName"] for a in ((deployment or {}).get("AutoRollbackConfiguration") or {}).get("Alarms")
                  or [] if a.get("AlarmName")]
        target = count or 0
        batch = _batch(policy["MaximumBatchSize"], target) if policy else max(1, target)
        rollback_size = (policy or {}).get("RollbackMaximumBatchSize")
        # A 100% rollback batch is the default: all at once.
        rollback_batch = _batch(rollback_size, component.desired or 0) if rollback_size else None
        timeout = (policy or {}).get("MaximumExecutionTimeoutInSeconds")
        record = _new_record(
            component, "ROLLING" if policy else "BLUE_GREEN", "UpdateInferenceComponent", now,
            toSpecVersion=version, toModel=spec.get("ModelName"), toCopyCount=target, batchSize=batch,
            rollbackBatchSize=rollback_batch, waitSeconds=float((policy or {}).get("WaitIntervalInSeconds") or 0),
            alarms=alarms, maximumExecutionTimeoutSeconds=timeout,
        )
        _note_peaks(backend, endpoint, component, record)
        component.op = {
            "state": "batch", "at": now, "from": old_version, "to": version, "from_count": component.desired or 0,
            "target": target, "batch": batch, "rollback_batch": rollback_batch,
            "wait": float((policy or {}).get("WaitIntervalInSeconds") or 0), "alarms": alarms,
            "deadline": now + float(timeout) if timeout else None, "record": record,
        }
        # Describe shows the new Specification and copy count while Updating.
        component.version = version
        component.desired = target
        component.status = "Updating"
        component.failure_reason = None
        _touch(component, now)
        advance(backend, component, now)
        return {"InferenceComponentArn": component.arn}


def update_runtime_config(backend: Any, params: dict[str, Any]) -> dict[str, Any]:
    with LOCK:
        component, endpoint = _mutable(backend, params["InferenceComponentName"])
        if component.base:
            raise ValidationError(message="An adapter inference component has no copy count of its own.")
        change_copy_count(backend, endpoint, component, int(params["DesiredRuntimeConfig"]["CopyCount"]),
                          time.time(), "UpdateInferenceComponentRuntimeConfig")
        return {"InferenceComponentArn": component.arn}


def delete_component(backend: Any, name: str) -> None:
    with LOCK:
        now = time.time()
        component = _settled(backend, name)
        if component is None:
            raise not_found(backend, name)
        if component.status in ("Creating", "Updating", "Deleting"):
            raise ValidationError(message=f'Cannot delete in-progress inference component "{component.arn}".')
        adapters = [c.name for c in components(backend).values() if c.base == name]
        if adapters:
            raise ValidationError(message=f'Inference component "{component.arn}" is the base of adapter inference '
                                          f"component(s) {', '.join(sorted(adapters))}: delete them first.")
        component.status = "Deleting"
        _touch(component, now)
        # A component being deleted serves nothing more.
        for c in component.copies:
            c["readyAt"] = math.inf
        component.op = {"state": "deleted", "at": now + STATE.transition_seconds}


def refuse_endpoint_delete(backend: Any, endpoint_name: str) -> None:
    hosted = sorted(c.name for c in components(backend).values() if c.endpoint == endpoint_name)
    if hosted:
        raise ValidationError(message=f'Endpoint "{endpoint_arn(backend, endpoint_name)}" hosts inference '
                                      f"component(s) {', '.join(hosted)}: delete them first.")


def resource_from_arn(backend: Any, arn: str) -> Any:
    """The component an ARN names, for AddTags/ListTags/DeleteTags."""
    resource = arn.split(":")[-1]
    if not resource.startswith("inference-component/"):
        return None
    return components(backend).get(resource.split("/", 1)[1])


# --------------------------------------------------------------------------
# Endpoint configs for components
# --------------------------------------------------------------------------


def check_endpoint_config(params: dict[str, Any]) -> None:
    variants = params.get("ProductionVariants") or []
    without_model = [v for v in variants if not v.get("ModelName")]
    for variant in variants:
        if variant.get("ModelName") and variant.get("ManagedInstanceScaling"):
            # terraform-provider-aws #45926 / #48767 quote this answer.
            raise ValidationError(message="ManagedInstanceScaling is only supported for inference component "
                                          "endpoints.")
    if not without_model:
        return
    if len(without_model) != len(variants):
        raise ValidationError(message="Either every production variant names a ModelName or none does (an "
                                      "endpoint for inference components).")
    if not params.get("ExecutionRoleArn"):
        # sagemaker-python-sdk: "ExecutionRoleArn will be needed in the
        # endpoint config" of an endpoint for inference components.
        raise ValidationError(message="ExecutionRoleArn is required in an endpoint configuration whose production "
                                      "variants name no model (an endpoint for inference components).")
    for variant in without_model:
        if variant.get("ServerlessConfig") or not variant.get("InstanceType"):
            raise ValidationError(message=f"Production variant {variant.get('VariantName')} names no model: an "
                                          "endpoint for inference components needs an InstanceType.")
        scaling = variant.get("ManagedInstanceScaling") or {}
        low, high = scaling.get("MinInstanceCount"), scaling.get("MaxInstanceCount")
        if low is not None and high is not None and int(low) > int(high):
            raise ValidationError(message="ManagedInstanceScaling MinInstanceCount must not exceed "
                                          "MaxInstanceCount.")


_orig_validate_production_variants = sm_models.SageMakerModelBackend.validate_production_variants


def validate_production_variants(self: Any, production_variants: list[dict[str, Any]]) -> None:
    # moto requires every variant to name a model; one for components names none.
    _orig_validate_production_variants(self, [v for v in production_variants if v.get("ModelName")])


# --------------------------------------------------------------------------
# Traffic, invocation and metrics
# --------------------------------------------------------------------------


def find(name: str) -> tuple[str, str, Any, Component] | None:
    for account, region, backend in each_backend(sm_models.sagemaker_backends):
        component = components(backend).get(name)
        if component is not None:
            return account, region, backend, component
    return None


def refusal(backend: Any, endpoint: Any, name: str | None, account: str) -> str | None:
    """Why InvokeEndpoint cannot reach this component (None: it can). The
    wording is not documented; these say what happened."""
    if not hosts_components(backend, endpoint):
        return (f"Endpoint {endpoint.endpoint_name} of account {account} hosts no inference components: "
                "InferenceComponentName is not supported." if name else None)
    if not name:
        return (f"Endpoint {endpoint.endpoint_name} of account {account} hosts inference components: "
                "InferenceComponentName is required.")
    component = components(backend).get(name)
    if component is None or component.endpoint != endpoint.endpoint_name:
        return f"Inference component {name} not found for endpoint {endpoint.endpoint_name} of account {account}."
    advance(backend, component, time.time())
    if component.status not in ("InService", "Updating"):
        return f"Inference component {name} is {component.status}: it serves no requests."
    host = components(backend).get(component.base) if component.base else component
    if host is None or not ready_copies(host, time.time()):
        return f"Inference component {name} has no copy to serve the request."
    return None


def _behaviour(backend: Any, spec: dict[str, Any]) -> dict[str, Any]:
    from emu_traffic import DEFAULT_BEHAVIOUR

    model = spec.get("ModelName")
    haystack = model_images(backend, model) + ([model] if model else [])
    image = (spec.get("Container") or {}).get("Image")
    if image:
        haystack.append(image)
    for rule in STATE.behaviours:
        if any(rule["match"] in item for item in haystack):
            return rule
    return DEFAULT_BEHAVIOUR


def serve(account: str, region: str, backend: Any, endpoint: Any, component: Component, at: float, *,
          invoked: bool) -> dict[str, Any]:
    """One request to a random ready copy of the component (of its base, for
    an adapter), recorded in the variant's and the component's metrics."""
    import emu_traffic as traffic

    host = components(backend).get(component.base) if component.base else component
    assert host is not None
    key = f"{account}/{region}/{endpoint.endpoint_name}/{component.name}"
    copies = ready_copies(host, at)
    rng = STATE.stream(f"component|{key}")
    chosen = copies[int(rng.random() * len(copies)) % len(copies)]
    spec = host.specs[chosen["version"]]
    behaviour = _behaviour(backend, spec)
    pool = _pool(backend, endpoint, host.variant)
    have = instance_resources(pool["type"])
    need = requirements(spec)
    fit = min([math.floor(h / n) for h, n in zip(have, need) if n > 0] or [1])
    per_copy = STATE.capacity(pool["type"]) / max(1, fit)
    capacity = per_copy * len(copies)
    second = int(at)
    load = STATE.component_load.setdefault(key, {})
    load[second] = load.get(second, 0) + 1
    STATE.component_first_seen.setdefault(key, at)
    STATE.component_recent.setdefault(key, deque()).append(at)
    spec_rate = STATE.component_traffic.get((endpoint.endpoint_name, component.name))
    expected = spec_rate["rate"] if spec_rate else 0.0
    utilisation = max(load[second], expected) / capacity if capacity > 0 else math.inf
    overhead_ms = traffic._draw_ms(rng, traffic.OVERHEAD["latencyMs"], traffic.OVERHEAD["latencyP99Ms"])
    model_ms: float | None
    if load[second] > capacity:
        status, cause, model_ms = 503, "capacity", None
    else:
        model_ms = traffic._draw_ms(rng, behaviour["latencyMs"], behaviour["latencyP99Ms"]) * traffic.load_factor(
            utilisation)
        if behaviour["errorRate"] > 0 and rng.random() < behaviour["errorRate"]:
            status, cause = 500, "model"
        else:
            status, cause = 200, None
    model_us = None if model_ms is None else model_ms * 1000.0
    # An endpoint config's MetricsConfig sets how often both publish (enhanced metrics, 10 s to 5 minutes).
    publishing = traffic.publishing_of(backend, endpoint, {"config": None})
    cloudwatch.record(account, region, endpoint.endpoint_name, host.variant, None, at, model_us=model_us,
                      overhead_us=overhead_ms * 1000.0, status=status, instances=len(pool["instances"]),
                      publishing=publishing)
    cloudwatch.record_component(account, region, endpoint.endpoint_name, host.variant, component.name, at,
                                model_us=model_us, overhead_us=overhead_ms * 1000.0, status=status,
                                model_error=cause == "model", copies=len(copies), period=publishing.period)
    traffic._count(endpoint.endpoint_name, host.variant, at, status, cause, model_ms, overhead_ms, invoked, None)
    stats = STATE.component_stats.setdefault(component.name, {"rejected": 0, "requests": 0, "errors5xx": 0,
                                                                "bySpecVersion": {}, "byModel": {}})
    stats["requests"] += 1
    stats["errors5xx"] += 1 if status >= 500 else 0
    version = str(chosen["version"])
    stats["bySpecVersion"][version] = stats["bySpecVersion"].get(version, 0) + 1
    model = spec.get("ModelName") or (spec.get("Container") or {}).get("Image") or ""
    stats["byModel"][model] = stats["byModel"].get(model, 0) + 1
    outcome = {"variant": host.variant, "status": status, "cause": cause, "latencyMs": (model_ms or 0.0) + overhead_ms,
               "copy": chosen["id"], "specVersion": chosen["version"], "modelName": spec.get("ModelName")}
    outcome.update(traffic.answer_of(behaviour, STATE.stream(f"answer|{key}")))
    return outcome


def set_traffic(endpoint: str, component: str, rate: float, now: float) -> None:
    if rate < 0 or not math.isfinite(rate):
        raise ValueError("ratePerSecond must be a number >= 0")
    key = (endpoint, component)
    if rate == 0:
        STATE.component_traffic.pop(key, None)
        return
    spec = STATE.component_traffic.get(key)
    if spec is None:
        STATE.component_traffic[key] = {"rate": rate, "next": now}
    else:
        spec["rate"] = rate
        spec["next"] = min(spec["next"], now + 1.0 / rate)


def stop_traffic(endpoint: str | None) -> None:
    for key in [k for k in STATE.component_traffic if endpoint is None or k[0] == endpoint]:
        del STATE.component_traffic[key]


def traffic_report() -> dict[str, dict[str, float]]:
    report: dict[str, dict[str, float]] = {}
    for (endpoint, component), spec in sorted(STATE.component_traffic.items()):
        report.setdefault(endpoint, {})[component] = spec["rate"]
    return report


def generate(now: float) -> None:
    """The requests every simulated client of a component owes up to `now`."""
    import emu_traffic as traffic

    for (endpoint_name, name), spec in list(STATE.component_traffic.items()):
        interval = 1.0 / spec["rate"]
        while spec["next"] <= now:
            at = spec["next"]
            spec["next"] += interval
            found = traffic.find_endpoint(endpoint_name)
            if found is None:
                traffic.reject(endpoint_name)
                continue
            account, region, backend, endpoint = found
            settle(backend, endpoint)
            if endpoint.endpoint_status not in SERVING or refusal(backend, endpoint, name, account) is not None:
                traffic.reject(endpoint_name)
                STATE.component_stats.setdefault(name, {"rejected": 0, "requests": 0, "errors5xx": 0,
                                                        "bySpecVersion": {}, "byModel": {}})["rejected"] += 1
                continue
            serve(account, region, backend, endpoint, components(backend)[name], at, invoked=False)


def prune(now: float) -> None:
    for load in STATE.component_load.values():
        for second in [s for s in load if s < now - 180]:
            del load[second]
    for times in STATE.component_recent.values():
        while times and times[0] < now - 60:
            times.popleft()


def recent_rate(account: str, region: str, component: Component, now: float) -> tuple[float | None, float]:
    """(requests a minute over the last minute, seconds since the first)."""
    key = f"{account}/{region}/{component.endpoint}/{component.name}"
    times = STATE.component_recent.get(key)
    while times and times[0] < now - 60:
        times.popleft()
    first = STATE.component_first_seen.get(key)
    if not times or first is None:
        return None, 0.0 if first is None else now - first
    span = min(60.0, max(1.0, now - first))
    return len(times) * 60.0 / span, now - first


# --------------------------------------------------------------------------
# Application Auto Scaling of copies
# --------------------------------------------------------------------------


def autoscale(now: float) -> None:
    """Target tracking of DesiredCopyCount on InvocationsPerCopy: one copy
    per evaluation toward ceil(invocations per minute / target), within
    MinCapacity..MaxCapacity, only while the component and its endpoint are
    InService, never in a suspended direction nor in when scale-in is
    disabled."""
    from emu_autoscaling import _suspended

    for account, region, aas in each_backend(aas_models.applicationautoscaling_backends):
        backend = sm_models.sagemaker_backends[account][region]
        for resource_id, target in list(aas.targets.get(IC_DIMENSION, {}).items()):
            match = _RESOURCE.match(resource_id)
            if not match or target.service_namespace != "sagemaker":
                continue
            configurations = [
                p.target_tracking_scaling_policy_configuration or {}
                for p in aas.policies.values()
                if p.resource_id == resource_id and p.scalable_dimension == IC_DIMENSION
                and p.policy_type == "TargetTrackingScaling"
            ]
            configurations = [
                c for c in configurations
                if (c.get("PredefinedMetricSpecification") or {}).get("PredefinedMetricType") == INVOCATIONS_PER_COPY
                and float(c.get("TargetValue") or 0) > 0
            ]
            if not configurations:
                continue
            component = _settled(backend, match.group(1))
            if component is None or component.status != "InService" or component.desired is None:
                continue
            endpoint = settled_endpoint(backend, component.endpoint)
            if endpoint is None or endpoint.endpoint_status != "InService":
                continue
            per_minute, observed = recent_rate(account, region, component, now)
            current = component.desired
            if per_minute is None or current <= 0:
                continue
            if observed < min(60.0, max(2.0, 3 * STATE.autoscaling_interval)):
                continue
            low = int(target.min_capacity if target.min_capacity is not None else 1)
            high = int(target.max_capacity if target.max_capacity is not None else current)
            desired = [max(low, min(high, math.ceil(per_minute / float(c["TargetValue"])))) for c in configurations]
            step = 0
            if max(desired) > current and not _suspended(target, "DynamicScalingOutSuspended"):
                step = 1
            elif (max(desired) < current and not _suspended(target, "DynamicScalingInSuspended")
                  and not any(c.get("DisableScaleIn") for c in configurations)):
                step = -1
            if step:
                change_copy_count(backend, endpoint, component, current + step, now, "ApplicationAutoScaling")


_orig_target_params_are_valid = aas_models._target_params_are_valid
_orig_validate_params = aas_responses.ApplicationAutoScalingResponse._validate_params
# Set by install(): the register_scalable_target in place then (emu_autoscaling's).
_orig_register_scalable_target: Any = None


def _target_params_are_valid(namespace: str, r_id: str, dimension: str) -> bool:
    # moto's list of dimensions predates inference components.
    if namespace == "sagemaker" and dimension == IC_DIMENSION and r_id.startswith("inference-component/"):
        return True
    return _orig_target_params_are_valid(namespace, r_id, dimension)


def _validate_params(self: Any) -> None:
    if self._get_param("ScalableDimension") == IC_DIMENSION:
        return
    _orig_validate_params(self)


def register_scalable_target(self: Any, namespace: str, r_id: str, dimension: str, *args: Any, **kwargs: Any) -> Any:
    # Application Auto Scaling checks with SageMaker that the component
    # exists, as it does for a variant.
    if namespace == "sagemaker" and dimension == IC_DIMENSION:
        match = _RESOURCE.match(r_id)
        backend = sm_models.sagemaker_backends[self.account_id][self.region_name]
        with LOCK:
            component = _settled(backend, match.group(1)) if match else None
        if component is None:
            from moto.core.exceptions import JsonRESTError

            raise JsonRESTError(
                "ValidationException",
                f"The target resource {r_id} does not exist: no such inference component.",
            )
    return _orig_register_scalable_target(self, namespace, r_id, dimension, *args, **kwargs)


# --------------------------------------------------------------------------
# Reports for the control endpoints
# --------------------------------------------------------------------------


def report(now: float, endpoint_filter: list[str] | None = None) -> dict[str, Any]:
    endpoints: dict[str, Any] = {}
    listed: dict[str, Any] = {}
    for _, _, backend in each_backend(sm_models.sagemaker_backends):
        for endpoint in list(backend.endpoints.values()):
            name = endpoint.endpoint_name
            if endpoint_filter and name not in endpoint_filter:
                continue
            if not hosts_components(backend, endpoint):
                continue
            variants = {}
            for summary in endpoint.production_variants:
                variant = summary["VariantName"]
                pool = _pool(backend, endpoint, variant)
                have = instance_resources(pool["type"])
                instances = []
                for instance in pool["instances"]:
                    used = _used(backend, endpoint, instance["id"])
                    hosted = []
                    for component in components(backend).values():
                        for c in component.copies:
                            if c["instance"] == instance["id"] and component.endpoint == name:
                                hosted.append(_copy_entry(component, c, now))
                    instances.append({
                        "id": instance["id"], "launchedAt": instance["launchedAt"], "readyAt": instance["readyAt"],
                        "ready": instance["readyAt"] <= now,
                        "free": {"acceleratorDevices": have[0] - used[0], "cpuCores": have[1] - used[1],
                                 "memoryMiB": have[2] - used[2]},
                        "copies": hosted,
                    })
                variants[variant] = {
                    "instanceType": pool["type"],
                    "instanceResources": {"acceleratorDevices": have[0], "cpuCores": have[1], "memoryMiB": have[2]},
                    "managedInstanceScaling": _scaling(backend, endpoint, variant),
                    "instances": instances,
                    "instancesLaunched": pool["launched"],
                    "instancesReleased": pool["released"],
                    "peakInstances": pool["peak"],
                }
            endpoints[name] = {"variants": variants}
        for component in components(backend).values():
            if endpoint_filter and component.endpoint not in endpoint_filter:
                continue
            stats = STATE.component_stats.get(component.name) or {}
            listed[component.name] = {
                "endpoint": component.endpoint,
                "variant": component.variant,
                "status": component.status,
                "specVersion": component.version,
                "modelName": component.spec.get("ModelName"),
                "baseInferenceComponentName": component.base,
                "desiredCopyCount": component.desired,
                "copies": [_copy_entry(component, c, now) for c in component.copies],
                "requests": stats.get("requests", 0),
                "rejected": stats.get("rejected", 0),
                "errors5xx": stats.get("errors5xx", 0),
                "requestsBySpecVersion": dict(stats.get("bySpecVersion") or {}),
                "requestsByModel": dict(stats.get("byModel") or {}),
            }
    return {"endpoints": endpoints, "inferenceComponents": listed, "time": now}


def _copy_entry(component: Component, c: dict[str, Any], now: float) -> dict[str, Any]:
    op = component.op or {}
    if op.get("to") is not None and op.get("from") is not None:
        generation = "new" if c["version"] == op["to"] else "old"
    else:
        generation = "current"
    return {
        "id": c["id"],
        "inferenceComponent": component.name,
        "instance": c["instance"],
        "specVersion": c["version"],
        "modelName": component.specs[c["version"]].get("ModelName"),
        "generation": generation,
        "ready": c["readyAt"] <= now,
        "readyAt": None if math.isinf(c["readyAt"]) else c["readyAt"],
    }


def updates_report(wanted: list[str] | None) -> list[dict[str, Any]]:
    result = []
    for record in STATE.component_updates:
        if wanted and record["inferenceComponent"] not in wanted:
            continue
        entry = copying.deepcopy(record)
        entry["startedAtIso"] = iso(record["startedAt"])
        result.append(entry)
    return result


# --------------------------------------------------------------------------
# Hooks into moto
# --------------------------------------------------------------------------


class ComponentResponses:
    """Methods grafted onto moto's SageMakerResponse."""

    def create_inference_component(self: Any) -> Any:
        return sm_responses.ActionResult(create_component(self.sagemaker_backend, dict(self.params)))

    def describe_inference_component(self: Any) -> Any:
        return sm_responses.ActionResult(describe_component(self.sagemaker_backend,
                                                            self._get_param("InferenceComponentName")))

    def list_inference_components(self: Any) -> Any:
        return sm_responses.ActionResult(list_components(self.sagemaker_backend, dict(self.params)))

    def update_inference_component(self: Any) -> Any:
        return sm_responses.ActionResult(update_component(self.sagemaker_backend, dict(self.params)))

    def update_inference_component_runtime_config(self: Any) -> Any:
        return sm_responses.ActionResult(update_runtime_config(self.sagemaker_backend, dict(self.params)))

    def delete_inference_component(self: Any) -> Any:
        delete_component(self.sagemaker_backend, self._get_param("InferenceComponentName"))
        return sm_responses.ActionResult({})


def install() -> None:
    response = sm_responses.SageMakerResponse
    for name in ("create_inference_component", "describe_inference_component", "list_inference_components",
                 "update_inference_component", "update_inference_component_runtime_config",
                 "delete_inference_component"):
        setattr(response, name, getattr(ComponentResponses, name))
    sm_models.SageMakerModelBackend.validate_production_variants = validate_production_variants
    global _orig_register_scalable_target
    _orig_register_scalable_target = aas_models.ApplicationAutoscalingBackend.register_scalable_target
    aas_models._target_params_are_valid = _target_params_are_valid
    aas_responses.ApplicationAutoScalingResponse._validate_params = _validate_params
    aas_models.ApplicationAutoscalingBackend.register_scalable_target = register_scalable_target
