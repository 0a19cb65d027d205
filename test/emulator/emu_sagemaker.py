"""SageMaker control plane: endpoint lifecycle (Creating / Updating /
RollingBack as timed phases), Describe* calls that return every field a
resource holds, and model packages behind CreateModel."""

from __future__ import annotations

import copy
import hashlib
import re
import time
from typing import Any

from moto.applicationautoscaling import models as aas_models
from moto.cloudwatch import models as cw_models
from moto.core.utils import utcnow
from moto.sagemaker import models as sm_models
from moto.sagemaker import responses as sm_responses
from moto.sagemaker.exceptions import ValidationError

import emu_fleet as fleet
from emu_core import IN_PROGRESS, LOCK, STATE, VARIANT_DIMENSION, each_backend, moto_time

# --------------------------------------------------------------------------
# Names, errors, lookups
# --------------------------------------------------------------------------


def endpoint_arn(backend: Any, name: str) -> str:
    return sm_models.FakeEndpoint.arn_formatter(name, backend.account_id, backend.region_name)


def config_arn(backend: Any, name: str) -> str:
    return sm_models.FakeEndpointConfig.arn_formatter(name, backend.account_id, backend.region_name)


def endpoint_not_found(backend: Any, name: str) -> ValidationError:
    # SageMaker: 'Could not find endpoint "arn:aws:sagemaker:...:endpoint/x".'
    return ValidationError(message=f'Could not find endpoint "{endpoint_arn(backend, name)}".')


def config_not_found(backend: Any, name: str) -> ValidationError:
    return ValidationError(message=f'Could not find endpoint configuration "{config_arn(backend, name)}".')


def model_package(backend: Any, name_or_arn: str | None, *, own: bool = False) -> Any:
    """The package a name or ARN names. An ARN of another account in the
    backend's region names that account's package, as a package shared
    across accounts or an AWS Marketplace package is named (reading taken:
    every such package is shared with the caller; access is not modelled).
    `own` looks in the backend's account alone, as changes do."""
    if not name_or_arn:
        return None
    owner = backend if own else _package_owner(backend, name_or_arn)
    if owner is None:
        return None
    key = owner.model_package_name_mapping.get(name_or_arn, name_or_arn)
    return owner.model_packages.get(key)


def _package_owner(backend: Any, name_or_arn: str) -> Any:
    """The backend of the account a model package ARN names; None for one
    nothing was ever created in."""
    parts = name_or_arn.split(":", 5)
    if len(parts) < 6 or parts[0] != "arn" or not parts[5].startswith("model-package/"):
        return backend
    region, account = parts[3], parts[4]
    if account == backend.account_id or region != backend.region_name:
        return backend
    for owner_account, owner_region, owner in each_backend(sm_models.sagemaker_backends):
        if (owner_account, owner_region) == (account, region):
            return owner
    return None


def _containers(backend: Any, model: Any) -> list[dict[str, Any]]:
    """The containers that serve a model; a ModelPackageName container
    serves the package's inference containers."""
    declared = []
    if model.primary_container:
        declared.append(model.primary_container)
    declared.extend(model.containers or [])
    served = []
    for container in declared:
        package = model_package(backend, container.get("ModelPackageName"))
        if package is not None:
            served.extend((package.inference_specification or {}).get("Containers") or [])
        else:
            served.append(container)
    return served


def model_images(backend: Any, model_name: str | None) -> list[str]:
    model = backend._models.get(model_name) if model_name else None
    if model is None:
        return []
    return [c["Image"] for c in _containers(backend, model) if c.get("Image")]


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


def config_request(config: Any) -> dict[str, Any]:
    """Everything CreateEndpointConfig was given (moto keeps only part)."""
    request = getattr(config, "_emu_request", None)
    if request is None:
        request = {
            "ProductionVariants": config.production_variants,
            "DataCaptureConfig": config.data_capture_config or None,
            "AsyncInferenceConfig": config.async_inference_config,
            "KmsKeyId": config.kms_key_id,
        }
    return request


def _summary(backend: Any, pv: dict[str, Any], when: Any) -> dict[str, Any]:
    summary: dict[str, Any] = {"VariantName": pv["VariantName"]}
    images = model_images(backend, pv.get("ModelName"))
    if images:
        summary["DeployedImages"] = _deployed_images(images, when)
    # SageMaker defaults InitialVariantWeight to 1.0; weight 0 is a real value
    # (a variant that only receives TargetVariant traffic).
    weight = pv.get("InitialVariantWeight")
    weight = 1.0 if weight is None else float(weight)
    summary["CurrentWeight"] = weight
    summary["DesiredWeight"] = weight
    if pv.get("ServerlessConfig"):
        summary["CurrentServerlessConfig"] = copy.deepcopy(pv["ServerlessConfig"])
        summary["DesiredServerlessConfig"] = copy.deepcopy(pv["ServerlessConfig"])
    else:
        count = int(pv.get("InitialInstanceCount") or 1)
        summary["CurrentInstanceCount"] = count
        summary["DesiredInstanceCount"] = count
    # Serving settings DescribeEndpoint reports per variant
    # (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ProductionVariantSummary.html).
    for key in ("ManagedInstanceScaling", "RoutingConfig", "CapacityReservationConfig"):
        if pv.get(key):
            summary[key] = copy.deepcopy(pv[key])
    return summary


def variants_from_config(backend: Any, config: Any, when: Any) -> tuple[list[dict], dict, list[dict]]:
    """Variant summaries as DescribeEndpoint shows them once a config is
    live, the per-variant spec (model, instance type) kept for traffic and
    checks, and the shadow variants' summaries."""
    request = config_request(config)
    variants, specs, shadows = [], {}, []
    for pv in request.get("ProductionVariants") or []:
        variants.append(_summary(backend, pv, when))
        specs[pv["VariantName"]] = {
            "ModelName": pv.get("ModelName"),
            "InstanceType": pv.get("InstanceType"),
            "ServerlessConfig": pv.get("ServerlessConfig"),
        }
    for pv in request.get("ShadowProductionVariants") or []:
        shadows.append(_summary(backend, pv, when))
        # A shadow variant's fleet serves the copies SageMaker sends it: its spec sits beside the production ones.
        specs[pv["VariantName"]] = {
            "ModelName": pv.get("ModelName"),
            "InstanceType": pv.get("InstanceType"),
            "ServerlessConfig": pv.get("ServerlessConfig"),
            "Shadow": True,
        }
    return variants, specs, shadows


def check_shadow_variants(request: dict[str, Any]) -> None:
    """CreateEndpointConfig: "If you use this field, you can only specify one variant for ProductionVariants and one
    variant for ShadowProductionVariants"
    (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html). The exact wording of
    the refusal is not documented."""
    shadows = request.get("ShadowProductionVariants") or []
    if not shadows:
        return
    if len(shadows) > 1 or len(request.get("ProductionVariants") or []) != 1:
        raise ValidationError(
            message="An endpoint configuration with ShadowProductionVariants can only specify one variant for "
            "ProductionVariants and one variant for ShadowProductionVariants."
        )


def _serving_settings(config: Any) -> dict[str, Any]:
    request = config_request(config)
    capture = request.get("DataCaptureConfig")
    summary = None
    if capture:
        # DescribeEndpoint reports a DataCaptureConfigSummary, not the config
        # (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DataCaptureConfigSummary.html).
        enabled = capture.get("EnableCapture", True) is not False
        summary = {
            "EnableCapture": enabled,
            "CaptureStatus": "Started" if enabled else "Stopped",
            "CurrentSamplingPercentage": capture.get("InitialSamplingPercentage"),
            "DestinationS3Uri": capture.get("DestinationS3Uri"),
        }
        if capture.get("KmsKeyId"):
            summary["KmsKeyId"] = capture["KmsKeyId"]
    return {
        "DataCaptureConfig": summary,
        "AsyncInferenceConfig": request.get("AsyncInferenceConfig"),
        "ExplainerConfig": request.get("ExplainerConfig"),
        "MetricsConfig": request.get("MetricsConfig"),
    }


def fleet_size(variants: list[dict[str, Any]], shadows: list[dict[str, Any]], key: str = "CurrentInstanceCount") -> int:
    # Serverless variants run no instances of the account's.
    return sum(int(v.get(key) or 0) for v in list(variants) + list(shadows))


def failing_variant(backend: Any, config: Any, marker: str) -> str | None:
    for pv in config_request(config).get("ProductionVariants") or []:
        if any(marker in image for image in model_images(backend, pv.get("ModelName"))):
            return pv["VariantName"]
    return None


def _health_check_failure(variant: str) -> str:
    # The FailureReason SageMaker gives when a container never answers /ping.
    return (
        f"The primary container for production variant {variant} did not pass the ping "
        "health check. Please check CloudWatch logs for this endpoint."
    )


def emu(endpoint: Any) -> dict[str, Any]:
    # Kept on moto's endpoint object so a reset or a delete discards it with
    # the endpoint; DescribeEndpoint is built by describe(), which never
    # exposes it.
    state = getattr(endpoint, "_emu_state", None)
    if state is None:
        state = {
            "phase": None,
            "specs": {},
            "shadows": [],
            "serving": {},
            "last_deployment_config": None,
            "updated": False,
        }
        endpoint._emu_state = state
    return state


def _start_phase(endpoint: Any, status: str, phase: dict[str, Any], start: float | None = None) -> None:
    begin = time.time() if start is None else start
    phase["begin"] = begin
    phase["until"] = begin + STATE.transition_seconds
    phase.setdefault("started", moto_time(begin))
    endpoint.endpoint_status = status
    endpoint.last_modified_time = moto_time(begin)
    emu(endpoint)["phase"] = phase


def alarms_in_alarm(backend: Any, names: list[str]) -> list[str]:
    cloudwatch = cw_models.cloudwatch_backends[backend.account_id][backend.region_name]
    firing = []
    for name in names:
        alarm = cloudwatch.alarms.get(name)
        if alarm is not None and alarm.state_value == "ALARM":
            firing.append(name)
    return firing


# --------------------------------------------------------------------------
# Lifecycle
# --------------------------------------------------------------------------


def settle(backend: Any, endpoint: Any) -> None:
    """Complete every transition whose deadline has passed."""
    import emu_deployment as deployments

    state = emu(endpoint)
    name = endpoint.endpoint_name
    while state["phase"] is not None and time.time() >= state["phase"]["until"]:
        phase = state["phase"]
        state["phase"] = None
        until = phase["until"]
        endpoint.last_modified_time = moto_time(until)
        kind = phase["kind"]
        if kind == "create":
            if phase.get("failure"):
                endpoint.endpoint_status = "Failed"
                endpoint.failure_reason = phase["failure"]
                fleet.change(name, until, -phase["fleet"]["new"])
            else:
                endpoint.endpoint_status = "InService"
        elif kind == "update":
            firing = alarms_in_alarm(backend, phase.get("alarms") or [])
            plan = phase["fleet"]
            if phase.get("failure"):
                # SageMaker keeps serving the old config when the new
                # instances fail their health checks, and says why.
                endpoint.endpoint_status = "InService"
                endpoint.failure_reason = phase["failure"]
                fleet.change(name, until, -plan["launched_before_failure"])
                deployments.finish(phase, "Failed", until)
            elif firing:
                # An alarm in ALARM when the deployment would finish rolls it
                # back like one that fires during a bake.
                deployments.start_rollback(endpoint, phase, firing, until)
            else:
                endpoint.endpoint_config_name = phase["config"]
                endpoint.production_variants = phase["variants"]
                state["specs"] = phase["specs"]
                state["shadows"] = phase["shadows"]
                state["serving"] = phase["serving"]
                endpoint.failure_reason = None
                endpoint.endpoint_status = "InService"
                if plan["rolling"] is None:
                    fleet.change(name, until, -plan["old"])
                deployments.finish(phase, "Succeeded", until)
        elif kind == "rollback":
            endpoint.endpoint_status = "InService"
            endpoint.failure_reason = phase["failure"]
            deployments.finish(phase, "RolledBack", until)
        elif kind == "weights" and phase.get("failed"):
            # No FailureReason is documented for this rollback: none is set.
            _start_phase(endpoint, "RollingBack", {"kind": "weights-rollback", "previous": phase["previous"],
                                                   "grown": phase["grown"]}, until)
        elif kind == "weights-rollback":
            for before in phase["previous"]:
                variant = next(v for v in endpoint.production_variants if v["VariantName"] == before["VariantName"])
                for current, desired in (("CurrentWeight", "DesiredWeight"),
                                         ("CurrentInstanceCount", "DesiredInstanceCount")):
                    if before[current] is not None:
                        variant[current] = variant[desired] = before[current]
            if phase["grown"]:
                fleet.change(name, until, -phase["grown"])
            endpoint.endpoint_status = "InService"
        elif kind == "weights":
            for variant in endpoint.production_variants:
                if "DesiredWeight" in variant:
                    variant["CurrentWeight"] = variant["DesiredWeight"]
                if "DesiredInstanceCount" in variant:
                    variant["CurrentInstanceCount"] = variant["DesiredInstanceCount"]
            endpoint.endpoint_status = "InService"


def settled_endpoint(backend: Any, name: str) -> Any:
    import emu_components as components

    endpoint = backend.endpoints.get(name)
    if endpoint is not None:
        settle(backend, endpoint)
        # Its inference components launch and release instances.
        components.settle_endpoint_components(backend, endpoint, time.time())
        settle(backend, endpoint)
    return endpoint


def settle_all() -> None:
    from emu_core import each_backend

    for _, _, backend in each_backend(sm_models.sagemaker_backends):
        for endpoint in list(backend.endpoints.values()):
            settle(backend, endpoint)


def describe(backend: Any, endpoint: Any) -> dict[str, Any]:
    import emu_deployment as deployments

    state = emu(endpoint)
    response: dict[str, Any] = {
        "EndpointName": endpoint.endpoint_name,
        "EndpointArn": endpoint.arn,
        "EndpointConfigName": endpoint.endpoint_config_name,
        "ProductionVariants": copy.deepcopy(endpoint.production_variants),
        "EndpointStatus": endpoint.endpoint_status,
        "CreationTime": endpoint.creation_time,
        "LastModifiedTime": endpoint.last_modified_time,
    }
    for key, value in (state["serving"] or {}).items():
        if value:
            response[key] = copy.deepcopy(value)
    if state["shadows"]:
        response["ShadowProductionVariants"] = copy.deepcopy(state["shadows"])
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
            summary["VariantStatus"] = deployments.variant_status(phase, time.time())
            pending.append(summary)
        response["PendingDeploymentSummary"] = {
            "EndpointConfigName": phase["config"],
            "StartTime": phase["started"],
            "ProductionVariants": pending,
        }
        if phase["shadows"]:
            response["PendingDeploymentSummary"]["ShadowProductionVariants"] = [
                {k: v for k, v in variant.items() if not k.startswith("Current")} for variant in phase["shadows"]
            ]
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
        containers = [kwargs.get("primary_container") or {}] + list(kwargs.get("containers") or [])
        for container in containers:
            name = container.get("ModelPackageName")
            if name and model_package(self, name) is None:
                # SageMaker checks that a referenced model package exists.
                raise ValidationError(message=f"ModelPackage {name} does not exist.")
        return _orig_create_model(self, model_name, *args, **kwargs)


def create_endpoint_config(self: Any, endpoint_config_name: str, *args: Any, **kwargs: Any) -> Any:
    # SageMaker refuses a second endpoint configuration with the same name.
    with LOCK:
        if endpoint_config_name in self.endpoint_configs:
            raise ValidationError(
                message="Cannot create already existing endpoint configuration "
                f'"{config_arn(self, endpoint_config_name)}".'
            )
        return _orig_create_endpoint_config(self, endpoint_config_name, *args, **kwargs)


_INSTANCE_TYPE = re.compile(r"^ml\.[a-z0-9-]+\.[a-z0-9-]+$")


def validate_instance_type(self: Any, instance_type: str) -> None:
    # moto's list stops at older families (no ml.g5, ml.m6i, ml.inf2...);
    # SageMaker accepts every ml.<family>.<size> it offers.
    if not _INSTANCE_TYPE.match(instance_type or ""):
        raise ValidationError(
            message=f"Value '{instance_type}' at 'instanceType' failed to satisfy constraint: "
            "Member must be an ml.<family>.<size> instance type"
        )


def create_endpoint(self: Any, endpoint_name: str, endpoint_config_name: str, tags: Any) -> Any:
    # SageMaker: CreateEndpoint refuses an existing name, then the endpoint
    # is Creating while instances start and ends InService, or Failed with a
    # FailureReason when the container fails its health check.
    with LOCK:
        existing = settled_endpoint(self, endpoint_name)
        if existing is not None:
            raise ValidationError(
                message=f'Cannot create already existing endpoint "{endpoint_arn(self, endpoint_name)}".'
            )
        config = self.endpoint_configs.get(endpoint_config_name)
        if config is None:
            raise config_not_found(self, endpoint_config_name)
        endpoint = _orig_create_endpoint(self, endpoint_name, endpoint_config_name, tags)
        now = utcnow()
        endpoint.production_variants, specs, shadows = variants_from_config(self, config, now)
        endpoint.failure_reason = None
        state = emu(endpoint)
        state["specs"] = specs
        state["shadows"] = shadows
        state["serving"] = _serving_settings(config)
        failing = failing_variant(self, config, "fail-create")
        size = fleet_size(endpoint.production_variants, shadows)
        phase = {
            "kind": "create",
            "failure": _health_check_failure(failing) if failing else None,
            "fleet": {"new": size},
        }
        _start_phase(endpoint, "Creating", phase)
        fleet.change(endpoint_name, phase["begin"], size, launched=size)
        return endpoint


def describe_endpoint(self: Any, endpoint_name: str) -> dict[str, Any]:
    with LOCK:
        endpoint = settled_endpoint(self, endpoint_name)
        if endpoint is None:
            raise endpoint_not_found(self, endpoint_name)
        return describe(self, endpoint)


def list_endpoints(self: Any, *args: Any, **kwargs: Any) -> Any:
    with LOCK:
        for endpoint in list(self.endpoints.values()):
            settle(self, endpoint)
        return _orig_list_endpoints(self, *args, **kwargs)


def refuse_unless_in_service(backend: Any, endpoint: Any) -> None:
    arn = endpoint_arn(backend, endpoint.endpoint_name)
    if endpoint.endpoint_status == "Failed":
        # SageMaker: a Failed endpoint can only be deleted.
        raise ValidationError(message=f'Cannot update failed endpoint "{arn}".')
    if endpoint.endpoint_status != "InService":
        # SageMaker's answer to any change while a transition is running.
        raise ValidationError(message=f'Cannot update in-progress endpoint "{arn}".')


def scalable_targets(backend: Any) -> dict[str, Any]:
    aas = aas_models.applicationautoscaling_backends[backend.account_id][backend.region_name]
    return aas.targets.get(VARIANT_DIMENSION, {})


def delete_endpoint(self: Any, endpoint_name: str) -> None:
    from emu_autoscaling import deregister_with_policies

    with LOCK:
        endpoint = settled_endpoint(self, endpoint_name)
        if endpoint is None:
            raise endpoint_not_found(self, endpoint_name)
        if endpoint.endpoint_status in IN_PROGRESS:
            # SageMaker refuses to delete an endpoint mid-transition with the
            # same message it uses for updates.
            raise ValidationError(
                message=f'Cannot update in-progress endpoint "{endpoint_arn(self, endpoint_name)}".'
            )
        import emu_components as components

        components.refuse_endpoint_delete(self, endpoint_name)
        del self.endpoints[endpoint_name]
        fleet.terminate_all(endpoint_name, time.time())
        # Application Auto Scaling deregisters the endpoint's variants (and
        # their policies) when the endpoint is deleted.
        aas = aas_models.applicationautoscaling_backends[self.account_id][self.region_name]
        prefix = f"endpoint/{endpoint_name}/variant/"
        for resource_id in [r for r in scalable_targets(self) if r.startswith(prefix)]:
            deregister_with_policies(aas, "sagemaker", resource_id, VARIANT_DIMENSION)


def _rolling_policy(deployment_config: dict[str, Any] | None) -> dict[str, Any] | None:
    return (deployment_config or {}).get("RollingUpdatePolicy")


def update_endpoint(
    self: Any,
    endpoint_name: str,
    endpoint_config_name: str,
    retain_all_variant_properties: bool,
    exclude_retained_variant_properties: list[dict[str, str]] | None,
    deployment_config: dict[str, Any] | None,
    retain_deployment_config: bool,
) -> str:
    import emu_deployment as deployments

    with LOCK:
        endpoint = settled_endpoint(self, endpoint_name)
        if endpoint is None:
            raise endpoint_not_found(self, endpoint_name)
        config = self.endpoint_configs.get(endpoint_config_name)
        if config is None:
            raise config_not_found(self, endpoint_config_name)
        refuse_unless_in_service(self, endpoint)

        state = emu(endpoint)
        new_variants, new_specs, new_shadows = variants_from_config(self, config, utcnow())

        # SageMaker rejects an update that removes a variant registered with
        # Application Auto Scaling or changes its instance type; changing
        # only its model is allowed.
        targets = scalable_targets(self)
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
                    f'"{endpoint_arn(self, endpoint_name)}" are registered as scalable targets with '
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
                    variant["CurrentInstanceCount"] = variant["DesiredInstanceCount"] = old["DesiredInstanceCount"]

        if deployment_config:
            state["last_deployment_config"] = deployment_config
        elif not retain_deployment_config:
            state["last_deployment_config"] = None
        effective = deployment_config or (state["last_deployment_config"] if retain_deployment_config else None)
        alarms = [
            alarm.get("AlarmName")
            for alarm in ((effective or {}).get("AutoRollbackConfiguration") or {}).get("Alarms") or []
            if alarm.get("AlarmName")
        ]
        failing = failing_variant(self, config, "fail-update")
        old_size = fleet_size(endpoint.production_variants, state["shadows"])
        new_size = fleet_size(new_variants, new_shadows)
        rolling = _rolling_policy(effective)
        batch = fleet.batch_size(rolling.get("MaximumBatchSize"), new_size) if rolling else None
        phase = {
            "kind": "update",
            "config": endpoint_config_name,
            "variants": new_variants,
            "specs": new_specs,
            "shadows": new_shadows,
            "serving": _serving_settings(config),
            "alarms": alarms,
            "fleet": {
                "old": old_size,
                "new": new_size,
                "rolling": batch,
                "rollback_batch": fleet.batch_size(rolling.get("RollbackMaximumBatchSize"), old_size)
                if rolling and rolling.get("RollbackMaximumBatchSize")
                else None,
                # A failing container is caught on the first instances
                # launched: the whole green fleet, or a rolling update's
                # first batch.
                "launched_before_failure": new_size if batch is None else min(batch, new_size),
            },
            "failure": (
                "Failed to update endpoint: "
                + _health_check_failure(failing)
                + f' Rolled back to endpoint configuration "{endpoint.endpoint_config_name}".'
            )
            if failing
            else None,
        }
        _start_phase(endpoint, "Updating", phase)
        # The deployment's traffic steps and bakes set when it ends.
        phase["deployment"] = deployments.plan(effective, phase["begin"], new_size, batch, bool(failing))
        phase["until"] = phase["deployment"]["until"]
        deployments.record(endpoint_name, endpoint.endpoint_config_name, phase)
        state["updated"] = True
        fleet.count_update_call(endpoint_name)
        plan = phase["fleet"]
        if failing:
            launched = plan["launched_before_failure"]
            fleet.change(endpoint_name, phase["begin"], launched, launched=launched)
        elif batch is None:
            fleet.change(endpoint_name, phase["begin"], new_size, launched=new_size)
        else:
            fleet.schedule_replacement(endpoint_name, phase["begin"], phase["until"], old_size, new_size, batch)
        return endpoint.arn


def update_endpoint_weights_and_capacities(
    self: Any, endpoint_name: str, desired_weights_and_capacities: list[dict[str, Any]]
) -> str:
    with LOCK:
        endpoint = settled_endpoint(self, endpoint_name)
        if endpoint is None:
            raise endpoint_not_found(self, endpoint_name)
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
        # "Updates variant weight of one or more variants ..., or capacity of one variant"
        # (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_UpdateEndpointWeightsAndCapacities.html):
        # the page allows no more, so the emulator takes the stricter reading and refuses two capacities in one call.
        capacities = [entry["VariantName"] for entry in desired_weights_and_capacities or []
                      if entry.get("DesiredInstanceCount") is not None]
        if len(capacities) > 1:
            raise ValidationError(
                message=f"The capacity of one variant only can be updated in a request; it names {len(capacities)}."
            )
        refuse_unless_in_service(self, endpoint)
        apply_weights_and_capacities(endpoint, desired_weights_and_capacities or [])
        return endpoint.arn


def _weight_change_fails(endpoint_name: str) -> bool:
    rule = next((r for r in STATE.weight_change_failures if r["endpoint"] == endpoint_name), None)
    if rule is None:
        return False
    if rule.get("count") is not None:
        rule["count"] -= 1
        if rule["count"] <= 0:
            STATE.weight_change_failures.remove(rule)
    return True


def apply_weights_and_capacities(endpoint: Any, entries: list[dict[str, Any]]) -> None:
    # SageMaker changes only the fields given; Desired* change at once,
    # Current* once the endpoint is back InService. A change that fails goes
    # RollingBack, then InService on the weights and counts it had
    # (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeEndpoint.html, EndpointStatus).
    previous = [{key: variant.get(key) for key in ("VariantName", "CurrentWeight", "CurrentInstanceCount")}
                for variant in endpoint.production_variants]
    grow = shrink = 0
    for entry in entries:
        variant = next(v for v in endpoint.production_variants if v["VariantName"] == entry["VariantName"])
        if entry.get("DesiredWeight") is not None:
            variant["DesiredWeight"] = float(entry["DesiredWeight"])
        if entry.get("DesiredInstanceCount") is not None:
            before = int(variant.get("CurrentInstanceCount") or 0)
            variant["DesiredInstanceCount"] = int(entry["DesiredInstanceCount"])
            delta = variant["DesiredInstanceCount"] - before
            grow += max(0, delta)
            shrink += max(0, -delta)
    phase: dict[str, Any] = {"kind": "weights"}
    if _weight_change_fails(endpoint.endpoint_name):
        # Nothing is given back before the rollback: the instances asked for start, then go again.
        phase.update(failed=True, previous=previous, grown=grow)
        shrink = 0
    _start_phase(endpoint, "Updating", phase)
    if grow:
        fleet.change(endpoint.endpoint_name, phase["begin"], grow, launched=grow)
    if shrink:
        fleet.change(endpoint.endpoint_name, phase["until"], -shrink)


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
    import emu_components as components

    resource = components.resource_from_arn(backend, arn)
    try:
        resource = resource or _orig_get_resource_from_arn(backend, arn)
    except (ValueError, AttributeError):
        pass
    if resource is None:
        raise ValidationError(message=f'Could not find resource "{arn}".')
    return resource


def _get_resource_from_arn(self: Any, arn: str) -> Any:
    return _tagged_resource(self, arn)


# --------------------------------------------------------------------------
# Describe calls that return what was given
# --------------------------------------------------------------------------


def _without_none(value: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in value.items() if v is not None and v != []}


def _describe_endpoint_config(backend: Any, endpoint_config_name: str) -> dict[str, Any]:
    config = backend.endpoint_configs.get(endpoint_config_name)
    if config is None:
        raise ValidationError(
            message=f"Could not find endpoint configuration '{config_arn(backend, endpoint_config_name)}'."
        )
    request = {k: v for k, v in config_request(config).items() if k not in ("Tags", "EndpointConfigName")}
    response = {
        "EndpointConfigName": config.endpoint_config_name,
        "EndpointConfigArn": config.endpoint_config_arn,
        "CreationTime": config.creation_time,
    }
    response.update(copy.deepcopy(request))
    return _without_none(response)


def _describe_model(backend: Any, model: Any) -> dict[str, Any]:
    request = getattr(model, "_emu_request", None) or {}
    response = {
        "ModelName": model.model_name,
        "ModelArn": model.arn,
        "CreationTime": model.creation_time,
        "ExecutionRoleArn": model.execution_role_arn,
        "PrimaryContainer": model.primary_container or None,
        "Containers": model.containers or None,
        "VpcConfig": model.vpc_config or None,
        "InferenceExecutionConfig": request.get("InferenceExecutionConfig"),
        # SageMaker always reports it, false unless asked for.
        "EnableNetworkIsolation": bool(request.get("EnableNetworkIsolation")),
    }
    described = _without_none(response)
    if model.model_name in STATE.empty_describes:
        described.setdefault("VpcConfig", {})
        described.setdefault("Containers", [])
    return copy.deepcopy(described)


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

    def create_endpoint_config(self: Any) -> Any:
        import emu_components as components

        # Endpoints for inference components: variants without a model.
        components.check_endpoint_config(dict(self.params))
        check_shadow_variants(dict(self.params))
        result = _orig_response_create_endpoint_config(self)
        config = self.sagemaker_backend.endpoint_configs[self._get_param("EndpointConfigName")]
        # moto drops ExplainerConfig, ShadowProductionVariants and newer
        # fields; keep the request as given.
        config._emu_request = copy.deepcopy(dict(self.params))
        return result

    def create_model(self: Any) -> Any:
        result = _orig_response_create_model(self)
        model = self.sagemaker_backend._models[self._get_param("ModelName")]
        model._emu_request = copy.deepcopy(dict(self.params))
        return result

    def describe_endpoint_config(self: Any) -> Any:
        # moto's own CreateEndpoint reads the backend's describe; only the
        # API answer changes.
        return sm_responses.ActionResult(
            _describe_endpoint_config(self.sagemaker_backend, self._get_param("EndpointConfigName"))
        )

    def describe_model(self: Any) -> Any:
        model = self.sagemaker_backend.describe_model(self._get_param("ModelName"))
        return sm_responses.ActionResult(_describe_model(self.sagemaker_backend, model))


_orig_response_create_endpoint_config = sm_responses.SageMakerResponse.create_endpoint_config
_orig_response_create_model = sm_responses.SageMakerResponse.create_model
_orig_update_model_package = sm_models.SageMakerModelBackend.update_model_package


def update_model_package(
    self: Any,
    model_package_arn: str,
    model_approval_status: str | None,
    approval_description: str | None,
    customer_metadata_properties: dict[str, str] | None,
    customer_metadata_properties_to_remove: list[str],
    additional_inference_specifications_to_add: list[Any] | None,
) -> str:
    # UpdateModelPackage changes only what the request names; moto wipes
    # CustomerMetadataProperties and ApprovalDescription when they are left
    # out.
    with LOCK:
        package = model_package(self, model_package_arn, own=True)
        if package is None:
            raise ValidationError(message=f"Model package {model_package_arn} not found")
        kept_metadata = dict(package.customer_metadata_properties or {})
        kept_description = package.approval_description
        if customer_metadata_properties:
            kept_metadata.update(customer_metadata_properties)
        if additional_inference_specifications_to_add and package.additional_inference_specifications is None:
            package.additional_inference_specifications = []
        arn = _orig_update_model_package(
            self,
            model_package_arn,
            model_approval_status or package.model_approval_status,
            approval_description if approval_description is not None else kept_description,
            kept_metadata,
            customer_metadata_properties_to_remove or [],
            additional_inference_specifications_to_add,
        )
        if not package.customer_metadata_properties:
            package.customer_metadata_properties = None
        return arn


def describe_model_package(self: Any, model_package_name: str) -> Any:
    # A package of another account is described by its ARN, as SageMaker
    # describes a shared or AWS Marketplace package; moto looks in the
    # caller's account alone.
    package = model_package(self, model_package_name)
    if package is None:
        raise ValidationError(message=f"Model package {model_package_name} not found")
    return package


def install() -> None:
    backend = sm_models.SageMakerModelBackend
    backend.create_model = create_model
    backend.create_endpoint_config = create_endpoint_config
    backend.create_endpoint = create_endpoint
    backend.describe_endpoint = describe_endpoint
    backend.list_endpoints = list_endpoints
    backend.delete_endpoint = delete_endpoint
    backend.update_endpoint = update_endpoint
    backend.update_endpoint_weights_and_capacities = update_endpoint_weights_and_capacities
    backend.update_model_package = update_model_package
    backend.describe_model_package = describe_model_package
    backend.add_tags = add_tags
    backend._get_resource_from_arn = _get_resource_from_arn
    sm_models.FakeEndpointConfig.validate_instance_type = validate_instance_type
    response = sm_responses.SageMakerResponse
    response.update_endpoint = PatchedSageMakerResponse.update_endpoint
    response.create_endpoint_config = PatchedSageMakerResponse.create_endpoint_config
    response.create_model = PatchedSageMakerResponse.create_model
    response.describe_model = PatchedSageMakerResponse.describe_model
    response.describe_endpoint_config = PatchedSageMakerResponse.describe_endpoint_config
