// Types for alarms.mjs, so the TypeScript tests use it checked.

import type { CloudWatchClient, StateValue } from '@aws-sdk/client-cloudwatch'

/** Where setAlarm's alarms read the state they are given. */
export declare const ALARM_STATE_NAMESPACE: string

/**
 * Puts an alarm in a state its own data holds: (re)defines it on a high-resolution metric of its own, fed a datapoint
 * that breaches for ALARM and does not for OK, missing data ignored; SetAlarmState makes the change at once.
 */
export declare function setAlarm(
  cloudwatch: CloudWatchClient,
  alarmName: string,
  state: StateValue,
  reason?: string
): Promise<void>
