import { describe, expect, it } from 'vitest';
import {
  contactViolations,
  PROFILE_RULES,
  type PastContact,
} from '../../../electron/services/collections/contact-rules';
import type { ContactParty, ContactRules } from '../../../shared/contract/collections';

const SHANGHAI = { timeZone: 'Asia/Shanghai', unreachable: false };
const NEW_YORK = { timeZone: 'America/New_York', unreachable: false };
const call = (at: string, connected = false) => ({
  at,
  channel: 'call-out' as const,
  party: 'borrower' as ContactParty,
  connected,
});
const rulesBroken = (
  rules: ContactRules,
  proposed: ReturnType<typeof call>,
  history: PastContact[] = [],
  who = SHANGHAI,
) => contactViolations(rules, proposed, history, who).map((v) => v.rule);

describe('China profile', () => {
  const china = PROFILE_RULES.china;

  it('allows 08:00 and 21:59 Shanghai time and blocks 07:59 and 22:00', () => {
    // Shanghai is UTC+8.
    expect(rulesBroken(china, call('2026-06-15T00:00:00Z'))).toEqual([]);
    expect(rulesBroken(china, call('2026-06-15T13:59:00Z'))).toEqual([]);
    expect(rulesBroken(china, call('2026-06-14T23:59:00Z'))).toEqual(['hours']);
    expect(rulesBroken(china, call('2026-06-15T14:00:00Z'))).toEqual(['hours']);
  });

  it('judges the hour on the borrower’s clock, not UTC', () => {
    // 01:00 UTC is 09:00 in Shanghai but 21:00 the evening before in New York (EDT, UTC-4).
    expect(rulesBroken(china, call('2026-06-15T01:00:00Z'), [], SHANGHAI)).toEqual([]);
    expect(rulesBroken(china, call('2026-06-15T01:00:00Z'), [], NEW_YORK)).toEqual([]);
    expect(rulesBroken(china, call('2026-06-15T03:00:00Z'), [], NEW_YORK)).toEqual(['hours']);
  });

  it('allows a third connected call in a local day and blocks the fourth', () => {
    const two: PastContact[] = [
      { at: '2026-06-15T01:00:00Z', channel: 'call-out', connected: true },
      { at: '2026-06-15T02:00:00Z', channel: 'call-out', connected: true },
      { at: '2026-06-15T02:30:00Z', channel: 'call-out', connected: false },
    ];
    expect(rulesBroken(china, call('2026-06-15T03:00:00Z', true), two)).toEqual([]);
    const three = [...two, { at: '2026-06-15T03:00:00Z', channel: 'call-out' as const, connected: true }];
    expect(rulesBroken(china, call('2026-06-15T04:00:00Z', true), three)).toEqual([
      'connected-calls-per-day',
    ]);
    // An unanswered attempt is not a connected call.
    expect(rulesBroken(china, call('2026-06-15T04:00:00Z', false), three)).toEqual([]);
  });

  it('counts connected calls per local day: 16:00 UTC is already the next day in Shanghai', () => {
    // 16:00-16:20 UTC on the 14th is 00:00-00:20 on the 15th in Shanghai.
    const history: PastContact[] = [
      '2026-06-14T16:00:00Z',
      '2026-06-14T16:10:00Z',
      '2026-06-14T16:20:00Z',
    ].map((at) => ({ at, channel: 'call-in', connected: true }));
    expect(rulesBroken(china, call('2026-06-15T01:00:00Z', true), history)).toEqual([
      'connected-calls-per-day',
    ]);
    // The same three calls an hour earlier were on the 14th, local time.
    const dayBefore = history.map((h) => ({ ...h, at: h.at.replace('T16', 'T15') }));
    expect(rulesBroken(china, call('2026-06-15T01:00:00Z', true), dayBefore)).toEqual([]);
  });

  it('allows a third-party reference only once the borrower is marked unreachable', () => {
    const reference = { ...call('2026-06-15T02:00:00Z'), party: 'reference' as const };
    expect(rulesBroken(china, reference)).toEqual(['third-party']);
    expect(contactViolations(china, reference, [], { ...SHANGHAI, unreachable: true })).toEqual([]);
  });
});

describe('US profile', () => {
  const us = PROFILE_RULES.us;

  it('allows 08:00 and 20:59 New York time and blocks 21:00', () => {
    expect(rulesBroken(us, call('2026-06-15T12:00:00Z'), [], NEW_YORK)).toEqual([]);
    expect(rulesBroken(us, call('2026-06-16T00:59:00Z'), [], NEW_YORK)).toEqual([]);
    expect(rulesBroken(us, call('2026-06-16T01:00:00Z'), [], NEW_YORK)).toEqual(['hours']);
    expect(rulesBroken(us, call('2026-06-15T11:59:00Z'), [], NEW_YORK)).toEqual(['hours']);
  });

  it('allows a 7th call attempt in 7 days and blocks the 8th', () => {
    const six: PastContact[] = [10, 11, 12, 13, 14, 15].map((d) => ({
      at: `2026-06-${d}T14:00:00Z`,
      channel: 'call-out',
      connected: false,
    }));
    expect(rulesBroken(us, call('2026-06-16T14:00:00Z'), six, NEW_YORK)).toEqual([]);
    const seven = [...six, { at: '2026-06-16T14:00:00Z', channel: 'call-out' as const, connected: false }];
    expect(rulesBroken(us, call('2026-06-16T15:00:00Z'), seven, NEW_YORK)).toEqual(['call-attempts-7-days']);
    // Exactly 7 days after the first attempt it has left the window.
    expect(rulesBroken(us, call('2026-06-17T14:00:00Z'), seven, NEW_YORK)).toEqual([]);
  });

  it('blocks a call within 7 days after a conversation and allows it at 7 days', () => {
    const talked: PastContact[] = [{ at: '2026-06-08T14:00:00Z', channel: 'call-out', connected: true }];
    expect(rulesBroken(us, call('2026-06-15T13:59:00Z'), talked, NEW_YORK)).toEqual([
      'quiet-after-conversation',
    ]);
    expect(rulesBroken(us, call('2026-06-15T14:00:00Z'), talked, NEW_YORK)).toEqual([]);
  });

  it('does not restrict third-party references', () => {
    expect(rulesBroken(us, { ...call('2026-06-15T14:00:00Z'), party: 'reference' }, [], NEW_YORK)).toEqual(
      [],
    );
  });
});

describe('a custom profile', () => {
  it('uses its own window', () => {
    const custom = { ...PROFILE_RULES.china, startMinutes: 9 * 60, endMinutes: 18 * 60 };
    expect(rulesBroken(custom, call('2026-06-15T00:30:00Z'))).toEqual(['hours']);
    expect(rulesBroken(custom, call('2026-06-15T01:00:00Z'))).toEqual([]);
  });
});

describe('the explanation', () => {
  it('names the borrower’s local time and the allowed window', () => {
    const [v] = contactViolations(PROFILE_RULES.china, call('2026-06-15T15:00:00Z'), [], SHANGHAI);
    expect(v?.message).toBe(
      'It is 23:00 for the borrower (Asia/Shanghai); contact is allowed only 08:00–22:00 local time.',
    );
  });
});
