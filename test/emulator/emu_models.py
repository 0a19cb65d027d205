"""Models as SageMaker checks and serves them: the CreateModel validation
moto lacks beyond the service model's constraints (model data given as
ModelDataSource is not for multi-model containers, an S3 prefix ends in /;
a VpcConfig's 1 to 16 subnets and 1 to 5 security groups are the model's,
checked by emu_validation.py), and InvokeEndpoint's TargetModel, which a
multi-model endpoint requires and a single-model endpoint refuses."""

from __future__ import annotations

from typing import Any

from moto.sagemaker import models as sm_models
from moto.sagemaker.exceptions import ValidationError

_created_by_lifecycle = None


def _validate_container(container: dict[str, Any]) -> None:
    source = (container.get("ModelDataSource") or {}).get("S3DataSource")
    if source is None:
        return
    # ModelDataSource "cannot be used in conjunction with ... SageMaker
    # multi-model endpoints"
    # (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ContainerDefinition.html).
    if container.get("Mode") == "MultiModel":
        raise ValidationError(message="ModelDataSource is not supported for a container in MultiModel mode.")
    # "A valid key name prefix identified by S3Uri always ends with a forward
    # slash (/)" (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_S3ModelDataSource.html).
    if source.get("S3DataType") == "S3Prefix" and not str(source.get("S3Uri", "")).endswith("/"):
        raise ValidationError(message=f"S3Uri {source.get('S3Uri')} of an S3Prefix data source must end with /.")


def create_model(self: Any, model_name: str, *args: Any, **kwargs: Any) -> Any:
    for container in [kwargs.get("primary_container") or {}] + list(kwargs.get("containers") or []):
        _validate_container(container)
    return _created_by_lifecycle(self, model_name, *args, **kwargs)


def _serving_model(backend: Any, endpoint: Any, variant: str) -> Any:
    config = backend.endpoint_configs.get(endpoint.endpoint_config_name)
    if config is None:
        return None
    from emu_sagemaker import config_request

    for pv in config_request(config).get("ProductionVariants") or []:
        if pv.get("VariantName") == variant:
            return backend._models.get(pv.get("ModelName"))
    return None


def _multi_model(model: Any) -> bool:
    containers = [model.primary_container or {}] + list(model.containers or [])
    return any(container.get("Mode") == "MultiModel" for container in containers)


def target_model_refusal(backend: Any, endpoint: Any, variant: str, target_model: str | None) -> str | None:
    """Why SageMaker would refuse this request's TargetModel (or its
    absence) on the variant that serves it; None when it would not."""
    model = _serving_model(backend, endpoint, variant)
    multi_model = model is not None and _multi_model(model)
    name = endpoint.endpoint_name
    if target_model and not multi_model:
        # Observed: https://github.com/aws/amazon-sagemaker-examples/issues/1026
        return f"Endpoint {name} is not a multi-model endpoint and does not support target model header."
    if multi_model and not target_model:
        # Observed: https://github.com/aws/sagemaker-tensorflow-serving-container/issues/166
        return f"Request to endpoint {name} is missing a target model header."
    return None


def install() -> None:
    """After emu_sagemaker.install(): wraps its CreateModel."""
    global _created_by_lifecycle
    _created_by_lifecycle = sm_models.SageMakerModelBackend.create_model
    sm_models.SageMakerModelBackend.create_model = create_model
