"""SageMaker's own shadow tests (inference experiments): CreateInferenceExperiment,
ListInferenceExperiments, DescribeInferenceExperiment and StopInferenceExperiment,
which moto 5.2.1 does not implement (it answers HTTP 500).

What is emulated is a scheduled test, from its creation to its stop: the action
refuses to deploy under one, since SageMaker moves the endpoint onto the test's
variants when it starts and puts it back when it ends
(https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests-create.html).
A test is Created until it is stopped. Running one is not emulated: a test
without a schedule, or whose start has come, would have to change the endpoint,
so CreateInferenceExperiment refuses a test that starts less than an hour
ahead (EmulatorNotImplemented), and no test is ever started.
https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateInferenceExperiment.html
https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_ListInferenceExperiments.html
https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeInferenceExperiment.html
https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_StopInferenceExperiment.html

Tests live on the SageMaker backend instance, so POST /moto-api/reset forgets
them with everything else."""

from __future__ import annotations

import copy
import time
from typing import Any

from moto.core.exceptions import JsonRESTError
from moto.core.utils import utcnow
from moto.sagemaker import models as sm_models
from moto.sagemaker import responses as sm_responses
from moto.sagemaker.exceptions import ResourceNotFound, ValidationError

from emu_cloudwatch import to_epoch
from emu_core import LOCK, moto_time
from emu_sagemaker import endpoint_not_found

# A test must start this far ahead for the emulator to hold it: it never starts one.
MIN_LEAD_SECONDS = 3600
ENDED = ("Completed", "Cancelled")


class EmulatorNotImplemented(JsonRESTError):
    def __init__(self, message: str) -> None:
        super().__init__("EmulatorNotImplemented", message)
        self.code = 501


def _tests(backend: Any) -> dict[str, dict[str, Any]]:
    if not hasattr(backend, "_emu_experiments"):
        backend._emu_experiments = {}
    return backend._emu_experiments


def _arn(backend: Any, name: str) -> str:
    return sm_models.arn_formatter("inference-experiment", name, backend.account_id, backend.region_name)


def _not_found(backend: Any, name: str) -> ResourceNotFound:
    return ResourceNotFound(message=f"Inference experiment {_arn(backend, name)} does not exist.")


def create_experiment(backend: Any, params: dict[str, Any]) -> dict[str, Any]:
    name = params["Name"]
    endpoint_name = params["EndpointName"]
    schedule = params.get("Schedule") or {}
    start = to_epoch(schedule["StartTime"]) if schedule.get("StartTime") is not None else None
    if start is None or start < time.time() + MIN_LEAD_SECONDS:
        raise EmulatorNotImplemented(
            "The emulator holds scheduled shadow tests only, starting at least an hour ahead: it never starts one."
        )
    # The longest a test may run, and the default (API_InferenceExperimentSchedule, shadow-tests-create.html).
    end = to_epoch(schedule["EndTime"]) if schedule.get("EndTime") is not None else start + 7 * 86400
    if end - start > 30 * 86400:
        raise ValidationError(message="The maximum duration of an inference experiment is 30 days.")
    with LOCK:
        endpoint = backend.endpoints.get(endpoint_name)
        if endpoint is None:
            raise endpoint_not_found(backend, endpoint_name)
        tests = _tests(backend)
        if name in tests:
            raise ValidationError(message=f"Inference experiment {_arn(backend, name)} already exists.")
        now = utcnow()
        tests[name] = {
            "Arn": _arn(backend, name),
            "Name": name,
            "Type": params["Type"],
            "Schedule": {"StartTime": moto_time(start), "EndTime": moto_time(end)},
            "Status": "Created",
            "Description": params.get("Description"),
            "CreationTime": now,
            "LastModifiedTime": now,
            "RoleArn": params["RoleArn"],
            "EndpointMetadata": {
                "EndpointName": endpoint_name,
                "EndpointConfigName": endpoint.endpoint_config_name,
                "EndpointStatus": endpoint.endpoint_status,
            },
            "ModelVariants": [
                {**copy.deepcopy(variant), "Status": "Creating"} for variant in params["ModelVariants"]
            ],
            "ShadowModeConfig": copy.deepcopy(params["ShadowModeConfig"]),
            "DataStorageConfig": copy.deepcopy(params.get("DataStorageConfig")),
            "KmsKey": params.get("KmsKey"),
        }
        return {"InferenceExperimentArn": tests[name]["Arn"]}


def list_experiments(backend: Any, params: dict[str, Any]) -> dict[str, Any]:
    with LOCK:
        found = list(_tests(backend).values())
    for key, field in (("StatusEquals", "Status"), ("Type", "Type")):
        if params.get(key):
            found = [test for test in found if test[field] == params[key]]
    if params.get("NameContains"):
        found = [test for test in found if params["NameContains"] in test["Name"]]
    found.sort(key=lambda test: test["CreationTime"], reverse=(params.get("SortOrder") or "Descending") == "Descending")
    try:
        start = int(params.get("NextToken") or 0)
    except ValueError:
        raise ValidationError(message="Invalid pagination token: NextToken.") from None
    size = int(params.get("MaxResults") or 10)
    summary = ("Name", "Type", "Schedule", "Status", "Description", "CreationTime", "LastModifiedTime", "RoleArn")
    response: dict[str, Any] = {
        "InferenceExperiments": [
            {key: copy.deepcopy(test[key]) for key in summary if test.get(key) is not None}
            for test in found[start:start + size]
        ]
    }
    if start + size < len(found):
        response["NextToken"] = str(start + size)
    return response


def describe_experiment(backend: Any, name: str) -> dict[str, Any]:
    with LOCK:
        test = _tests(backend).get(name)
        if test is None:
            raise _not_found(backend, name)
        return {key: copy.deepcopy(value) for key, value in test.items() if value is not None}


def stop_experiment(backend: Any, params: dict[str, Any]) -> dict[str, Any]:
    name = params["Name"]
    with LOCK:
        test = _tests(backend).get(name)
        if test is None:
            raise _not_found(backend, name)
        if test["Status"] in ENDED:
            raise ValidationError(message=f"Inference experiment {test['Arn']} is already {test['Status']}.")
        # A test that never started changes nothing on the endpoint when it ends.
        test["Status"] = params.get("DesiredState") or "Completed"
        test["CompletionTime"] = test["LastModifiedTime"] = utcnow()
        if params.get("Reason"):
            test["StatusReason"] = params["Reason"]
        return {"InferenceExperimentArn": test["Arn"]}


class ExperimentResponses:
    """Methods grafted onto moto's SageMakerResponse."""

    def create_inference_experiment(self: Any) -> Any:
        return sm_responses.ActionResult(create_experiment(self.sagemaker_backend, dict(self.params)))

    def list_inference_experiments(self: Any) -> Any:
        return sm_responses.ActionResult(list_experiments(self.sagemaker_backend, dict(self.params)))

    def describe_inference_experiment(self: Any) -> Any:
        return sm_responses.ActionResult(describe_experiment(self.sagemaker_backend, self._get_param("Name")))

    def stop_inference_experiment(self: Any) -> Any:
        return sm_responses.ActionResult(stop_experiment(self.sagemaker_backend, dict(self.params)))


def install() -> None:
    response = sm_responses.SageMakerResponse
    for name in ("create_inference_experiment", "list_inference_experiments", "describe_inference_experiment",
                 "stop_inference_experiment"):
        setattr(response, name, getattr(ExperimentResponses, name))
