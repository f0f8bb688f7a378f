/**
 * The contact outcome list in Settings: seeded with the list, extended, renamed and
 * retired without rewriting a single recorded contact.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenACarTitleLoan } from '../../support/fixtures';
import { openTestApp, type TestApp } from '../../support/test-app';

const SEEDED = [
  'no-answer',
  'wrong-number',
  'left-message',
  'reached-promise',
  'reached-refused',
  'reached-dispute',
  'reached-hardship',
  'paid',
  'letter-sent',
];

const messageOf = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? 'accepted' : r.error!.message);

describe('contact outcomes in Settings', () => {
  let app: TestApp;
  let loanId: number;
  const offered = async () => (await app.call('collections.account', { loanId })).outcomes.map((o) => o.code);
  const codes = async () => (await app.call('collections.outcomes', {})).map((o) => o.code);
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
    ({ loanId } = await givenACarTitleLoan(app.dispatch));
  });
  afterEach(async () => app.dispose());

  it('starts with the seeded list, each in the app’s own wording and unused', async () => {
    const outcomes = await app.call('collections.outcomes', {});
    expect(outcomes.map((o) => o.code)).toEqual(SEEDED);
    expect(outcomes.every((o) => o.active && o.translated && o.used === 0)).toBe(true);
    expect(outcomes.filter((o) => o.connected).map((o) => o.code)).toEqual([
      'reached-promise',
      'reached-refused',
      'reached-dispute',
      'reached-hardship',
      'paid',
    ]);
  });

  it('adds an outcome at the end of the list and offers it for new contacts', async () => {
    const after = await app.call('collections.addOutcome', {
      code: 'reached-callback',
      label: 'Reached – call back later',
      connected: true,
    });
    expect(after.at(-1)).toEqual({
      code: 'reached-callback',
      label: 'Reached – call back later',
      connected: true,
      active: true,
      translated: false,
      used: 0,
    });
    expect(await offered()).toContain('reached-callback');
    await app.call('collections.logContact', { loanId, channel: 'call-out', outcome: 'reached-callback' });
    expect((await app.call('collections.outcomes', {})).at(-1)?.used).toBe(1);
  });

  it('refuses an empty, badly written or duplicate code, and a duplicate label, writing nothing', async () => {
    const attempts: [unknown, string][] = [
      [{ code: '', label: 'Something' }, 'code: is required'],
      [{ code: 'Call Back', label: 'Call back' }, 'code: use lowercase letters, digits and single dashes'],
      [
        { code: 'no-answer', label: 'Nobody picked up' },
        'code: "no-answer" is already an outcome ("No answer")',
      ],
      [
        { code: 'nobody-home', label: 'no answer' },
        'label: "no answer" is already the label of outcome "no-answer"',
      ],
      [{ code: 'nobody-home', label: '  ' }, 'label: is required'],
    ];
    for (const [input, message] of attempts) {
      expect(messageOf(await app.attempt('collections.addOutcome', input))).toContain(message);
    }
    expect(await codes()).toEqual(SEEDED);
  });

  it('renames an outcome: one label from then on, and old contacts show it too', async () => {
    await app.call('collections.logContact', { loanId, channel: 'call-out', outcome: 'left-message' });
    const after = await app.call('collections.updateOutcome', { code: 'left-message', label: 'Voicemail' });
    expect(after.find((o) => o.code === 'left-message')).toMatchObject({
      label: 'Voicemail',
      translated: false,
      used: 1,
    });
    const renamed = await app.attempt('collections.updateOutcome', { code: 'paid', label: 'voicemail' });
    expect(messageOf(renamed)).toContain('label: "voicemail" is already the label of outcome "left-message"');
    expect(messageOf(await app.attempt('collections.updateOutcome', { code: 'nope', label: 'X' }))).toContain(
      'contact outcome nope does not exist',
    );
  });

  it('retires an outcome: kept on old contacts, no longer offered or accepted, and can come back', async () => {
    const { id } = await app.call('collections.logContact', {
      loanId,
      channel: 'call-out',
      outcome: 'left-message',
    });
    await app.call('collections.updateOutcome', { code: 'left-message', active: false });

    expect(await offered()).not.toContain('left-message');
    const account = await app.call('collections.account', { loanId });
    expect(account.contacts.map((c) => [c.id, c.outcome])).toEqual([[id, 'left-message']]);
    const refused = await app.attempt('collections.logContact', {
      loanId,
      channel: 'call-out',
      outcome: 'left-message',
    });
    expect(messageOf(refused)).toContain('outcome: "left-message" is retired');

    await app.call('collections.updateOutcome', { code: 'left-message', active: true });
    expect(await offered()).toContain('left-message');
  });

  it('deletes only an outcome no contact uses, never the one letters are logged with', async () => {
    await app.call('collections.logContact', { loanId, channel: 'call-out', outcome: 'no-answer' });
    expect(messageOf(await app.attempt('collections.deleteOutcome', { code: 'no-answer' }))).toContain(
      '"no-answer" is the outcome of recorded contacts (1) and cannot be deleted; retire it instead so those contacts keep it',
    );
    expect(messageOf(await app.attempt('collections.deleteOutcome', { code: 'letter-sent' }))).toContain(
      'is how letters are logged and cannot be deleted',
    );
    expect(await codes()).toEqual(SEEDED);

    await app.call('collections.deleteOutcome', { code: 'wrong-number' });
    expect(await codes()).toEqual(SEEDED.filter((c) => c !== 'wrong-number'));
  });

  it('keeps at least one outcome on offer', async () => {
    for (const code of SEEDED.slice(1)) await app.call('collections.updateOutcome', { code, active: false });
    const last = await app.attempt('collections.updateOutcome', { code: 'no-answer', active: false });
    expect(messageOf(last)).toContain('at least one outcome must stay offered for new contacts');
    expect(await offered()).toEqual(['no-answer']);
  });
});
