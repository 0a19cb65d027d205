"""SageMaker runtime: InvokeEndpoint answered by the serving fleet, with the
variant's model behaviour, its capacity, and the failure and delay rules
tests set; InvokeEndpointAsync accepted by an asynchronous endpoint and
processed by its fleet like any request."""

from __future__ import annotations

import base64
import json
import re
import time
import uuid
from typing import Any
from urllib.parse import unquote

from moto.s3 import models as s3_models
from moto.sagemaker import models as sm_models
from moto.sagemakerruntime import responses as rt_responses

import emu_components as components
import emu_deployment as deployments
import emu_traffic as traffic
from emu_core import LOCK, STATE
from emu_models import target_model_refusal
from emu_sagemaker import config_request, settled_endpoint

_orig_invoke_endpoint = rt_responses.SageMakerRuntimeResponse.invoke_endpoint
_PLACEHOLDER_VARIANT = "invoked_production_variant"


def _runtime_error(code: str, status: int, body: dict[str, Any]) -> Any:
    # Runtime errors are rest-json: the code travels in x-amzn-ErrorType.
    # moto takes the HTTP status from the "status" entry of the headers.
    headers = {"Content-Type": "application/json", "x-amzn-ErrorType": code, "status": status}
    return status, headers, json.dumps(body)


def matching_rule(rules: list[dict[str, Any]], endpoint: str, variant: str) -> dict[str, Any] | None:
    for rule in rules:
        if rule["endpoint"] == endpoint and rule.get("variant") in (None, variant):
            return rule
    return None


def _model_error(status: int, message: str, name: str, account: str, region: str) -> Any:
    # What SageMaker returns when the container answers an error: HTTP 424
    # ModelError carrying the container's status and message.
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


def invoke_endpoint(self: Any) -> Any:
    name = unquote(self._get_params().get("EndpointName") or self.path.split("/")[2])
    target = self.headers.get("X-Amzn-SageMaker-Target-Variant")
    target_model = self.headers.get("X-Amzn-SageMaker-Target-Model")
    account, region = self.current_account, self.region
    backend = sm_models.sagemaker_backends[account][region]
    delay = None
    failure = None
    with LOCK:
        now = time.time()
        endpoint = settled_endpoint(backend, name)
        record = {"endpoint": name, "targetVariant": target, "targetModel": target_model, "variant": None, "time": now,
                  "inferenceComponent": None}
        STATE.invocations.append(record)
        # SageMaker runtime only knows endpoints that have come up.
        if endpoint is None or endpoint.endpoint_status in ("Creating", "Failed"):
            record["status"] = 400
            traffic.reject(name)
            return _runtime_error(
                "ValidationError",
                400,
                {"ErrorCode": "VALIDATION_ERROR", "Message": f"Endpoint {name} of account {account} not found."},
            )
        # An asynchronous endpoint is invoked with InvokeEndpointAsync; SageMaker refuses InvokeEndpoint on it with a
        # ValidationError (https://github.com/strands-agents/harness-sdk/issues/1969). Its exact message is not
        # documented: this one says what happened.
        config = backend.endpoint_configs.get(endpoint.endpoint_config_name)
        if config is not None and config_request(config).get("AsyncInferenceConfig"):
            record["status"] = 400
            traffic.reject(name)
            return _runtime_error(
                "ValidationError",
                400,
                {
                    "ErrorCode": "VALIDATION_ERROR",
                    "Message": f"Endpoint {name} of account {account} is an asynchronous endpoint: use InvokeEndpointAsync.",
                },
            )
        component = self.headers.get("X-Amzn-SageMaker-Inference-Component")
        record["inferenceComponent"] = component
        if component or components.hosts_components(backend, endpoint):
            why = components.refusal(backend, endpoint, component, account)
            if why is None and target:
                # AWS is silent on TargetVariant beside InferenceComponentName;
                # every AWS example sends only the component: refused here.
                why = "TargetVariant cannot be combined with InferenceComponentName."
            if why is not None:
                record["status"] = 400
                traffic.reject(name)
                return _runtime_error("ValidationError", 400, {"ErrorCode": "VALIDATION_ERROR", "Message": why})
            outcome = components.serve(account, region, backend, endpoint, components.components(backend)[component],
                                       now, invoked=True)
            variant = outcome["variant"]
            record["variant"] = variant
            record["status"] = 200 if 0 < outcome["status"] < 400 else 424
        else:
            outcome = None
    if outcome is not None:
        return _answer(self, name, account, region, outcome, None, None, None)
    with LOCK:
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
        # During a deployment the new fleet takes its share of real calls too.
        fleet = deployments.fleet_for(endpoint, STATE.stream(f"fleet|{account}/{region}/{name}"), now, target)
        if not target:
            variant = traffic.pick_variant(endpoint, STATE.stream(f"route|{account}/{region}/{name}"), fleet["variants"])
        record["variant"] = variant
        refusal = target_model_refusal(backend, endpoint, variant, target_model)
        if refusal is not None:
            record["status"] = 400
            return _runtime_error("ValidationError", 400, {"ErrorCode": "VALIDATION_ERROR", "Message": refusal})
        failure = matching_rule(STATE.invoke_failures, name, variant)
        if failure is not None:
            failure = dict(failure)
            rule = next(r for r in STATE.invoke_failures if r["endpoint"] == name and r.get("variant") in (None, variant))
            if rule.get("count") is not None:
                rule["count"] -= 1
                if rule["count"] <= 0:
                    STATE.invoke_failures.remove(rule)
        delay = matching_rule(STATE.invoke_delays, name, variant)
        # Probes are requests like any other: they take capacity, draw the
        # model's behaviour and count in the variant's metrics.
        outcome = traffic.serve(account, region, backend, endpoint, variant, now, invoked=True, forced=failure,
                                fleet=fleet)
        record["status"] = 200 if 0 < outcome["status"] < 400 else 424

    return _answer(self, name, account, region, outcome, delay, failure, target_model)


def _answer(self: Any, name: str, account: str, region: str, outcome: dict[str, Any], delay: dict[str, Any] | None,
            failure: dict[str, Any] | None, target_model: str | None) -> Any:
    """The answer to a request `outcome` says how the model served."""
    variant = outcome["variant"]
    extra = float(delay.get("delayMs", 0)) if delay is not None else 0.0
    time.sleep((outcome["latencyMs"] + extra) / 1000.0)
    if outcome["cause"] == "capacity":
        # An overloaded model server turns requests away with 503.
        return _model_error(503, "Service Unavailable: the model server is at capacity", name, account, region)
    if failure is not None:
        return _model_error(
            int(failure.get("status") or 500), failure.get("message") or "Internal Server Error", name, account, region
        )
    if outcome["cause"] == "unanswered":
        # What SageMaker answers when the container does not answer within its 60 s
        # (https://github.com/aws/amazon-sagemaker-examples/issues/799); the emulator answers at once.
        return _model_error(
            0,
            "Your invocation timed out while waiting for a response from container primary. Review the latency "
            "metrics for each container in Amazon CloudWatch, resolve the issue, and try again.",
            name, account, region,
        )
    if outcome["status"] >= 400:
        return _model_error(outcome["status"], "Internal Server Error", name, account, region)

    status, headers, body = _orig_invoke_endpoint(self)
    if headers.get("x-Amzn-Invoked-Production-Variant") in (None, _PLACEHOLDER_VARIANT):
        headers["x-Amzn-Invoked-Production-Variant"] = variant
    if body == "body" and headers.get("Content-Type") == "content_type":
        # moto's unseeded placeholder answer; a JSON body keeps probes that
        # parse the reply meaningful.
        answer = {"ok": True, "endpoint": name, "variant": variant}
        if "answer" in outcome:
            # The model's own answer, as a model behaviour rule sets it.
            answer = outcome["answer"]
        elif target_model:
            answer["targetModel"] = target_model
        if outcome.get("copy") and "answer" not in outcome:
            # Which copy of the inference component answered, running which model.
            answer.update({"inferenceComponent": self.headers.get("X-Amzn-SageMaker-Inference-Component"),
                           "copy": outcome["copy"], "specVersion": outcome["specVersion"],
                           "modelName": outcome["modelName"]})
        body = json.dumps(answer)
        headers["Content-Type"] = "application/json"
        if headers.get("X-Amzn-SageMaker-Custom-Attributes") == "custom_attributes":
            del headers["X-Amzn-SageMaker-Custom-Attributes"]
    capture(self, account, region, name, variant, body, headers.get("Content-Type") or "application/json")
    shadow = outcome.get("shadow")
    if shadow is not None and 0 < shadow["status"] < 400:
        # The shadow's answer goes nowhere but to data capture, under its own variant
        # (https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests-create.html: "log requests and responses of
        # your production and shadow variants").
        shadow_answer = shadow["answer"] if "answer" in shadow else {"ok": True, "endpoint": name,
                                                                     "variant": shadow["variant"]}
        capture(self, account, region, name, shadow["variant"], json.dumps(shadow_answer), "application/json")
    return status, headers, body


def _encoded(data: bytes, content_type: str, kinds: dict[str, Any]) -> dict[str, str]:
    """SageMaker writes data of a content type listed in CaptureContentTypeHeader as text (JSON or CSV), and base64
    otherwise: "If no headers are specified SageMaker will by default base64 encode when capturing the data"
    (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DataCaptureConfig.html)."""
    base = content_type.split(";")[0].strip()
    for encoding, listed in (("JSON", kinds.get("JsonContentTypes") or []), ("CSV", kinds.get("CsvContentTypes") or [])):
        if base in listed:
            return {"data": data.decode("utf-8", "replace"), "encoding": encoding}
    return {"data": base64.b64encode(data).decode("ascii"), "encoding": "BASE64"}


def capture(self: Any, account: str, region: str, name: str, variant: str, answer: Any, answer_type: str) -> None:
    """Data capture of a request the model answered, as SageMaker writes it: a JSON line under the config's
    DestinationS3Uri, by endpoint, variant and hour (https://docs.aws.amazon.com/sagemaker/latest/dg/
    model-monitor-data-capture-endpoint.html), for InitialSamplingPercentage of the requests. SageMaker buffers
    lines into files; here each request is an object of its own. Only real InvokeEndpoint calls are captured, not
    the emulator's simulated traffic. A bucket that does not exist gets nothing, as SageMaker writes nothing there."""
    with LOCK:
        _capture(self, account, region, name, variant, answer, answer_type)


def _capture(self: Any, account: str, region: str, name: str, variant: str, answer: Any, answer_type: str) -> None:
    backend = sm_models.sagemaker_backends[account][region]
    endpoint = backend.endpoints.get(name)
    config = backend.endpoint_configs.get(endpoint.endpoint_config_name) if endpoint is not None else None
    settings = (config_request(config).get("DataCaptureConfig") or {}) if config is not None else {}
    if not settings or settings.get("EnableCapture") is False:
        return
    modes = {option.get("CaptureMode") for option in settings.get("CaptureOptions") or []}
    rng = STATE.stream(f"capture|{account}/{region}/{name}")
    if rng.random() * 100 >= float(settings.get("InitialSamplingPercentage", 100)):
        return
    kinds = settings.get("CaptureContentTypeHeader") or {}
    request = self.body if isinstance(self.body, bytes) else str(self.body or "").encode()
    data: dict[str, Any] = {}
    if modes & {"Input", "InputAndOutput"}:
        content_type = self.headers.get("Content-Type") or "application/octet-stream"
        data["endpointInput"] = {"observedContentType": content_type, "mode": "INPUT",
                                 **_encoded(request, content_type, kinds)}
    if modes & {"Output", "InputAndOutput"}:
        out = answer if isinstance(answer, bytes) else str(answer).encode()
        data["endpointOutput"] = {"observedContentType": answer_type, "mode": "OUTPUT", **_encoded(out, answer_type, kinds)}
    if not data:
        return
    now = time.gmtime()
    event = str(uuid.uuid4())
    metadata = {"eventId": event, "inferenceTime": time.strftime("%Y-%m-%dT%H:%M:%SZ", now)}
    # The caller's InferenceId, which is how AWS's shadow example pairs a production answer with the shadow's
    # (aws/amazon-sagemaker-examples, sagemaker-shadow-variant/shadow-api/Shadow-Experiment-API.ipynb reads eventMetadata.inferenceId).
    if self.headers.get("X-Amzn-SageMaker-Inference-Id"):
        metadata["inferenceId"] = self.headers["X-Amzn-SageMaker-Inference-Id"]
    line = {"captureData": data, "eventMetadata": metadata, "eventVersion": "0"}
    match = re.match(r"^s3://([^/]+)/?(.*)$", settings.get("DestinationS3Uri") or "")
    if match is None:
        return
    bucket, prefix = match.group(1), match.group(2).strip("/")
    key = "/".join(part for part in (prefix, name, variant, time.strftime("%Y/%m/%d/%H", now),
                                      f"{time.strftime('%M-%S', now)}-{event}.jsonl") if part)
    try:
        s3_models.s3_backends[account]["global"].put_object(bucket, key, (json.dumps(line) + "\n").encode())
    except Exception:  # noqa: BLE001 - no bucket: SageMaker's capture fails there, the request does not
        return


def invoke_endpoint_async(self: Any) -> Any:
    """InvokeEndpointAsync: SageMaker queues the request and answers 202 with
    where the result will be (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_runtime_InvokeEndpointAsync.html).
    The emulator processes it at once on the serving fleet, drawing the
    variant's model behaviour, and counts it in the variant's metrics as an
    asynchronous endpoint publishes them (emu_cloudwatch.Publishing): the
    queue itself is not modelled. Only an endpoint whose config has an
    AsyncInferenceConfig takes it; SageMaker's wording for the refusal is not
    documented, this one says what happened."""
    name = unquote(self.path.split("/")[2])
    account, region = self.current_account, self.region
    backend = sm_models.sagemaker_backends[account][region]
    with LOCK:
        now = time.time()
        endpoint = settled_endpoint(backend, name)
        record = {"endpoint": name, "targetVariant": None, "targetModel": None, "variant": None, "time": now}
        STATE.invocations.append(record)
        if endpoint is None or endpoint.endpoint_status in ("Creating", "Failed"):
            record["status"] = 400
            traffic.reject(name)
            return _runtime_error(
                "ValidationError",
                400,
                {"ErrorCode": "VALIDATION_ERROR", "Message": f"Endpoint {name} of account {account} not found."},
            )
        config = backend.endpoint_configs.get(endpoint.endpoint_config_name)
        request = config_request(config) if config is not None else {}
        if not request.get("AsyncInferenceConfig"):
            record["status"] = 400
            return _runtime_error(
                "ValidationError",
                400,
                {
                    "ErrorCode": "VALIDATION_ERROR",
                    "Message": f"Endpoint {name} of account {account} is not an asynchronous endpoint: use InvokeEndpoint.",
                },
            )
        fleet = deployments.fleet_for(endpoint, STATE.stream(f"fleet|{account}/{region}/{name}"), now)
        variant = traffic.pick_variant(endpoint, STATE.stream(f"route|{account}/{region}/{name}"), fleet["variants"])
        outcome = traffic.serve(account, region, backend, endpoint, variant, now, invoked=True, fleet=fleet)
        record["variant"] = variant
        record["status"] = 202 if 0 < outcome["status"] < 400 else 424
    output = request["AsyncInferenceConfig"].get("OutputConfig") or {}
    inference_id = self.headers.get("X-Amzn-SageMaker-Inference-Id") or str(uuid.uuid4())
    headers = {"X-Amzn-SageMaker-OutputLocation": f"{str(output.get('S3OutputPath') or 's3://').rstrip('/')}/{inference_id}.out",
               "status": 202}
    if output.get("S3FailurePath"):
        headers["X-Amzn-SageMaker-FailureLocation"] = f"{str(output['S3FailurePath']).rstrip('/')}/{inference_id}-error.out"
    return 202, headers, json.dumps({"InferenceId": inference_id})


def install() -> None:
    rt_responses.SageMakerRuntimeResponse.invoke_endpoint = invoke_endpoint
    rt_responses.SageMakerRuntimeResponse.invoke_endpoint_async = invoke_endpoint_async
