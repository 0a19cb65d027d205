"""Test-only launcher for the moto server, with the SageMaker, CloudWatch and
Application Auto Scaling behaviour the end-to-end tests depend on and moto
lacks at the version pinned as MOTO_VERSION in test/runner/setup.mjs (which
starts this launcher): endpoints that take time to change, fleets that serve
traffic with bounded capacity, models that fail and slow down, metrics that
arrive late, alarms that evaluate, autoscaling that scales.

Usage: python3 test/emulator/launcher.py [--host 127.0.0.1] [--port N]
Prints "EMULATOR READY http://HOST:PORT" once it accepts connections and
serves until SIGTERM/SIGINT. --port 0 picks a free port (reported in the
ready line). Nothing in moto's installed files is changed: every patch is
applied to moto's classes in this process at start-up, by the emu_*.py
modules beside this file (test/emulator/README.md explains them for a
newcomer):

  emu_core.py        lock, settings, seeded random streams, reset
  emu_sagemaker.py   endpoint lifecycle, Describe* fidelity, model packages
  emu_deployment.py  deployments inside UpdateEndpoint: traffic steps, bakes,
                     alarms watched through them, rollback
  emu_fleet.py       instance accounting (GET /emulator/fleet)
  emu_traffic.py     simulated clients, model behaviour, capacity, stats
  emu_models.py      CreateModel's checks; InvokeEndpoint's TargetModel
  emu_runtime.py     InvokeEndpoint, InvokeEndpointAsync
  emu_cloudwatch.py  metric publication, GetMetricData/Statistics
  emu_metric_math.py metric math: operators, comparisons, IF, FILL, functions
  emu_alarms.py      metric alarms, evaluated every 10 s as CloudWatch does
  emu_autoscaling.py Application Auto Scaling checks and target tracking
  emu_components.py  inference components: API, copies placed on instances,
                     managed instance scaling, rolling/blue-green updates
                     with rollback, traffic, metrics, copy autoscaling
  emu_lineage.py     lineage contexts (CreateContext / DescribeContext /
                     DeleteContext), names unique per account and region
  emu_experiments.py SageMaker's shadow tests (inference experiments),
                     scheduled ones: create, list, describe, stop
  emu_world.py       the tick: what happens as time passes
  emu_validation.py  every request checked against botocore's service
                     models, refused as AWS refuses it when invalid
  emu_control.py     /emulator/* control endpoints and the reset hook

Findings against plain moto at MOTO_VERSION (checked with boto3 and the AWS SDK for JS)
-------------------------------------------------------------------------------------
Works as is:
  * CreateModel / DeleteModel / ListModels; CreateEndpointConfig keeps every
    ProductionVariant field, DataCaptureConfig, KmsKeyId and
    AsyncInferenceConfig; ListEndpointConfigs / DeleteEndpointConfig.
    Deleting a config or a model that an endpoint still uses is allowed, as
    in SageMaker.
  * Tags passed to CreateModel, CreateEndpointConfig and CreateEndpoint, and
    ListTags / DeleteTags on models, endpoint configs and endpoints.
  * CreateModelPackage (named, or versioned in a group) with
    InferenceSpecification and ModelApprovalStatus, DescribeModelPackage.
  * Application Auto Scaling RegisterScalableTarget (re-registering updates
    min/max/SuspendedState in place), PutScalingPolicy (re-putting replaces
    the policy), DescribeScalableTargets, DescribeScalingPolicies,
    DeleteScalingPolicy, DeregisterScalableTarget (a missing target is a
    ValidationException).
  * CloudWatch PutMetricData (Value, Values+Counts, StatisticValues),
    PutMetricAlarm (single metric and Metrics=[...]), DescribeAlarms,
    SetAlarmState; GetMetricData honours each query's MetricStat.Period and
    ScanBy (default TimestampDescending).
  * POST /moto-api/reset clears every backend.

Gaps found and patched here (each patch names the behaviour it follows):
  * moto takes what AWS refuses before acting: a name over 63 characters
    or off its pattern, an instance type or other value outside its enum,
    a number out of range, an unknown member. Now every request is
    checked against the operation's input in botocore's service model
    (emu_validation.py) and refused with AWS's ValidationException.
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
    (a falsy check), and never reports FailureReason or DeployedImages, nor
    the variants' ManagedInstanceScaling / RoutingConfig, the config's
    ShadowProductionVariants, AsyncInferenceConfig or ExplainerConfig; its
    DataCaptureConfig is the config's, not a DataCaptureConfigSummary.
  * DescribeEndpointConfig drops ExplainerConfig, ShadowProductionVariants
    and the newer top-level fields (ExecutionRoleArn, VpcConfig,
    EnableNetworkIsolation, MetricsConfig): configs now keep the request.
  * CreateEndpointConfig refuses instance types missing from moto's old list
    (ml.g5.*, ml.m6i.*, ml.inf2.*...): any type in botocore's model is
    accepted (any ml.<family>.<size> gets past moto; the model's enum is
    checked first).
  * DescribeModel drops EnableNetworkIsolation (always false) and
    InferenceExecutionConfig. CreateModel accepts a ModelPackageName that
    does not exist.
  * DescribeModelPackage and CreateModel look for a package in the caller's
    account alone: a package of another account (shared, or from AWS
    Marketplace) named by its ARN is not found.
  * CreateModel accepts an empty VpcConfig (refused by the model's
    constraints), an S3Prefix data source whose S3Uri does not end in /,
    and ModelDataSource on a MultiModel container; InvokeEndpoint ignores
    TargetModel (emu_models.py).
  * UpdateModelPackage wipes ModelApprovalStatus, ApprovalDescription and
    CustomerMetadataProperties when the request leaves them out, and cannot
    add AdditionalInferenceSpecifications to a package that had none.
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
    honoured; otherwise a variant is picked by CurrentWeight; the answer
    comes from the variant's model behaviour and capacity; unseeded answers
    are JSON {"ok": true, "endpoint": ..., "variant": ...}; failures answer
    424 ModelError as SageMaker does when the container fails.
  * Endpoints publish no metrics. Now every request (simulated or real)
    counts in AWS/SageMaker Invocations, Invocation4XXErrors,
    Invocation5XXErrors, ModelLatency, OverheadLatency and
    InvocationsPerInstance, published after the minute closes plus a delay;
    an asynchronous endpoint publishes instead only what AWS lists for it
    (InvocationsProcesssed, InvocationFailures, Invocation4XX/5XXErrors,
    ModelLatency), and an endpoint config with enhanced metrics publishes
    at its MetricsConfig frequency rather than every minute.
  * InvokeEndpointAsync answers any endpoint, real-time ones included, and
    counts nothing. Now only an asynchronous endpoint takes it (202, with
    the output location under its S3OutputPath), and its fleet processes
    the request like any other.
  * GetMetricData with a percentile Stat (p99, p99.9) answers HTTP 500;
    GetMetricStatistics ignores ExtendedStatistics; neither rounds
    StartTime nor aligns datapoints to StartTime + k * Period (moto starts
    GetMetricStatistics periods at the first datum, and GetMetricData adds a
    period past EndTime); GetMetricStatistics matches dimensions as a subset
    (a metric is its exact set of dimensions). PutMetricData expands
    Values+Counts into one object per sample; they are kept as one
    distribution, and percentiles are nearest-rank over the whole period's
    distribution.
  * Metric math expressions in GetMetricData return the referenced series
    unchanged or nothing: what alarms may use is implemented (+ - * / ^,
    comparisons, AND/OR, IF, FILL, ABS, CEIL, FLOOR, LOG, LOG10, MIN, MAX,
    SUM, AVG); SQRT and other functions are refused with a ValidationError
    rather than answered wrongly.
  * Alarms never evaluate metrics, and a state set with SetAlarmState
    stays forever. Now metric alarms (single metric, ExtendedStatistic
    percentiles, metric math with Metrics=[...], on any namespace) evaluate
    every 10 s over CloudWatch's evaluation range with its missing-data
    rules, and the next evaluation replaces a state set by hand.
  * CreateContext, DescribeContext and DeleteContext are not implemented
    (HTTP 500). Implemented: a context keeps its type, description, source
    and properties; a second CreateContext of a name that exists is refused
    with a ValidationException, atomically; DescribeContext and
    DeleteContext of a missing context answer ResourceNotFound.
  * Inference components are not implemented (CreateInferenceComponent and
    the rest answer HTTP 500), and a production variant without ModelName
    (an endpoint for components) fails CreateEndpointConfig with a server
    error. Implemented in emu_components.py: the six IC operations, tags on
    their ARN, endpoints for components (ExecutionRoleArn required,
    ManagedInstanceScaling only there), copies placed by their compute
    requirements, rolling updates with rollback, InvokeEndpoint by
    InferenceComponentName, per-component metrics, and Application Auto
    Scaling of DesiredCopyCount (moto's list of scalable dimensions lacks it).
  * Inference experiments (SageMaker's shadow tests) are not implemented
    (HTTP 500). Implemented in emu_experiments.py: a scheduled test is
    created (on an endpoint that exists, at most 30 days long), listed with
    StatusEquals and pages, described with its EndpointMetadata, and
    stopped. No test starts: one starting less than an hour ahead is refused
    as EmulatorNotImplemented rather than held without changing the endpoint.
  * PutScalingPolicy succeeds without a registered scalable target,
    RegisterScalableTarget accepts variants that do not exist, and
    DeregisterScalableTarget leaves the target's policies behind; target
    tracking policies never scale.

Message texts: the in-progress/failed/duplicate/not-found texts follow what
SageMaker answers; the texts for the auto-scaling guard, an unknown
TargetVariant, RegisterScalableTarget on a missing variant, a missing model
package, tags of a missing resource and a duplicate or missing context are
approximations (the error codes match).

Not emulated (known, out of scope): DeleteEndpoint is immediate (no
Deleting); MaximumExecutionTimeoutInSeconds; scaling cooldowns; step scaling; metric math functions beyond those
emu_metric_math.py lists; Metrics Insights.

Emulation
---------
Time. A background tick runs about once a second; before every CloudWatch
request and every control call the same work runs up to that instant, so
results never depend on the tick's phase:
  * transitions whose deadline passed complete (EMULATOR_TRANSITION_SECONDS,
    default 1, fractional allowed: how long Creating / Updating /
    RollingBack last; also how long a weights/capacity change and an
    autoscaling step take);
  * simulated clients send the requests they owe;
  * metric minutes whose publication time came are published;
  * alarms whose 10-second evaluation has come evaluate;
  * every autoscalingIntervalSeconds, target tracking takes one step.

Failures by image. A model whose container image contains "fail-create"
makes CreateEndpoint end Failed; one containing "fail-update" makes
UpdateEndpoint end InService on the old config with FailureReason set
(SageMaker's rollback of a failed update). FailureReason stays until an
update succeeds. POST /emulator/weight-change-failures makes the next
UpdateEndpointWeightsAndCapacities calls of an endpoint fail: Updating,
RollingBack, then InService on the weights and counts it had. A call that
sets the capacity of more than one variant is refused ("capacity of one
variant", API_UpdateEndpointWeightsAndCapacities).

Deployments (emu_deployment.py). An UpdateEndpoint provisions the new fleet
(transitionSeconds), then shifts traffic to it step by step as its
DeploymentConfig says (canary, linear, all at once, rolling batches), each
step baked WaitIntervalInSeconds, then TerminationWaitInSeconds at full
traffic. The AutoRollbackConfiguration alarms are watched from the first
shift to the end; one in ALARM sends all traffic back to the old fleet at
once (RollingBack), then the endpoint is InService on the old config with
the alarm named in FailureReason. GET /emulator/deployments gives each
deployment's steps and outcome.

Traffic and models. A simulated client sends ratePerSecond requests, evenly
spaced, to an endpoint that is InService or Updating/RollingBack (during a
deployment the new fleet takes its share, with its own model); requests to
a missing, Creating or Failed endpoint are rejected. A request without
TargetVariant goes to a variant of its fleet drawn by CurrentWeight (weight
0 gets none). Each variant's model behaves as the
newest model-behaviour rule whose "match" is part of its container image
(or model name) says, by default errorRate 0 and a log-normal latency with
median 40 ms and p99 80 ms. Each instance serves capacityPerInstance
requests per second (default 10 for a .large, x2 per size step: xlarge 20,
2xlarge 40, 4xlarge 80...); within a second, requests beyond capacity x
current instances fail 5XX (cause "capacity") and served requests slow
down as utilisation nears 1 (formula in emu_traffic.py). Probes
(InvokeEndpoint) are requests like the others.

Metrics. For each endpoint, variant and minute with requests, the
AWS/SageMaker metrics with dimensions EndpointName, VariantName are
published (Invocations, Invocation4XXErrors, Invocation5XXErrors,
InvocationsPerInstance as statistic sets; ModelLatency and OverheadLatency
in microseconds as distributions). Once an endpoint has been through an
UpdateEndpoint, each request also counts in the same metrics with a third
dimension EndpointConfigName (the config of the fleet that served it: old
and new fleets apart during a deployment; the plain series holds both), as
SageMaker publishes for deployment guardrails alarms
(https://docs.aws.amazon.com/sagemaker/latest/dg/deployment-guardrails-configuration.html).
metricsMode "faithful" (default) publishes a minute once it has closed plus
a delay drawn per (endpoint, minute) from metricsDelaySeconds (default
[60, 120]; env EMULATOR_METRICS_DELAY_SECONDS "30,60" or "45"); "instant"
publishes every request at once, the open minute included.

Alarms. Metric alarms are evaluated by emu_alarms.evaluate_alarm every 10 s:
the newest EvaluationPeriods real datapoints of the evaluation range
(EvaluationPeriods + 2 periods under a minute, + max(2, ceil(300 / period))
for a minute or more), DatapointsToAlarm of them breaching -> ALARM,
otherwise OK; too few datapoints are filled per TreatMissingData as
CloudWatch documents. A state set with SetAlarmState lasts until the next
evaluation.

Control endpoints (JSON; README.md has the full shapes). POST
/moto-api/reset also clears all of this state and returns the config to
its start-up values.
  GET    /emulator/health            -> {"ok": true, "transitionSeconds": n}
  GET    /emulator/config            -> every setting below
  POST   /emulator/config            {"transitionSeconds"?, "seed"?,
                                      "metricsDelaySeconds"?: [min, max],
                                      "metricsMode"?: "faithful"|"instant",
                                      "capacityPerInstance"?: {type: r/s},
                                      "defaultCapacityPerInstance"?,
                                      "autoscalingIntervalSeconds"?}
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
  POST   /emulator/traffic           {"endpoint", "ratePerSecond",
                                      "inferenceComponent"?} (0 stops)
  GET    /emulator/traffic           -> {"traffic": {endpoint: rate}}
  DELETE /emulator/traffic           {"endpoint"}? (no body: every client)
  POST   /emulator/model-behaviour   {"match", "errorRate"?, "latencyMs"?,
                                      "latencyP99Ms"?}
  GET    /emulator/model-behaviour   -> {"rules": [...], "default": {...}}
  DELETE /emulator/model-behaviour
  GET    /emulator/fleet             -> {"endpoints": {name: {
                                      updateEndpointCalls, instancesProvisioned,
                                      peakInstances, instanceSeconds,
                                      currentInstances}}}
  GET    /emulator/traffic-stats     -> {"endpoints": {name: {rejected,
                                      variants: {v: {requests, invoked,
                                      errors4xx, errors5xx: {model, capacity,
                                      total}, latencyMs: {p50, p99},
                                      minutes: [...]}}, fleets: {config:
                                      {...same counts}}}}}
  GET    /emulator/metric-publications[?endpoint=name]
                                     -> {"publications": [{endpoint, variant,
                                      endpointConfigName, minute, dueAt,
                                      publishedAt, delaySeconds, invocations,
                                      errors5xx}], "time": now}
  GET    /emulator/inference-components[?endpoint=name]
                                     -> {"endpoints": {name: {variants: {v:
                                      {instanceType, instanceResources,
                                      managedInstanceScaling, instances: [{id,
                                      free, copies: [...]}], instancesLaunched,
                                      instancesReleased, peakInstances}}}},
                                      "inferenceComponents": {name: {...}}}
  GET    /emulator/component-updates[?inferenceComponent=name]
                                     -> {"updates": [{inferenceComponent, type,
                                      trigger, batches, rollbackBatches,
                                      peakCopies, peakInstances, status,
                                      rolledBackBy, firingAlarms, ...}]}
  GET    /emulator/deployments[?endpoint=name]
                                     -> {"deployments": [{endpoint, newConfig,
                                      oldConfig, type, steps: [{at, startedAt,
                                      newFleetShare, bakeSeconds}],
                                      terminationWaitSeconds, alarms, startedAt,
                                      plannedEndAt, status, rollbackStartedAt,
                                      firingAlarms, endedAt}], "time": now}
  GET    /emulator/invalid-requests  -> {"invalidRequests": [{service,
                                      operation, errors: [{parameter,
                                      message}], message, userAgent, time}]}
                                      (kept through a reset)
  DELETE /emulator/invalid-requests  -> the same, of the ones it removed
  POST   /emulator/reset             same as POST /moto-api/reset
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

# The emu_* modules live beside this file, which may be started from any
# directory.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app  # noqa: E402
from werkzeug.serving import WSGIRequestHandler, make_server  # noqa: E402

import emu_autoscaling  # noqa: E402
import emu_cloudwatch  # noqa: E402
import emu_components  # noqa: E402
import emu_experiments  # noqa: E402
import emu_lineage  # noqa: E402
import emu_models  # noqa: E402
import emu_runtime  # noqa: E402
import emu_sagemaker  # noqa: E402
from emu_control import EmulatorApp  # noqa: E402
from emu_core import STATE  # noqa: E402
from emu_world import start_ticker  # noqa: E402


def install_patches() -> None:
    emu_sagemaker.install()
    emu_models.install()
    emu_runtime.install()
    emu_cloudwatch.install()
    emu_autoscaling.install()
    emu_lineage.install()
    emu_experiments.install()
    # After emu_autoscaling: it wraps the RegisterScalableTarget in place.
    emu_components.install()


class QuietHandler(WSGIRequestHandler):
    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        if os.environ.get("EMULATOR_VERBOSE"):
            super().log_request(code, size)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-H", "--host", default="127.0.0.1")
    parser.add_argument("-p", "--port", type=int, default=0)
    args = parser.parse_args(argv)

    # Settings from the environment are checked before anything listens.
    STATE.reset()
    install_patches()
    app = EmulatorApp(DomainDispatcherApplication(create_backend_app))
    server = make_server(args.host, args.port, app, threaded=True, request_handler=QuietHandler)
    port = server.server_port
    # moto calls itself back for some services through MOTO_PORT.
    os.environ["MOTO_PORT"] = str(port)
    ticker = start_ticker()

    def stop(signum: int, frame: Any) -> None:
        ticker.set()
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"EMULATOR READY http://{args.host}:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
