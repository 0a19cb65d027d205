// Types for alarms.mjs, so the TypeScript tests use it checked.

import type { CloudWatchClient, StateValue } from '@aws-sdk/client-cloudwatch'

/** Sets an alarm's state, creating a plain 5XX metric alarm of that name first if there is none. */
export declare function setAlarm(
  cloudwatch: CloudWatchClient,
  alarmName: string,
  state: StateValue,
  reason?: string
): Promise<void>
