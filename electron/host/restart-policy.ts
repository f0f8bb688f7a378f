/** A host that stops more often than this within a minute is not started again. */
export const RESTARTS_PER_MINUTE = 3;
const MINUTE_MS = 60_000;

/**
 * Whether main starts a new service host after one stopped at `now` (ms), given when the earlier
 * restarts were: a crash now and then is survived, a host that dies on start every time (a
 * damaged install, a driver that will not load) ends the app with a message instead of a loop.
 * Returns the restart times to remember.
 */
export function afterHostStopped(
  earlier: readonly number[],
  now: number,
): { restart: boolean; restarts: number[] } {
  const restarts = [...earlier.filter((t) => now - t < MINUTE_MS), now];
  return { restart: restarts.length <= RESTARTS_PER_MINUTE, restarts };
}
