// Generated from action.yml by scripts/docs.mjs (npm run docs); do not edit.
export const ACTION_DEFAULTS: Readonly<Record<string, string>> = {
  'wait-for-completion': "true",
  'timeout': "30m",
  'dry-run': "false",
  'instance-type': "ml.m5.large",
  'strategy': "all-at-once",
  'rollout-controller': "action",
  'bake-time': "5m",
  'gate-interval': "60s",
  'failure-threshold': "1",
  'min-invocations': "0",
  'auto-rollback': "true",
  'fail-on-rollback': "true",
  'probe-content-type': "application/json",
  'fail-on-unhealthy': "true",
  'scale-in-cooldown': "300s",
  'scale-out-cooldown': "60s",
  'metrics-window': "15m",
  'metrics-period': "60s",
  'delete-endpoint-config': "true",
  'delete-model': "false",
  'ignore-missing': "false"
}
