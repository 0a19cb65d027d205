"""The HTTP front: /emulator/* control endpoints, the reset hook, and moto
behind them. Every control call first brings the world up to now, so what
it reports or changes is exact."""

from __future__ import annotations

import copy
import json
import time
from typing import Any
from urllib.parse import parse_qs

from moto.moto_api._internal.models import moto_api_backend

import emu_components as components
import emu_deployment as deployments
import emu_fleet as fleet
import emu_traffic as traffic
import emu_validation as validation
from emu_core import LOCK, STATE
from emu_world import sync

_REASONS = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}


def _json_response(start_response: Any, status: int, payload: Any) -> list[bytes]:
    body = json.dumps(payload, default=str).encode()
    start_response(
        f"{status} {_REASONS[status]}",
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


def reset() -> None:
    STATE.reset()


class EmulatorApp:
    def __init__(self, moto_app: Any) -> None:
        self.moto_app = moto_app

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path.startswith("/emulator/"):
            try:
                return self.control(path.rstrip("/"), method, environ, start_response)
            except (ValueError, TypeError, KeyError) as error:
                return _json_response(start_response, 400, {"error": str(error)})
        if path.rstrip("/") == "/moto-api/reset" and method == "POST":
            with LOCK:
                reset()
                return self.moto_app(environ, start_response)
        refusal = validation.check(environ)
        if refusal is not None:
            status, headers, body = refusal
            start_response(f"{status} {_REASONS[status]}", headers + [("Content-Length", str(len(body)))])
            return [body]
        return self.moto_app(environ, start_response)

    def control(self, path: str, method: str, environ: dict[str, Any], start_response: Any) -> Any:
        with LOCK:
            now = time.time()
            sync(now)
            handler = ROUTES.get(path)
            if handler is None:
                return _json_response(start_response, 404, {"error": f"unknown control endpoint {method} {path}"})
            result = handler(method, environ, now)
            if result is None:
                return _json_response(start_response, 405, {"error": f"{method} not allowed on {path}"})
            return _json_response(start_response, 200, result)


def _health(method: str, environ: dict[str, Any], now: float) -> Any:
    return {"ok": True, "transitionSeconds": STATE.transition_seconds}


def _reset(method: str, environ: dict[str, Any], now: float) -> Any:
    if method != "POST":
        return None
    reset()
    moto_api_backend.reset()
    return {"status": "ok"}


def _config(method: str, environ: dict[str, Any], now: float) -> Any:
    if method == "POST":
        STATE.configure(_read_json(environ))
    elif method != "GET":
        return None
    return STATE.config()


def _rules(rules: list[dict[str, Any]], extra: tuple[str, ...], delays: bool) -> Any:
    def handle(method: str, environ: dict[str, Any], now: float) -> Any:
        if method == "POST":
            rule = _rule(_read_json(environ), extra)
            if "count" in rule:
                rule["count"] = int(rule["count"])
            if "status" in rule:
                rule["status"] = int(rule["status"])
            if delays:
                rule["delayMs"] = float(rule.get("delayMs", 0))
            # Newest rule wins for the same endpoint/variant.
            rules().insert(0, rule)
        elif method == "DELETE":
            rules().clear()
        elif method != "GET":
            return None
        return {"rules": copy.deepcopy(rules())}

    return handle


def _invocations(method: str, environ: dict[str, Any], now: float) -> Any:
    if method == "DELETE":
        STATE.invocations.clear()
    elif method != "GET":
        return None
    return {"invocations": copy.deepcopy(STATE.invocations)}


def _traffic(method: str, environ: dict[str, Any], now: float) -> Any:
    if method == "POST":
        payload = _read_json(environ)
        if not isinstance(payload, dict) or not payload.get("endpoint"):
            raise ValueError('expected a JSON object with "endpoint" and "ratePerSecond"')
        rate = float(payload.get("ratePerSecond") or 0)
        if payload.get("inferenceComponent"):
            # A client of one inference component of the endpoint.
            components.set_traffic(str(payload["endpoint"]), str(payload["inferenceComponent"]), rate, now)
        else:
            traffic.set_traffic(str(payload["endpoint"]), rate, now)
    elif method == "DELETE":
        payload = _read_json(environ)
        if isinstance(payload, dict) and payload.get("endpoint"):
            STATE.traffic.pop(str(payload["endpoint"]), None)
            components.stop_traffic(str(payload["endpoint"]))
        else:
            STATE.traffic.clear()
            components.stop_traffic(None)
    elif method != "GET":
        return None
    return {"traffic": {name: spec["rate"] for name, spec in sorted(STATE.traffic.items())},
            "componentTraffic": components.traffic_report()}


def _behaviours(method: str, environ: dict[str, Any], now: float) -> Any:
    if method == "POST":
        STATE.behaviours.insert(0, traffic.behaviour_rule(_read_json(environ)))
    elif method == "DELETE":
        STATE.behaviours.clear()
    elif method != "GET":
        return None
    return {"rules": copy.deepcopy(STATE.behaviours), "default": dict(traffic.DEFAULT_BEHAVIOUR)}


def _fleet(method: str, environ: dict[str, Any], now: float) -> Any:
    return {"endpoints": fleet.report()} if method == "GET" else None


def _traffic_stats(method: str, environ: dict[str, Any], now: float) -> Any:
    return traffic.report() if method == "GET" else None


def _metric_publications(method: str, environ: dict[str, Any], now: float) -> Any:
    if method != "GET":
        return None
    wanted = parse_qs(environ.get("QUERY_STRING") or "").get("endpoint")
    publications = [p for p in STATE.publications if not wanted or p["endpoint"] in wanted]
    return {"publications": copy.deepcopy(publications), "time": now}


def _invalid_requests(method: str, environ: dict[str, Any], now: float) -> Any:
    # DELETE answers the requests it removed: a test takes back the ones it sent on purpose.
    if method == "DELETE":
        return {"invalidRequests": validation.take_invalid_requests()}
    if method != "GET":
        return None
    return {"invalidRequests": validation.invalid_requests()}


def _deployments(method: str, environ: dict[str, Any], now: float) -> Any:
    if method != "GET":
        return None
    wanted = parse_qs(environ.get("QUERY_STRING") or "").get("endpoint")
    found = [d for d in deployments.report() if not wanted or d["endpoint"] in wanted]
    return {"deployments": copy.deepcopy(found), "time": now}


def _inference_components(method: str, environ: dict[str, Any], now: float) -> Any:
    if method != "GET":
        return None
    wanted = parse_qs(environ.get("QUERY_STRING") or "").get("endpoint")
    return components.report(now, wanted)


def _component_updates(method: str, environ: dict[str, Any], now: float) -> Any:
    if method != "GET":
        return None
    wanted = parse_qs(environ.get("QUERY_STRING") or "").get("inferenceComponent")
    return {"updates": components.updates_report(wanted), "time": now}


def _empty_describes(method: str, environ: dict[str, Any], now: float) -> Any:
    if method == "POST":
        STATE.empty_describes.add(str(_read_json(environ)["model"]))
    elif method != "GET":
        return None
    return {"models": sorted(STATE.empty_describes)}


ROUTES = {
    "/emulator/health": _health,
    "/emulator/reset": _reset,
    "/emulator/config": _config,
    "/emulator/invoke-failures": _rules(lambda: STATE.invoke_failures, ("status", "message", "count"), False),
    "/emulator/invoke-delays": _rules(lambda: STATE.invoke_delays, ("delayMs",), True),
    "/emulator/weight-change-failures": _rules(lambda: STATE.weight_change_failures, ("count",), False),
    "/emulator/invocations": _invocations,
    "/emulator/traffic": _traffic,
    "/emulator/model-behaviour": _behaviours,
    "/emulator/fleet": _fleet,
    "/emulator/traffic-stats": _traffic_stats,
    "/emulator/metric-publications": _metric_publications,
    "/emulator/deployments": _deployments,
    "/emulator/invalid-requests": _invalid_requests,
    "/emulator/inference-components": _inference_components,
    "/emulator/component-updates": _component_updates,
    "/emulator/empty-describes": _empty_describes,
}
