/**
 * Whether the run has been cancelled. The cancellation handler (cancel.ts)
 * moves the traffic off the new variant and leaves the rest to the post step;
 * the main flow, still running beside it for the seconds before the runner
 * kills the process, must change nothing more: a shift it sends then would
 * undo the handler's, and a promotion it finishes would leave the post step
 * nothing to return.
 */
let cancelled = false

export function markCancelled(): void {
  cancelled = true
}

export function wasCancelled(): boolean {
  return cancelled
}

/** For tests, which run many operations in one process. */
export function resetCancelled(): void {
  cancelled = false
}
