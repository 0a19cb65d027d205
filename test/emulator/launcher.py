"""Test-only launcher for the moto server, with the SageMaker behaviour the
end-to-end tests depend on and moto lacks, at the version pinned as
MOTO_VERSION in test/runner/runner.mjs (which starts this launcher).

Usage: python3 test/emulator/launcher.py [--host 127.0.0.1] [--port N]
Prints "EMULATOR READY http://HOST:PORT" once it accepts connections and
serves until SIGTERM/SIGINT. --port 0 picks a free port (reported in the
ready line). Nothing in moto's installed files is changed: every patch below
is applied to moto's classes in this process at start-up.

Findings against plain moto at MOTO_VERSION (checked with boto3 and the AWS SDK for JS)
-------------------------------------------------------------------------------------
Works as is:
  * CreateModel / DescribeModel / DeleteModel / ListModels.
  * CreateEndpointConfig / DescribeEndpointConfig (InitialVariantWeight 0 is
    kept) / ListEndpointConfigs / DeleteEndpointConfig. Deleting a config or
    a model that an endpoint still uses is allowed, as in SageMaker.
  * Tags passed to CreateModel, CreateEndpointConfig and CreateEndpoint, and
    ListTags / DeleteTags on models, endpoint configs and endpoints.
  * Application Auto Scaling RegisterScalableTarget (re-registering updates
    min/max in place), PutScalingPolicy (re-putting replaces the policy),
    DescribeScalableTargets, DescribeScalingPolicies, DeleteScalingPolicy,
    DeregisterScalableTarget (a missing target is a ValidationException).
  * CloudWatch PutMetricData (Value, Values+Counts, StatisticValues),
    GetMetricData with Sum/Average/SampleCount/Minimum/Maximum,
    PutMetricAlarm, DescribeAlarms, SetAlarmState. Alarms never evaluate
    metrics: they change state only through SetAlarmState.
  * POST /moto-api/reset clears every backend.

Gaps found and patched here (each patch names the SageMaker behaviour):
  * UpdateEndpoint is not implemented (HTTP 500). Implemented: Updating on
    the old config (PendingDeploymentSummary names the new one), then
    InService on the new config; RetainAllVariantProperties,
    ExcludeRetainedVariantProperties, DeploymentConfig and
    RetainDeploymentConfig (LastDeploymentConfig) are honoured.
  * Endpoints are InService at once; there is no Creating/Updating.
  * CreateModel, CreateEndpointConfig and CreateEndpoint silently replace an
    existing resource of the same name.
  * UpdateEndpointWeightsAndCapacities is implemented but instantaneous,
    accepted in any state, and wipes the fields a request leaves out (a
    weight-only change drops the instance counts and the other way round).
  * DescribeEndpoint drops CurrentWeight/DesiredWeight of weight-0 variants
    (a falsy check), and never reports FailureReason or DeployedImages.
  * UpdateEndpoint, UpdateEndpointWeightsAndCapacities and DeleteEndpoint
    are accepted in any state; SageMaker refuses them while the endpoint is
    Creating/Updating/RollingBack ('Cannot update in-progress endpoint
    "<arn>".') and refuses updates of a Failed endpoint.
  * Nothing ties endpoints to Application Auto Scaling. SageMaker refuses an
    UpdateEndpoint that removes a variant registered as a scalable target or
    changes its instance type, and DeleteEndpoint deregisters the variants.
  * AddTags appends a duplicate when the key exists instead of overwriting.
  * ListTags / AddTags on a missing resource answers HTTP 500.
  * InvokeEndpoint answers 200 for endpoints that do not exist, ignores
    TargetVariant, reports the variant as "invoked_production_variant",
    answers the body "body" with content type "content_type", and can never
    fail. Now: a missing (or still Creating, or Failed) endpoint is a 400
    ValidationError "Endpoint X of account Y not found."; TargetVariant is
    honoured; otherwise a variant is picked by CurrentWeight; unseeded
    answers are JSON {"ok": true, "endpoint": ..., "variant": ...}; failure
    rules answer 424 ModelError as SageMaker does when the container fails.
  * GetMetricData with a percentile Stat (p99, p99.9) answers HTTP 500;
    GetMetricStatistics ignores ExtendedStatistics. Percentiles here are
    nearest-rank over the period's samples (Values expanded by Counts).
  * PutScalingPolicy succeeds without a registered scalable target,
    RegisterScalableTarget accepts variants that do not exist, and
    DeregisterScalableTarget leaves the target's policies behind.

Message texts: the in-progress/failed/duplicate/not-found texts follow what
SageMaker answers; the texts for the auto-scaling guard, an unknown
TargetVariant, RegisterScalableTarget on a missing variant and tags of a
missing resource are approximations (the error codes match).

Not patched (known, out of scope): metric math expressions in GetMetricData
return no values; alarms do not evaluate metrics; endpoints do not publish
Invocations/ModelLatency metrics by themselves (tests publish them);
DeleteEndpoint is immediate (no Deleting).

Emulation knobs
---------------
  * EMULATOR_TRANSITION_SECONDS (default 1, fractional allowed): how long an
    endpoint stays Creating / Updating / RollingBack. Status is computed
    lazily from timestamps whenever the endpoint is read, so a transition
    completes at the first read after its deadline (deterministic, no
    timer threads).
  * A model whose container image contains "fail-create" makes CreateEndpoint
    end Failed; one containing "fail-update" makes UpdateEndpoint end
    InService on the old config with FailureReason set (SageMaker's rollback
    of a failed update). FailureReason stays until an update succeeds.
  * With UpdateEndpoint DeploymentConfig.AutoRollbackConfiguration, an alarm
    found in ALARM when the update completes (that is, at the first read
    after the deadline) sends the endpoint through RollingBack back to the
    old config, with the alarm named in FailureReason.

Control endpoints (JSON). POST /moto-api/reset also clears all of this state
and returns the config to its start-up value.
  GET    /emulator/health            -> {"ok": true, "transitionSeconds": n}
  GET    /emulator/config            -> {"transitionSeconds": n}
  POST   /emulator/config            {"transitionSeconds": n}
  POST   /emulator/invoke-failures   {"endpoint", "variant"?, "status"?=500,
                                      "message"?, "count"?}  (variant omitted:
                                      every variant; count omitted: forever)
  GET    /emulator/invoke-failures   -> {"rules": [...]}
  DELETE /emulator/invoke-failures
  POST   /emulator/invoke-delays     {"endpoint", "variant"?, "delayMs"}
  GET    /emulator/invoke-delays     -> {"rules": [...]}
  DELETE /emulator/invoke-delays
  GET    /emulator/invocations       -> {"invocations": [{endpoint, variant,
                                      targetVariant, status, time}]}
  DELETE /emulator/invocations
  POST   /emulator/reset             same as POST /moto-api/reset
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import math
import os
import random
import re
import signal
import sys
import threading
import time
from datetime import datetime, timezone
from typing import Any
from urllib.parse import unquote

from moto.applicationautoscaling import models as aas_models
from moto.cloudwatch import models as cw_models
from moto.cloudwatch import responses as cw_responses
from moto.core.exceptions import JsonRESTError
from moto.core.utils import utcnow
from moto.moto_api._internal.models import moto_api_backend
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from moto.sagemaker import models as sm_models
from moto.sagemaker import responses as sm_responses
from moto.sagemaker.exceptions import ValidationError
from moto.sagemakerruntime import responses as rt_responses
from werkzeug.serving import WSGIRequestHandler, make_server

# Werkzeug serves each request on its own thread; every read-modify-write of
# emulator state happens under this lock so concurrent polls cannot race a
# transition.
LOCK = threading.RLock()

IN_PROGRESS = ("Creating", "Updating", "SystemUpdating", "RollingBack", "Deleting")
VARIANT_DIMENSION = "sagemaker:variant:DesiredInstanceCount"


def _default_transition_seconds() -> float:
    raw = os.environ.get("EMULATOR_TRANSITION_SECONDS", "1")
    try:
        value = float(raw)
    except ValueError:
        sys.exit(f"EMULATOR_TRANSITION_SECONDS must be a number of seconds, got {raw!r}")
    return max(0.0, value)


class EmulatorState:
    def __init__(self) -> None:
        self.transition_seconds = _default_transition_seconds()
        self.invoke_failures: list[dict[str, Any]] = []
        self.invoke_delays: list[dict[str, Any]] = []
        self.invocations: list[dict[str, Any]] = []

    def clear(self) -> None:
        # A reset returns to the start-up settings, not just empty lists.
        self.transition_seconds = _default_transition_seconds()
        self.invoke_failures.clear()
        self.invoke_delays.clear()
        self.invocations.clear()


STATE = EmulatorState()


# --------------------------------------------------------------------------
# SageMaker endpoint lifecycle
# --------------------------------------------------------------------------

def _endpoint_arn(backend: Any, name: str) -> str:
    return sm_models.FakeEndpoint.arn_formatter(name, backend.account_id, backend.region_name)


def _config_arn(backend: Any, name: str) -> str:
    return sm_models.FakeEndpointConfig.arn_formatter(name, backend.account_id, backend.region_name)


def _endpoint_not_found(backend: Any, name: str) -> ValidationError:
    # SageMaker: 'Could not find endpoint "arn:aws:sagemaker:...:endpoint/x".'
    return ValidationError(message=f'Could not find endpoint "{_endpoint_arn(backend, name)}".')


def _config_not_found(backend: Any, name: str) -> ValidationError:
    return ValidationError(
        message=f'Could not find endpoint configuration "{_config_arn(backend, name)}".'
    )


def _model_images(backend: Any, model_name: str | None) -> list[str]:
    model = backend._models.get(model_name) if model_name else None
    if model is None:
        return []
    images = []
    primary = model.primary_container or {}
    if primary.get("Image"):
        images.append(primary["Image"])
    for container in model.containers or []:
        if container.get("Image"):
            images.append(container["Image"])
    return images


def _repository(image: str) -> str:
    name = image.split("@")[0]
    # A colon after the last slash starts the tag; one before it is a port.
    tag = name.rfind(":")
    return name[:tag] if tag > name.rfind("/") else name


def _deployed_images(images: list[str], when: Any) -> list[dict[str, Any]]:
    # SageMaker resolves each tag to a digest when it deploys the variant.
    return [
        {
            "SpecifiedImage": image,
            "ResolvedImage": f"{_repository(image)}@sha256:{hashlib.sha256(image.encode()).hexdigest()}",
            "ResolutionTime": when,
        }
        for image in images
    ]


def _variants_from_config(backend: Any, config: Any, when: Any) -> tuple[list[dict], dict]:
    """Variant summaries as DescribeEndpoint shows them once a config is live,
    plus the per-variant spec (model, instance type) kept for later checks."""
    variants = []
    specs = {}
    for pv in config.production_variants:
        name = pv["VariantName"]
        summary: dict[str, Any] = {"VariantName": name}
        images = _model_images(backend, pv.get("ModelName"))
        if images:
            summary["DeployedImages"] = _deployed_images(images, when)
        # SageMaker defaults InitialVariantWeight to 1.0; weight 0 is a real
        # value (a variant that only receives TargetVariant traffic).
        weight = pv.get("InitialVariantWeight")
        weight = 1.0 if weight is None else float(weight)
        summary["CurrentWeight"] = weight
        summary["DesiredWeight"] = weight
        if pv.get("ServerlessConfig"):
            summary["CurrentServerlessConfig"] = pv["ServerlessConfig"]
            summary["DesiredServerlessConfig"] = pv["ServerlessConfig"]
        else:
            count = int(pv.get("InitialInstanceCount") or 1)
            summary["CurrentInstanceCount"] = count
            summary["DesiredInstanceCount"] = count
        variants.append(summary)
        specs[name] = {"ModelName": pv.get("ModelName"), "InstanceType": pv.get("InstanceType")}
    return variants, specs


def _failing_variant(backend: Any, config: Any, marker: str) -> str | None:
    for pv in config.production_variants:
        if any(marker in image for image in _model_images(backend, pv.get("ModelName"))):
            return pv["VariantName"]
    return None


def _health_check_failure(variant: str) -> str:
    # The FailureReason SageMaker gives when a container never answers /ping.
    return (
        f"The primary container for production variant {variant} did not pass the ping "
        "health check. Please check CloudWatch logs for this endpoint."
    )


def _emu(endpoint: Any) -> dict[str, Any]:
    # Kept on moto's endpoint object so a reset or a delete discards it with
    # the endpoint; DescribeEndpoint is built by _describe, which never
    # exposes it.
    state = getattr(endpoint, "_emu_state", None)
    if state is None:
        state = {"phase": None, "specs": {}, "last_deployment_config": None}
        endpoint._emu_state = state
    return state


def _moto_time(epoch: float) -> datetime:
    # moto keeps naive UTC datetimes.
    return datetime.fromtimestamp(epoch, timezone.utc).replace(tzinfo=None)


def _start_phase(endpoint: Any, status: str, phase: dict[str, Any], start: float | None = None) -> None:
    begin = time.time() if start is None else start
    phase["until"] = begin + STATE.transition_seconds
    phase.setdefault("started", _moto_time(begin))
    endpoint.endpoint_status = status
    endpoint.last_modified_time = _moto_time(begin)
    _emu(endpoint)["phase"] = phase


def _alarms_in_alarm(backend: Any, names: list[str]) -> list[str]:
    cloudwatch = cw_models.cloudwatch_backends[backend.account_id][backend.region_name]
    firing = []
    for name in names:
        alarm = cloudwatch.alarms.get(name)
        if alarm is not None and alarm.state_value == "ALARM":
            firing.append(name)
    return firing


def _settle(backend: Any, endpoint: Any) -> None:
    """Complete every transition whose deadline has passed."""
    state = _emu(endpoint)
    while state["phase"] is not None and time.time() >= state["phase"]["until"]:
        phase = state["phase"]
        state["phase"] = None
        endpoint.last_modified_time = _moto_time(phase["until"])
        kind = phase["kind"]
        if kind == "create":
            if phase.get("failure"):
                endpoint.endpoint_status = "Failed"
                endpoint.failure_reason = phase["failure"]
            else:
                endpoint.endpoint_status = "InService"
        elif kind == "update":
            firing = _alarms_in_alarm(backend, phase.get("alarms") or [])
            if phase.get("failure"):
                # SageMaker keeps serving the old config when the new
                # instances fail their health checks, and says why.
                endpoint.endpoint_status = "InService"
                endpoint.failure_reason = phase["failure"]
            elif firing:
                # Blue/green auto-rollback: an alarm in ALARM when the
                # deployment would finish shifts traffic back to the old
                # fleet (status RollingBack), then the endpoint is InService
                # on the old config.
                _start_phase(
                    endpoint,
                    "RollingBack",
                    {
                        "kind": "rollback",
                        "failure": (
                            "Deployment rolled back: CloudWatch alarm(s) "
                            + ", ".join(firing)
                            + " in ALARM state triggered auto-rollback of the blue/green update to "
                            f'endpoint configuration "{phase["config"]}".'
                        ),
                    },
                    start=phase["until"],
                )
            else:
                endpoint.endpoint_config_name = phase["config"]
                endpoint.production_variants = phase["variants"]
                state["specs"] = phase["specs"]
                endpoint.failure_reason = None
                endpoint.endpoint_status = "InService"
        elif kind == "rollback":
            endpoint.endpoint_status = "InService"
            endpoint.failure_reason = phase["failure"]
        elif kind == "weights":
            for variant in endpoint.production_variants:
                if "DesiredWeight" in variant:
                    variant["CurrentWeight"] = variant["DesiredWeight"]
                if "DesiredInstanceCount" in variant:
                    variant["CurrentInstanceCount"] = variant["DesiredInstanceCount"]
            endpoint.endpoint_status = "InService"


def _settled_endpoint(backend: Any, name: str) -> Any:
    endpoint = backend.endpoints.get(name)
    if endpoint is not None:
        _settle(backend, endpoint)
    return endpoint


def _describe(backend: Any, endpoint: Any) -> dict[str, Any]:
    state = _emu(endpoint)
    response: dict[str, Any] = {
        "EndpointName": endpoint.endpoint_name,
        "EndpointArn": endpoint.arn,
        "EndpointConfigName": endpoint.endpoint_config_name,
        "ProductionVariants": copy.deepcopy(endpoint.production_variants),
        "EndpointStatus": endpoint.endpoint_status,
        "CreationTime": endpoint.creation_time,
        "LastModifiedTime": endpoint.last_modified_time,
    }
    if endpoint.data_capture_config:
        response["DataCaptureConfig"] = endpoint.data_capture_config
    if endpoint.failure_reason:
        response["FailureReason"] = endpoint.failure_reason
    if state["last_deployment_config"]:
        response["LastDeploymentConfig"] = state["last_deployment_config"]
    phase = state["phase"]
    if phase is not None and phase["kind"] == "update":
        # SageMaker reports the config being rolled out separately; the
        # top-level fields stay on the serving config until it completes.
        pending = []
        for variant in phase["variants"]:
            summary = {k: v for k, v in variant.items() if not k.startswith("Current")}
            instance_type = phase["specs"].get(variant["VariantName"], {}).get("InstanceType")
            if instance_type:
                summary["InstanceType"] = instance_type
            summary["VariantStatus"] = [{"Status": "Creating", "StartTime": phase["started"]}]
            pending.append(summary)
        response["PendingDeploymentSummary"] = {
            "EndpointConfigName": phase["config"],
            "StartTime": phase["started"],
            "ProductionVariants": pending,
        }
    return response


_orig_create_model = sm_models.SageMakerModelBackend.create_model
_orig_create_endpoint_config = sm_models.SageMakerModelBackend.create_endpoint_config
_orig_create_endpoint = sm_models.SageMakerModelBackend.create_endpoint
_orig_list_endpoints = sm_models.SageMakerModelBackend.list_endpoints


def create_model(self: Any, model_name: str, *args: Any, **kwargs: Any) -> Any:
    # SageMaker refuses a second model with the same name.
    with LOCK:
        if model_name in self._models:
            arn = sm_models.arn_formatter("model", model_name, self.account_id, self.region_name)
            raise ValidationError(message=f'Cannot create already existing model "{arn}".')
        return _orig_create_model(self, model_name, *args, **kwargs)


def create_endpoint_config(self: Any, endpoint_config_name: str, *args: Any, **kwargs: Any) -> Any:
    # SageMaker refuses a second endpoint configuration with the same name.
    with LOCK:
        if endpoint_config_name in self.endpoint_configs:
            raise ValidationError(
                message="Cannot create already existing endpoint configuration "
                f'"{_config_arn(self, endpoint_config_name)}".'
            )
        return _orig_create_endpoint_config(self, endpoint_config_name, *args, **kwargs)


def create_endpoint(self: Any, endpoint_name: str, endpoint_config_name: str, tags: Any) -> Any:
    # SageMaker: CreateEndpoint refuses an existing name, then the endpoint
    # is Creating while instances start and ends InService, or Failed with a
    # FailureReason when the container fails its health check.
    with LOCK:
        existing = _settled_endpoint(self, endpoint_name)
        if existing is not None:
            raise ValidationError(
                message=f'Cannot create already existing endpoint "{_endpoint_arn(self, endpoint_name)}".'
            )
        config = self.endpoint_configs.get(endpoint_config_name)
        if config is None:
            raise _config_not_found(self, endpoint_config_name)
        endpoint = _orig_create_endpoint(self, endpoint_name, endpoint_config_name, tags)
        now = utcnow()
        endpoint.production_variants, specs = _variants_from_config(self, config, now)
        endpoint.failure_reason = None
        _emu(endpoint)["specs"] = specs
        failing = _failing_variant(self, config, "fail-create")
        _start_phase(
            endpoint,
            "Creating",
            {"kind": "create", "failure": _health_check_failure(failing) if failing else None},
        )
        return endpoint


def describe_endpoint(self: Any, endpoint_name: str) -> dict[str, Any]:
    with LOCK:
        endpoint = _settled_endpoint(self, endpoint_name)
        if endpoint is None:
            raise _endpoint_not_found(self, endpoint_name)
        return _describe(self, endpoint)


def list_endpoints(self: Any, *args: Any, **kwargs: Any) -> Any:
    with LOCK:
        for endpoint in list(self.endpoints.values()):
            _settle(self, endpoint)
        return _orig_list_endpoints(self, *args, **kwargs)


def _refuse_unless_in_service(backend: Any, endpoint: Any) -> None:
    arn = _endpoint_arn(backend, endpoint.endpoint_name)
    if endpoint.endpoint_status == "Failed":
        # SageMaker: a Failed endpoint can only be deleted.
        raise ValidationError(message=f'Cannot update failed endpoint "{arn}".')
    if endpoint.endpoint_status != "InService":
        # SageMaker's answer to any change while a transition is running.
        raise ValidationError(message=f'Cannot update in-progress endpoint "{arn}".')


def _scalable_targets(backend: Any) -> dict[str, Any]:
    aas = aas_models.applicationautoscaling_backends[backend.account_id][backend.region_name]
    return aas.targets.get(VARIANT_DIMENSION, {})


def delete_endpoint(self: Any, endpoint_name: str) -> None:
    with LOCK:
        endpoint = _settled_endpoint(self, endpoint_name)
        if endpoint is None:
            raise _endpoint_not_found(self, endpoint_name)
        if endpoint.endpoint_status in IN_PROGRESS:
            # SageMaker refuses to delete an endpoint mid-transition with the
            # same message it uses for updates.
            raise ValidationError(
                message=f'Cannot update in-progress endpoint "{_endpoint_arn(self, endpoint_name)}".'
            )
        del self.endpoints[endpoint_name]
        # Application Auto Scaling deregisters the endpoint's variants (and
        # their policies) when the endpoint is deleted.
        aas = aas_models.applicationautoscaling_backends[self.account_id][self.region_name]
        prefix = f"endpoint/{endpoint_name}/variant/"
        for resource_id in [r for r in _scalable_targets(self) if r.startswith(prefix)]:
            _deregister_with_policies(aas, "sagemaker", resource_id, VARIANT_DIMENSION)


def update_endpoint(
    self: Any,
    endpoint_name: str,
    endpoint_config_name: str,
    retain_all_variant_properties: bool,
    exclude_retained_variant_properties: list[dict[str, str]] | None,
    deployment_config: dict[str, Any] | None,
    retain_deployment_config: bool,
) -> str:
    with LOCK:
        endpoint = _settled_endpoint(self, endpoint_name)
        if endpoint is None:
            raise _endpoint_not_found(self, endpoint_name)
        config = self.endpoint_configs.get(endpoint_config_name)
        if config is None:
            raise _config_not_found(self, endpoint_config_name)
        _refuse_unless_in_service(self, endpoint)

        state = _emu(endpoint)
        new_variants, new_specs = _variants_from_config(self, config, utcnow())

        # SageMaker rejects an update that removes a variant registered with
        # Application Auto Scaling or changes its instance type; changing
        # only its model is allowed.
        targets = _scalable_targets(self)
        blocked = []
        for variant in endpoint.production_variants:
            name = variant["VariantName"]
            if f"endpoint/{endpoint_name}/variant/{name}" not in targets:
                continue
            old_type = state["specs"].get(name, {}).get("InstanceType")
            if name not in new_specs or new_specs[name]["InstanceType"] != old_type:
                blocked.append(name)
        if blocked:
            raise ValidationError(
                message=(
                    "The following production variants of endpoint "
                    f'"{_endpoint_arn(self, endpoint_name)}" are registered as scalable targets with '
                    f"Application Auto Scaling: {', '.join(blocked)}. Deregister them before removing "
                    "them or changing their instance type."
                )
            )

        if retain_all_variant_properties:
            # SageMaker carries DesiredWeight/DesiredInstanceCount of variants
            # that keep their name, unless excluded.
            excluded = {p.get("VariantPropertyType") for p in exclude_retained_variant_properties or []}
            current = {v["VariantName"]: v for v in endpoint.production_variants}
            for variant in new_variants:
                old = current.get(variant["VariantName"])
                if old is None:
                    continue
                if "DesiredWeight" not in excluded and "DesiredWeight" in old:
                    variant["CurrentWeight"] = variant["DesiredWeight"] = old["DesiredWeight"]
                if (
                    "DesiredInstanceCount" not in excluded
                    and "DesiredInstanceCount" in old
                    and "DesiredInstanceCount" in variant
                ):
                    variant["CurrentInstanceCount"] = variant["DesiredInstanceCount"] = old[
                        "DesiredInstanceCount"
                    ]

        if deployment_config:
            state["last_deployment_config"] = deployment_config
        elif not retain_deployment_config:
            state["last_deployment_config"] = None
        alarms = [
            alarm.get("AlarmName")
            for alarm in ((deployment_config or {}).get("AutoRollbackConfiguration") or {}).get("Alarms")
            or []
            if alarm.get("AlarmName")
        ]
        failing = _failing_variant(self, config, "fail-update")
        _start_phase(
            endpoint,
            "Updating",
            {
                "kind": "update",
                "config": endpoint_config_name,
                "variants": new_variants,
                "specs": new_specs,
                "alarms": alarms,
                "failure": (
                    "Failed to update endpoint: "
                    + _health_check_failure(failing)
                    + f' Rolled back to endpoint configuration "{endpoint.endpoint_config_name}".'
                )
                if failing
                else None,
            },
        )
        return endpoint.arn


def update_endpoint_weights_and_capacities(
    self: Any, endpoint_name: str, desired_weights_and_capacities: list[dict[str, Any]]
) -> str:
    with LOCK:
        endpoint = _settled_endpoint(self, endpoint_name)
        if endpoint is None:
            raise _endpoint_not_found(self, endpoint_name)
        names = [v["VariantName"] for v in endpoint.production_variants]
        seen: list[str] = []
        for entry in desired_weights_and_capacities or []:
            name = entry.get("VariantName")
            if name in seen:
                raise ValidationError(message=f'The variant name "{name}" was non-unique within the request.')
            if name not in names:
                raise ValidationError(
                    message=f'The variant name(s) "{name}" is/are not present within endpoint '
                    f'configuration "{endpoint.endpoint_config_name}".'
                )
            seen.append(name)
        _refuse_unless_in_service(self, endpoint)
        # SageMaker changes only the fields given; Desired* change at once,
        # Current* once the endpoint is back InService.
        for entry in desired_weights_and_capacities or []:
            variant = next(v for v in endpoint.production_variants if v["VariantName"] == entry["VariantName"])
            if entry.get("DesiredWeight") is not None:
                variant["DesiredWeight"] = float(entry["DesiredWeight"])
            if entry.get("DesiredInstanceCount") is not None:
                variant["DesiredInstanceCount"] = int(entry["DesiredInstanceCount"])
        _start_phase(endpoint, "Updating", {"kind": "weights"})
        return endpoint.arn


def add_tags(self: Any, arn: str, tags: list[dict[str, str]]) -> list[dict[str, str]]:
    # SageMaker AddTags overwrites the value of a key that already exists.
    resource = _tagged_resource(self, arn)
    for tag in tags or []:
        resource.tags = [t for t in resource.tags if t["Key"] != tag["Key"]]
        resource.tags.append(tag)
    return resource.tags


_orig_get_resource_from_arn = sm_models.SageMakerModelBackend._get_resource_from_arn


def _tagged_resource(backend: Any, arn: str) -> Any:
    # SageMaker answers a ValidationException, not a server error, for tags
    # of a resource that does not exist.
    resource = None
    try:
        resource = _orig_get_resource_from_arn(backend, arn)
    except (ValueError, AttributeError):
        pass
    if resource is None:
        raise ValidationError(message=f'Could not find resource "{arn}".')
    return resource


def _get_resource_from_arn(self: Any, arn: str) -> Any:
    return _tagged_resource(self, arn)


class PatchedSageMakerResponse:
    """Methods grafted onto moto's SageMakerResponse."""

    def update_endpoint(self: Any) -> Any:
        arn = self.sagemaker_backend.update_endpoint(
            endpoint_name=self._get_param("EndpointName"),
            endpoint_config_name=self._get_param("EndpointConfigName"),
            retain_all_variant_properties=bool(self._get_param("RetainAllVariantProperties")),
            exclude_retained_variant_properties=self._get_param("ExcludeRetainedVariantProperties"),
            deployment_config=self._get_param("DeploymentConfig"),
            retain_deployment_config=bool(self._get_param("RetainDeploymentConfig")),
        )
        return sm_responses.ActionResult({"EndpointArn": arn})


# --------------------------------------------------------------------------
# SageMaker runtime
# --------------------------------------------------------------------------

_orig_invoke_endpoint = rt_responses.SageMakerRuntimeResponse.invoke_endpoint
_PLACEHOLDER_VARIANT = "invoked_production_variant"


def _runtime_error(code: str, status: int, body: dict[str, Any]) -> Any:
    # Runtime errors are rest-json: the code travels in x-amzn-ErrorType.
    # moto takes the HTTP status from the "status" entry of the headers.
    headers = {"Content-Type": "application/json", "x-amzn-ErrorType": code, "status": status}
    return status, headers, json.dumps(body)


def _matching_rule(rules: list[dict[str, Any]], endpoint: str, variant: str) -> dict[str, Any] | None:
    for rule in rules:
        if rule["endpoint"] == endpoint and rule.get("variant") in (None, variant):
            return rule
    return None


def invoke_endpoint(self: Any) -> Any:
    name = unquote(self._get_params().get("EndpointName") or self.path.split("/")[2])
    target = self.headers.get("X-Amzn-SageMaker-Target-Variant")
    account, region = self.current_account, self.region
    backend = sm_models.sagemaker_backends[account][region]
    with LOCK:
        endpoint = _settled_endpoint(backend, name)
        record = {"endpoint": name, "targetVariant": target, "variant": None, "time": time.time()}
        STATE.invocations.append(record)
        # SageMaker runtime only knows endpoints that have come up.
        if endpoint is None or endpoint.endpoint_status in ("Creating", "Failed"):
            record["status"] = 400
            return _runtime_error(
                "ValidationError",
                400,
                {"ErrorCode": "VALIDATION_ERROR", "Message": f"Endpoint {name} of account {account} not found."},
            )
        variants = endpoint.production_variants
        if target:
            if target not in [v["VariantName"] for v in variants]:
                record["status"] = 400
                return _runtime_error(
                    "ValidationError",
                    400,
                    {
                        "ErrorCode": "VALIDATION_ERROR",
                        "Message": f"Variant {target} not found for endpoint {name} of account {account}.",
                    },
                )
            variant = target
        else:
            # Without TargetVariant SageMaker routes by current weight.
            weighted = [(v["VariantName"], v.get("CurrentWeight", 0.0)) for v in variants]
            total = sum(w for _, w in weighted)
            if total <= 0:
                variant = weighted[0][0]
            else:
                pick = random.uniform(0, total)
                variant = weighted[-1][0]
                for candidate, weight in weighted:
                    if pick < weight:
                        variant = candidate
                        break
                    pick -= weight
        record["variant"] = variant
        failure = _matching_rule(STATE.invoke_failures, name, variant)
        if failure is not None and failure.get("count") is not None:
            failure["count"] -= 1
            if failure["count"] <= 0:
                STATE.invoke_failures.remove(failure)
        delay = _matching_rule(STATE.invoke_delays, name, variant)
        record["status"] = 424 if failure else 200

    if delay is not None:
        time.sleep(float(delay.get("delayMs", 0)) / 1000.0)
    if failure is not None:
        # What SageMaker returns when the container answers an error: HTTP
        # 424 ModelError carrying the container's status and message.
        status = int(failure.get("status") or 500)
        message = failure.get("message") or "Internal Server Error"
        kind = "client" if 400 <= status < 500 else "server"
        return _runtime_error(
            "ModelError",
            424,
            {
                "ErrorCode": "CLIENT_ERROR_FROM_MODEL" if kind == "client" else "SERVER_ERROR_FROM_MODEL",
                "Message": (
                    f'Received {kind} error ({status}) from primary with message "{message}". See '
                    f"https://{region}.console.aws.amazon.com/cloudwatch/home?region={region}"
                    f"#logEventViewer:group=/aws/sagemaker/Endpoints/{name} in account {account} "
                    "for more information."
                ),
                "OriginalStatusCode": status,
                "OriginalMessage": message,
                "LogStreamArn": f"arn:aws:logs:{region}:{account}:log-group:/aws/sagemaker/Endpoints/{name}",
            },
        )

    status, headers, body = _orig_invoke_endpoint(self)
    if headers.get("x-Amzn-Invoked-Production-Variant") in (None, _PLACEHOLDER_VARIANT):
        headers["x-Amzn-Invoked-Production-Variant"] = variant
    if body == "body" and headers.get("Content-Type") == "content_type":
        # moto's unseeded placeholder answer; a JSON body keeps probes that
        # parse the reply meaningful.
        body = json.dumps({"ok": True, "endpoint": name, "variant": variant})
        headers["Content-Type"] = "application/json"
        if headers.get("X-Amzn-SageMaker-Custom-Attributes") == "custom_attributes":
            del headers["X-Amzn-SageMaker-Custom-Attributes"]
    return status, headers, body


# --------------------------------------------------------------------------
# CloudWatch percentiles
# --------------------------------------------------------------------------

PERCENTILE = re.compile(r"^p(\d{1,2}(?:\.\d+)?|100)$")
_orig_get_statistics_for_type = cw_models.Statistics.get_statistics_for_type


def _percentile(stats: Any, stat: str) -> float | None:
    match = PERCENTILE.match(stat)
    if not match:
        return None
    values = sorted(stats.metric_single_values_list)
    if not values:
        # Statistic sets carry no distribution; their maximum is the only
        # honest upper bound for a percentile.
        aggregated = stats.metric_aggregated_list
        return max(s.max for s in aggregated) if aggregated else None
    # Nearest-rank percentile over every sample in the period (Values are
    # already expanded by their Counts).
    rank = math.ceil(float(match.group(1)) / 100.0 * len(values))
    return values[min(len(values) - 1, max(0, rank - 1))]


def get_statistics_for_type(self: Any, stat: str) -> Any:
    # CloudWatch computes pNN / pNN.N percentile statistics per period.
    if PERCENTILE.match(stat):
        return _percentile(self, stat)
    return _orig_get_statistics_for_type(self, stat)


_orig_get_metric_statistics = cw_responses.CloudWatchResponse.get_metric_statistics


def get_metric_statistics(self: Any) -> Any:
    # CloudWatch returns ExtendedStatistics (percentiles) per datapoint.
    extended = self._get_param("ExtendedStatistics") or []
    if not extended:
        return _orig_get_metric_statistics(self)
    statistics = self._get_param("Statistics") or []
    datapoints = self.cloudwatch_backend.get_metric_statistics(
        self._get_param("Namespace"),
        self._get_param("MetricName"),
        self._get_param("StartTime"),
        self._get_param("EndTime"),
        self._get_int_param("Period"),
        statistics,
        unit=self._get_param("Unit"),
        dimensions=self._get_param("Dimensions", []),
    )
    for datapoint in datapoints:
        datapoint.extended_statistics = {stat: _percentile(datapoint, stat) for stat in extended}
    return cw_responses.ActionResult({"Label": self._get_param("MetricName"), "Datapoints": datapoints})


# --------------------------------------------------------------------------
# Application Auto Scaling
# --------------------------------------------------------------------------

_orig_put_scaling_policy = aas_models.ApplicationAutoscalingBackend.put_scaling_policy
_orig_register_scalable_target = aas_models.ApplicationAutoscalingBackend.register_scalable_target
_orig_deregister_scalable_target = aas_models.ApplicationAutoscalingBackend.deregister_scalable_target


def _deregister_with_policies(aas: Any, namespace: str, resource_id: str, dimension: str) -> None:
    _orig_deregister_scalable_target(aas, namespace, resource_id, dimension)
    for key, policy in list(aas.policies.items()):
        if policy.resource_id == resource_id and policy.scalable_dimension == dimension:
            del aas.policies[key]


def put_scaling_policy(self: Any, policy_name: str, service_namespace: str, resource_id: str,
                       scalable_dimension: str, *args: Any, **kwargs: Any) -> Any:
    # Application Auto Scaling needs a registered scalable target first.
    if not self._scalable_target_exists(resource_id, scalable_dimension):
        raise JsonRESTError(
            "ObjectNotFoundException",
            f"No scalable target registered for service namespace: {service_namespace}, "
            f"resource ID: {resource_id}, scalable dimension: {scalable_dimension}",
        )
    return _orig_put_scaling_policy(
        self, policy_name, service_namespace, resource_id, scalable_dimension, *args, **kwargs
    )


def register_scalable_target(self: Any, namespace: str, r_id: str, dimension: str, *args: Any,
                             **kwargs: Any) -> Any:
    # Application Auto Scaling checks with SageMaker that the variant exists.
    if namespace == "sagemaker" and dimension == VARIANT_DIMENSION:
        match = re.match(r"^endpoint/([^/]+)/variant/([^/]+)$", r_id)
        backend = sm_models.sagemaker_backends[self.account_id][self.region_name]
        with LOCK:
            endpoint = _settled_endpoint(backend, match.group(1)) if match else None
            variants = [v["VariantName"] for v in endpoint.production_variants] if endpoint else []
        if not match or match.group(2) not in variants:
            raise JsonRESTError(
                "ValidationException",
                f"The target resource {r_id} does not exist: no such endpoint variant.",
            )
    return _orig_register_scalable_target(self, namespace, r_id, dimension, *args, **kwargs)


def deregister_scalable_target(self: Any, namespace: str, r_id: str, dimension: str) -> None:
    # Deregistering a scalable target also deletes its scaling policies.
    _deregister_with_policies(self, namespace, r_id, dimension)


# --------------------------------------------------------------------------
# Installation
# --------------------------------------------------------------------------

def install_patches() -> None:
    backend = sm_models.SageMakerModelBackend
    backend.create_model = create_model
    backend.create_endpoint_config = create_endpoint_config
    backend.create_endpoint = create_endpoint
    backend.describe_endpoint = describe_endpoint
    backend.list_endpoints = list_endpoints
    backend.delete_endpoint = delete_endpoint
    backend.update_endpoint = update_endpoint
    backend.update_endpoint_weights_and_capacities = update_endpoint_weights_and_capacities
    backend.add_tags = add_tags
    backend._get_resource_from_arn = _get_resource_from_arn
    sm_responses.SageMakerResponse.update_endpoint = PatchedSageMakerResponse.update_endpoint

    rt_responses.SageMakerRuntimeResponse.invoke_endpoint = invoke_endpoint

    cw_models.Statistics.get_statistics_for_type = get_statistics_for_type
    cw_responses.CloudWatchResponse.get_metric_statistics = get_metric_statistics

    aas = aas_models.ApplicationAutoscalingBackend
    aas.put_scaling_policy = put_scaling_policy
    aas.register_scalable_target = register_scalable_target
    aas.deregister_scalable_target = deregister_scalable_target


# --------------------------------------------------------------------------
# HTTP front: control endpoints, reset hook, moto behind
# --------------------------------------------------------------------------

def _json_response(start_response: Any, status: int, payload: Any) -> list[bytes]:
    body = json.dumps(payload, default=str).encode()
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}[status]
    start_response(
        f"{status} {reason}",
        [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
    )
    return [body]


def _read_json(environ: dict[str, Any]) -> Any:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    raw = environ["wsgi.input"].read(length) if length else b""
    return json.loads(raw or b"{}")


def _rule(payload: Any, extra: tuple[str, ...]) -> dict[str, Any]:
    if not isinstance(payload, dict) or not payload.get("endpoint"):
        raise ValueError('expected a JSON object with at least "endpoint"')
    rule = {"endpoint": str(payload["endpoint"]), "variant": payload.get("variant")}
    for key in extra:
        if payload.get(key) is not None:
            rule[key] = payload[key]
    return rule


class EmulatorApp:
    def __init__(self, moto_app: Any) -> None:
        self.moto_app = moto_app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path.startswith("/emulator/"):
            try:
                return self.control(path, method, environ, start_response)
            except (ValueError, TypeError) as error:
                return _json_response(start_response, 400, {"error": str(error)})
        if path.rstrip("/") == "/moto-api/reset" and method == "POST":
            with LOCK:
                STATE.clear()
        return self.moto_app(environ, start_response)

    def control(self, path: str, method: str, environ: dict[str, Any], start_response: Any) -> Any:
        path = path.rstrip("/")
        with LOCK:
            if path == "/emulator/health":
                return _json_response(
                    start_response, 200, {"ok": True, "transitionSeconds": STATE.transition_seconds}
                )
            if path == "/emulator/reset" and method == "POST":
                STATE.clear()
                moto_api_backend.reset()
                return _json_response(start_response, 200, {"status": "ok"})
            if path == "/emulator/config":
                if method == "POST":
                    payload = _read_json(environ)
                    seconds = float(payload["transitionSeconds"])
                    if seconds < 0:
                        raise ValueError("transitionSeconds must be >= 0")
                    STATE.transition_seconds = seconds
                return _json_response(start_response, 200, {"transitionSeconds": STATE.transition_seconds})
            lists = {
                "/emulator/invoke-failures": (STATE.invoke_failures, ("status", "message", "count")),
                "/emulator/invoke-delays": (STATE.invoke_delays, ("delayMs",)),
            }
            if path in lists:
                rules, extra = lists[path]
                if method == "POST":
                    rule = _rule(_read_json(environ), extra)
                    if "count" in rule:
                        rule["count"] = int(rule["count"])
                    if "status" in rule:
                        rule["status"] = int(rule["status"])
                    if path.endswith("delays"):
                        rule["delayMs"] = float(rule.get("delayMs", 0))
                    # Newest rule wins for the same endpoint/variant.
                    rules.insert(0, rule)
                elif method == "DELETE":
                    rules.clear()
                return _json_response(start_response, 200, {"rules": copy.deepcopy(rules)})
            if path == "/emulator/invocations":
                if method == "DELETE":
                    STATE.invocations.clear()
                return _json_response(start_response, 200, {"invocations": copy.deepcopy(STATE.invocations)})
        return _json_response(start_response, 404, {"error": f"unknown control endpoint {method} {path}"})


class QuietHandler(WSGIRequestHandler):
    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        if os.environ.get("EMULATOR_VERBOSE"):
            super().log_request(code, size)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=0)
    args = parser.parse_args(argv)

    install_patches()
    app = EmulatorApp(DomainDispatcherApplication(create_backend_app))
    server = make_server(args.host, args.port, app, threaded=True, request_handler=QuietHandler)
    port = server.server_port
    # moto calls itself back for some services through MOTO_PORT.
    os.environ["MOTO_PORT"] = str(port)

    def stop(signum: int, frame: Any) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"EMULATOR READY http://{args.host}:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
