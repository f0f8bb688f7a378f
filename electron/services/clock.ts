/**
 * "Today" is injected everywhere so tests, the CLI's --as-of and the app agree on one date.
 * Only this module reads the wall clock.
 */
export interface Clock {
  /** The office's calendar date, `YYYY-MM-DD`. */
  today(): string;
  /** The current instant, ISO-8601 UTC. */
  now(): string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const systemClock: Clock = {
  today() {
    // The local calendar date is what staff mean by "today"; this is the one place that asks.
    const d = new Date();
    return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  },
  now: () => new Date().toISOString(),
};

/** A clock frozen at a date (and optionally a time of day, UTC) for tests and `--as-of`. */
export function fixedClock(today: string, time = '09:00:00'): Clock {
  return { today: () => today, now: () => `${today}T${time}.000Z` };
}
