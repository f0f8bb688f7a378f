/**
 * The borrower's wall clock. Contact times are stored as UTC instants; every contact rule is
 * about the borrower's local time, so conversion goes through Intl with the borrower's IANA zone.
 */
export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
  /** HH:MM. */
  hhmm: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export function localTimeOf(instant: string, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: hour * 60 + minute,
    hhmm: `${parts.hour}:${parts.minute}`,
  };
}

/** Offset of the zone from UTC at an instant, in minutes (east positive). */
function offsetMinutes(epochMs: number, timeZone: string): number {
  const l = localTimeOf(new Date(epochMs).toISOString(), timeZone);
  const asUtc = Date.parse(`${l.date}T${l.hhmm}:00Z`);
  return Math.round((asUtc - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
}

/**
 * The UTC instant of a wall-clock time `YYYY-MM-DDTHH:MM` in a zone. Two passes settle the
 * offset across a daylight-saving change; a time skipped by the change lands just after it.
 */
export function instantOfLocal(local: string, timeZone: string): string {
  const naive = Date.parse(`${local}:00Z`);
  if (Number.isNaN(naive)) throw new Error(`not a local time: ${local}`);
  let guess = naive - offsetMinutes(naive, timeZone) * 60_000;
  guess = naive - offsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess).toISOString();
}

export const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
