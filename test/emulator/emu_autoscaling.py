"""Application Auto Scaling for SageMaker variants: the checks AWS makes on
registration and policies, and target tracking that actually scales."""

from __future__ import annotations

import math
import re
from typing import Any

from moto.applicationautoscaling import models as aas_models
from moto.core.exceptions import JsonRESTError
from moto.sagemaker import models as sm_models

import emu_traffic as traffic
from emu_core import LOCK, STATE, VARIANT_DIMENSION, each_backend
from emu_sagemaker import apply_weights_and_capacities, settled_endpoint

_RESOURCE = re.compile(r"^endpoint/([^/]+)/variant/([^/]+)$")
INVOCATIONS_PER_INSTANCE = "SageMakerVariantInvocationsPerInstance"

_orig_put_scaling_policy = aas_models.ApplicationAutoscalingBackend.put_scaling_policy
_orig_register_scalable_target = aas_models.ApplicationAutoscalingBackend.register_scalable_target
_orig_deregister_scalable_target = aas_models.ApplicationAutoscalingBackend.deregister_scalable_target


def deregister_with_policies(aas: Any, namespace: str, resource_id: str, dimension: str) -> None:
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
        match = _RESOURCE.match(r_id)
        backend = sm_models.sagemaker_backends[self.account_id][self.region_name]
        with LOCK:
            endpoint = settled_endpoint(backend, match.group(1)) if match else None
            variants = [v["VariantName"] for v in endpoint.production_variants] if endpoint else []
        if not match or match.group(2) not in variants:
            raise JsonRESTError(
                "ValidationException",
                f"The target resource {r_id} does not exist: no such endpoint variant.",
            )
    registered = _orig_register_scalable_target(self, namespace, r_id, dimension, *args, **kwargs)
    if namespace == "sagemaker" and dimension == VARIANT_DIMENSION and match:
        target = self.targets.get(dimension, {}).get(r_id)
        backend = sm_models.sagemaker_backends[self.account_id][self.region_name]
        with LOCK:
            if target is not None:
                clamp_into_range(backend, match.group(1), match.group(2), target)
    return registered


def clamp_into_range(backend: Any, endpoint_name: str, variant_name: str, target: Any) -> bool:
    """"If the resource's current capacity is outside of this range, Application Auto Scaling changes it to a
    value that is inside of this range" (API_RegisterScalableTarget), with no policy and whatever is suspended.
    An endpoint mid-update is moved at the next evaluation. True when it moved the variant."""
    endpoint = settled_endpoint(backend, endpoint_name)
    if endpoint is None or endpoint.endpoint_status != "InService":
        return False
    variant = next((v for v in endpoint.production_variants if v["VariantName"] == variant_name), None)
    if variant is None or "CurrentInstanceCount" not in variant:
        return False
    current = int(variant["CurrentInstanceCount"])
    low = int(target.min_capacity if target.min_capacity is not None else current)
    high = int(target.max_capacity if target.max_capacity is not None else current)
    bound = max(low, min(high, current))
    if bound == current:
        return False
    apply_weights_and_capacities(endpoint, [{"VariantName": variant_name, "DesiredInstanceCount": bound}])
    return True


def deregister_scalable_target(self: Any, namespace: str, r_id: str, dimension: str) -> None:
    # Deregistering a scalable target also deletes its scaling policies.
    deregister_with_policies(self, namespace, r_id, dimension)


def _suspended(target: Any, flag: str) -> bool:
    state = target.suspended_state or {}
    return bool(state.get(flag)) if isinstance(state, dict) else False


def autoscale(now: float) -> None:
    """One target-tracking evaluation of every registered SageMaker variant.

    The metric is the variant's invocations per instance per minute over the
    last minute of traffic (simulated and real; over the part of the minute
    since the variant's first request when that is shorter), as
    SageMakerVariantInvocationsPerInstance measures it; the desired count is
    ceil(instances * metric / target), clamped to MinCapacity..MaxCapacity.
    The variant moves one instance per evaluation, through
    UpdateEndpointWeightsAndCapacities as Application Auto Scaling does (the
    endpoint is Updating meanwhile), and not at all when the step's
    direction is suspended (SuspendedState) or scale-in is disabled on the
    policy. A variant that received no request has no datapoint, and target
    tracking does not scale on insufficient data
    (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html).
    Cooldowns are not modelled: autoscalingIntervalSeconds paces the steps.
    Provisioned-concurrency policies of serverless variants are ignored."""
    for account, region, aas in each_backend(aas_models.applicationautoscaling_backends):
        backend = sm_models.sagemaker_backends[account][region]
        moved: set[str] = set()
        for resource_id, target in list(aas.targets.get(VARIANT_DIMENSION, {}).items()):
            match = _RESOURCE.match(resource_id)
            if not match or target.service_namespace != "sagemaker":
                continue
            endpoint_name, variant_name = match.groups()
            if endpoint_name in moved:
                continue
            if clamp_into_range(backend, endpoint_name, variant_name, target):
                moved.add(endpoint_name)
                continue
            configurations = [
                p.target_tracking_scaling_policy_configuration or {}
                for p in aas.policies.values()
                if p.resource_id == resource_id
                and p.scalable_dimension == VARIANT_DIMENSION
                and p.policy_type == "TargetTrackingScaling"
            ]
            configurations = [
                c for c in configurations
                if (c.get("PredefinedMetricSpecification") or {}).get("PredefinedMetricType") == INVOCATIONS_PER_INSTANCE
                and float(c.get("TargetValue") or 0) > 0
            ]
            if not configurations:
                continue
            endpoint = settled_endpoint(backend, endpoint_name)
            if endpoint is None or endpoint.endpoint_status != "InService":
                continue
            variant = next((v for v in endpoint.production_variants if v["VariantName"] == variant_name), None)
            if variant is None or "CurrentInstanceCount" not in variant:
                continue
            current = int(variant["CurrentInstanceCount"])
            # Target tracking acts on several datapoints, not on the first
            # few requests: a variant is judged once it has had traffic for
            # three evaluation intervals (at least 2 s) or a minute.
            observed = traffic.observed_seconds(account, region, endpoint_name, variant_name, now)
            if observed < min(60.0, max(2.0, 3 * STATE.autoscaling_interval)):
                continue
            per_minute = traffic.recent_rate(account, region, endpoint_name, variant_name, now)
            if per_minute is None or current <= 0:
                continue
            low = int(target.min_capacity if target.min_capacity is not None else 1)
            high = int(target.max_capacity if target.max_capacity is not None else current)
            desired = [
                max(low, min(high, math.ceil(per_minute / float(c["TargetValue"])))) for c in configurations
            ]
            step = 0
            # Out when any policy wants more; in only when every policy
            # wants less and none has scale-in disabled.
            if max(desired) > current and not _suspended(target, "DynamicScalingOutSuspended"):
                step = 1
            elif (
                max(desired) < current
                and not _suspended(target, "DynamicScalingInSuspended")
                and not any(c.get("DisableScaleIn") for c in configurations)
            ):
                step = -1
            if step:
                apply_weights_and_capacities(
                    endpoint, [{"VariantName": variant_name, "DesiredInstanceCount": current + step}]
                )
                moved.add(endpoint_name)


def install() -> None:
    aas = aas_models.ApplicationAutoscalingBackend
    aas.put_scaling_policy = put_scaling_policy
    aas.register_scalable_target = register_scalable_target
    aas.deregister_scalable_target = deregister_scalable_target
