import type {
  ContactChannel,
  ContactParty,
  ContactProfileName,
  ContactRules,
  GuardViolation,
} from '../../../shared/contract/collections';
import { addDays } from '../../../shared/dates';
import { hhmm, localTimeOf } from './local-time';

/** The built-in profiles. China is the default; Custom takes its limits from Settings. */
export const PROFILE_RULES: Record<Exclude<ContactProfileName, 'custom'>, ContactRules> = {
  china: {
    startMinutes: 8 * 60,
    endMinutes: 22 * 60,
    maxConnectedCallsPerDay: 3,
    maxCallAttemptsPer7Days: null,
    quietDaysAfterConversation: null,
    thirdPartyOnlyIfUnreachable: true,
  },
  us: {
    startMinutes: 8 * 60,
    endMinutes: 21 * 60,
    maxConnectedCallsPerDay: null,
    maxCallAttemptsPer7Days: 7,
    quietDaysAfterConversation: 7,
    thirdPartyOnlyIfUnreachable: false,
  },
};

/** Channels where we reach out to the person; a call they make to us, a letter or an email is not bound by hours. */
const REACHING_OUT: readonly ContactChannel[] = ['call-out', 'sms', 'visit'];
const isCall = (c: ContactChannel) => c === 'call-out' || c === 'call-in';

/** An earlier contact with the same borrower, as the rules need it. */
export interface PastContact {
  at: string;
  channel: ContactChannel;
  connected: boolean;
}

export interface ProposedContact {
  at: string;
  channel: ContactChannel;
  party: ContactParty;
  connected: boolean;
}

const DAY_MS = 86_400_000;

/**
 * Every rule of the profile the proposed contact would break, judged on the borrower's local
 * clock. An empty list means it may go ahead; otherwise it needs an override reason.
 */
export function contactViolations(
  rules: ContactRules,
  proposed: ProposedContact,
  history: readonly PastContact[],
  borrower: { timeZone: string; unreachable: boolean },
): GuardViolation[] {
  const found: GuardViolation[] = [];
  const local = localTimeOf(proposed.at, borrower.timeZone);
  const window = `${hhmm(rules.startMinutes)}–${hhmm(rules.endMinutes)}`;

  if (
    REACHING_OUT.includes(proposed.channel) &&
    (local.minutes < rules.startMinutes || local.minutes >= rules.endMinutes)
  ) {
    found.push({
      rule: 'hours',
      message: `It is ${local.hhmm} for the borrower (${borrower.timeZone}); contact is allowed only ${window} local time.`,
      params: { local: local.hhmm, zone: borrower.timeZone, window },
    });
  }

  if (proposed.party === 'reference' && rules.thirdPartyOnlyIfUnreachable && !borrower.unreachable) {
    found.push({
      rule: 'third-party',
      message: 'Third-party references may be contacted only after the borrower is marked unreachable.',
      params: {},
    });
  }

  const limit = rules.maxConnectedCallsPerDay;
  if (limit !== null && proposed.channel === 'call-out' && proposed.connected) {
    const sameDay = history.filter(
      (h) => isCall(h.channel) && h.connected && localTimeOf(h.at, borrower.timeZone).date === local.date,
    ).length;
    if (sameDay + 1 > limit) {
      found.push({
        rule: 'connected-calls-per-day',
        message: `This would be connected call ${sameDay + 1} with the borrower on ${local.date}; at most ${limit} a day are allowed.`,
        params: { n: sameDay + 1, date: local.date, limit },
      });
    }
  }

  const attempts = rules.maxCallAttemptsPer7Days;
  const atMs = Date.parse(proposed.at);
  if (attempts !== null && proposed.channel === 'call-out') {
    const recent = history.filter((h) => {
      const ago = atMs - Date.parse(h.at);
      return h.channel === 'call-out' && ago >= 0 && ago < 7 * DAY_MS;
    }).length;
    if (recent + 1 > attempts) {
      found.push({
        rule: 'call-attempts-7-days',
        message: `This would be call attempt ${recent + 1} in 7 days; at most ${attempts} are allowed.`,
        params: { n: recent + 1, limit: attempts },
      });
    }
  }

  const quiet = rules.quietDaysAfterConversation;
  if (quiet !== null && proposed.channel === 'call-out') {
    const last = history
      .filter((h) => isCall(h.channel) && h.connected && Date.parse(h.at) <= atMs)
      .map((h) => h.at)
      .sort()
      .at(-1);
    if (last !== undefined && atMs - Date.parse(last) < quiet * DAY_MS) {
      const lastLocal = localTimeOf(last, borrower.timeZone);
      const spoke = `${lastLocal.date} ${lastLocal.hhmm}`;
      const until = `${addDays(lastLocal.date, quiet)} ${lastLocal.hhmm}`;
      found.push({
        rule: 'quiet-after-conversation',
        message: `The borrower was spoken to on ${spoke}; no call is allowed until ${quiet} days after a conversation (${until}).`,
        params: { last: spoke, days: quiet, until },
      });
    }
  }
  return found;
}
