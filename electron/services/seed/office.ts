/**
 * The office at work over the seeded year: a queue of dated actions, each run through the same
 * guarded handlers the window calls, signed in as the seeded user who would do it, with "today"
 * set to the action's day. Every rule, audit row, status change and cache update therefore
 * happens exactly as it would have, in the order it would have.
 */
import {
  OPEN_STATUSES,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../shared/contract';
import type { IsoDate } from '../../../shared/dates';
import type { Actor } from '../auth/actor';
import { guardHandlers } from '../auth/guard';
import type { Clock } from '../clock';
import type { ServiceContext } from '../context';
import { createDispatcher } from '../dispatch';
import { createHandlers } from '../handlers';
import { reviewPlans } from '../plans/adherence';

/** The office's time zone: seeded borrowers live in it (borrowers.time_zone's default). */
const OFFSET_MINUTES = 8 * 60;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `HH:MM` of a local time of day given in minutes. */
export const localClock = (minutes: number) => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;

/** The UTC instant of a local time on a date; office hours (08:00 or later) keep the UTC date. */
function instantOf(date: IsoDate, localMinutes: number): string {
  const utc = localMinutes - OFFSET_MINUTES;
  return `${date}T${localClock(utc)}:00.000Z`;
}

interface Action {
  at: string;
  seq: number;
  actor: Actor;
  run: () => Promise<void>;
}

/** Earliest first; actions at the same instant in the order they were planned. */
const before = (a: Action, b: Action) => (a.at === b.at ? a.seq < b.seq : a.at < b.at);

/** A binary min-heap of actions: later actions are planned while earlier ones run. */
class Agenda {
  private heap: Action[] = [];

  get size() {
    return this.heap.length;
  }

  push(action: Action): void {
    const h = this.heap;
    h.push(action);
    for (let i = h.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): Action | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && before(h[l]!, h[m]!)) m = l;
        if (r < h.length && before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

export class Office {
  private readonly agenda = new Agenda();
  private seq = 0;
  private current = { today: '', now: '' };
  private acting: Actor | null = null;
  /** Refusals by `method: code`; a sound seed has none, and the tests hold it so. */
  readonly refusals: Record<string, number> = {};
  readonly ctx: ServiceContext;
  private readonly dispatch: ReturnType<typeof createDispatcher>;

  /** `until`: as-of; an action a story would date after it is not taken. */
  constructor(
    base: ServiceContext,
    private readonly until: IsoDate,
  ) {
    const clock: Clock = { today: () => this.current.today, now: () => this.current.now };
    // No session and no start-up check: the seeder has the book to itself.
    this.ctx = { ...base, clock, actor: () => this.acting, session: undefined, startupCheck: undefined };
    const handlers = guardHandlers(createHandlers(this.ctx), this.ctx);
    this.dispatch = createDispatcher(handlers, (error) => {
      throw error;
    });
  }

  today(): IsoDate {
    return this.current.today;
  }

  /** Plans `run` for `actor` on `date` at a local time of day (minutes after midnight). */
  on(date: IsoDate, localMinutes: number, actor: Actor, run: () => Promise<void>): void {
    if (date > this.until) return;
    this.agenda.push({ at: instantOf(date, localMinutes), seq: this.seq++, actor, run });
  }

  /** Runs one action outside the agenda, e.g. setting up the office before the year starts. */
  async now(date: IsoDate, localMinutes: number, actor: Actor, run: () => Promise<void>): Promise<void> {
    this.enter({ at: instantOf(date, localMinutes), seq: -1, actor, run });
    await run();
  }

  /** Works through the agenda in time order until nothing is left. */
  async work(): Promise<void> {
    for (let action = this.agenda.pop(); action; action = this.agenda.pop()) {
      this.enter(action);
      await action.run();
    }
  }

  private enter(action: Action) {
    this.current = { today: action.at.slice(0, 10), now: action.at };
    this.acting = action.actor;
  }

  /** Whether the loan still owes (a payment may have settled it since the story was planned). */
  async isOpen(loanId: number): Promise<boolean> {
    const loan = await this.ctx.db
      .selectFrom('loans')
      .select('status')
      .where('id', '=', loanId)
      .executeTakeFirst();
    return loan !== undefined && OPEN_STATUSES.includes(loan.status);
  }

  /** Judges the active repayment plans today, as the plans screen does whenever it is opened. */
  async reviewPlans(): Promise<void> {
    await this.ctx.db.transaction().execute((trx) => reviewPlans(trx, this.ctx, this.today()));
  }

  /**
   * One contract call by whoever is acting, through the dispatcher (schema, permission, account
   * scope). A refusal is counted and answered with null, so one odd loan cannot stop a seed.
   */
  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M> | null> {
    const result = await this.dispatch(method, input);
    if (result.ok) return result.value as MethodOutput<M>;
    const key = `${method}: ${result.error.reason ?? result.error.code}`;
    this.refusals[key] = (this.refusals[key] ?? 0) + 1;
    return null;
  }
}
