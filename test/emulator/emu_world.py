"""The emulator's clock: what happens with time passing, both from a
background tick about once a second and, lazily and exactly, before every
CloudWatch request and control call."""

from __future__ import annotations

import sys
import threading
import time
import traceback

import emu_alarms as alarms
import emu_autoscaling as autoscaling
import emu_cloudwatch as cloudwatch
import emu_components as components
import emu_deployment as deployments
import emu_fleet as fleet
import emu_sagemaker as sagemaker
import emu_traffic as traffic
from emu_core import LOCK, STATE


def sync(now: float) -> None:
    """Brings everything up to `now`: transitions, the requests simulated
    clients owe, the metric minutes whose publication time has come, the
    alarms that judge them, and the deployments those alarms roll back."""
    with LOCK:
        sagemaker.settle_all()
        components.settle_all(now)
        # Components launch and release instances: the endpoints follow.
        sagemaker.settle_all()
        traffic.generate(now)
        components.generate(now)
        cloudwatch.publish_due(now)
        alarms.evaluate_alarms(now)
        deployments.watch(now)
        components.watch(now)


def tick(now: float) -> None:
    with LOCK:
        sync(now)
        if now - STATE.last_autoscaling >= STATE.autoscaling_interval:
            STATE.last_autoscaling = now
            autoscaling.autoscale(now)
            components.autoscale(now)
        for endpoint in list(STATE.fleet):
            fleet.advance(endpoint, now)
        traffic.prune(now)
        components.prune(now)


def start_ticker(interval: float = 1.0) -> threading.Event:
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(interval):
            try:
                tick(time.time())
            except Exception:  # noqa: BLE001 - the clock must keep running
                traceback.print_exc(file=sys.stderr)

    threading.Thread(target=run, name="emulator-tick", daemon=True).start()
    return stop
