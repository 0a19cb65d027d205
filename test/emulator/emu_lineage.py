"""SageMaker lineage contexts: CreateContext, DescribeContext and
DeleteContext, which moto 5.2.1 does not implement (it answers HTTP 500).

A context's name is unique in an account and region, and SageMaker refuses to
create a second context of a name that exists: the action's per-endpoint lock
rests on that refusal, so it is emulated exactly, under the emulator's lock, so
that two overlapping CreateContext calls can never both succeed.
https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateContext.html
https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeContext.html
https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DeleteContext.html

Contexts live on the SageMaker backend instance, so POST /moto-api/reset
(which builds new backends) forgets them with everything else."""

from __future__ import annotations

import copy
import re
from typing import Any

from moto.core.utils import utcnow
from moto.sagemaker import models as sm_models
from moto.sagemaker import responses as sm_responses
from moto.sagemaker.exceptions import ResourceNotFound, ValidationError

from emu_core import LOCK

# The constraints CreateContext documents for ContextName and Properties.
_NAME = re.compile(r"^[a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,119}$")
MAX_PROPERTIES = 30
MAX_PROPERTY_LENGTH = 2500


def _contexts(backend: Any) -> dict[str, dict[str, Any]]:
    if not hasattr(backend, "_emu_contexts"):
        backend._emu_contexts = {}
    return backend._emu_contexts


def context_arn(backend: Any, name: str) -> str:
    return sm_models.arn_formatter("context", name, backend.account_id, backend.region_name)


def _check_name(name: Any) -> str:
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValidationError(
            message=f"1 validation error detected: Value '{name}' at 'contextName' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: ^[a-zA-Z0-9]([-_]*[a-zA-Z0-9]){0,119}"
        )
    return name


def _check_properties(properties: Any) -> dict[str, str]:
    properties = properties or {}
    if len(properties) > MAX_PROPERTIES:
        raise ValidationError(
            message=f"1 validation error detected: Value at 'properties' failed to satisfy constraint: "
            f"Member must have length less than or equal to {MAX_PROPERTIES}"
        )
    for key, value in properties.items():
        if len(str(key)) > MAX_PROPERTY_LENGTH or len(str(value)) > MAX_PROPERTY_LENGTH:
            raise ValidationError(
                message="1 validation error detected: Value at 'properties' failed to satisfy constraint: "
                f"Map keys and values must have length less than or equal to {MAX_PROPERTY_LENGTH}"
            )
    return {str(key): str(value) for key, value in properties.items()}


def _not_found(backend: Any, name: str) -> ResourceNotFound:
    return ResourceNotFound(message=f"Context {context_arn(backend, name)} does not exist.")


def create_context(backend: Any, params: dict[str, Any]) -> dict[str, Any]:
    name = _check_name(params.get("ContextName"))
    source = params.get("Source") or {}
    if not source.get("SourceUri"):
        raise ValidationError(message="1 validation error detected: Value null at 'source.sourceUri' must not be null")
    if params.get("ContextType") is None:
        raise ValidationError(message="1 validation error detected: Value null at 'contextType' must not be null")
    properties = _check_properties(params.get("Properties"))
    with LOCK:
        contexts = _contexts(backend)
        arn = context_arn(backend, name)
        if name in contexts:
            # The text is an approximation; the code is SageMaker's.
            raise ValidationError(message=f"Context {arn} already exists.")
        now = utcnow()
        contexts[name] = {
            "ContextName": name,
            "ContextArn": arn,
            "ContextType": params.get("ContextType"),
            "Description": params.get("Description"),
            "Source": copy.deepcopy(source),
            "Properties": properties,
            "CreationTime": now,
            "LastModifiedTime": now,
        }
        return {"ContextArn": arn}


def describe_context(backend: Any, name: str) -> dict[str, Any]:
    with LOCK:
        context = _contexts(backend).get(name)
        if context is None:
            raise _not_found(backend, name)
        return {key: copy.deepcopy(value) for key, value in context.items() if value is not None}


def update_context(backend: Any, params: dict[str, Any]) -> dict[str, Any]:
    """API_UpdateContext: Properties is "The new list of properties. Overwrites the current property list."
    """
    name = params.get("ContextName") or ""
    properties = params.get("Properties")
    with LOCK:
        context = _contexts(backend).get(name)
        if context is None:
            raise _not_found(backend, name)
        if properties is not None:
            context["Properties"] = _check_properties(properties)
        for key in params.get("PropertiesToRemove") or []:
            context["Properties"].pop(key, None)
        if params.get("Description") is not None:
            context["Description"] = params["Description"]
        context["LastModifiedTime"] = utcnow()
        return {"ContextArn": context["ContextArn"]}


def delete_context(backend: Any, name: str) -> dict[str, Any]:
    with LOCK:
        context = _contexts(backend).pop(name, None)
        if context is None:
            raise _not_found(backend, name)
        return {"ContextArn": context["ContextArn"]}


class LineageResponses:
    """Methods grafted onto moto's SageMakerResponse."""

    def create_context(self: Any) -> Any:
        return sm_responses.ActionResult(create_context(self.sagemaker_backend, dict(self.params)))

    def describe_context(self: Any) -> Any:
        return sm_responses.ActionResult(describe_context(self.sagemaker_backend, self._get_param("ContextName")))

    def update_context(self: Any) -> Any:
        return sm_responses.ActionResult(update_context(self.sagemaker_backend, dict(self.params)))

    def delete_context(self: Any) -> Any:
        return sm_responses.ActionResult(delete_context(self.sagemaker_backend, self._get_param("ContextName")))


def install() -> None:
    response = sm_responses.SageMakerResponse
    response.create_context = LineageResponses.create_context
    response.describe_context = LineageResponses.describe_context
    response.update_context = LineageResponses.update_context
    response.delete_context = LineageResponses.delete_context
