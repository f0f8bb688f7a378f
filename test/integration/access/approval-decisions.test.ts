import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WANG_FANG } from '../../support/test-app';
import { movableClock, openAccessApp, type AccessApp } from './support';
import { rawSql } from '../../support/test-app';

const REPO = join(__dirname, '../../..');
const TSX = join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

const TERMS = {
  method: 'annuity',
  principal: 6_000_000,
  annualRatePercent: '12',
  months: 12,
  startDate: '2026-03-10',
} as const;

let app!: AccessApp;
afterEach(async () => app.dispose());

const paymentCount = async () => Number(await rawSql(app.ctx.db).value('SELECT count(*) FROM payments'));
const statusOf = (id: number) =>
  rawSql(app.ctx.db).value('SELECT status FROM approval_requests WHERE id = ?', id);

/** Li (a collector) asks for a payment dated 2026-06-05 to be posted; Chen and Wu may approve it. */
async function givenABackdatedPaymentRequest() {
  app = await openAccessApp(movableClock('2026-06-15T09:00:00.000Z'));
  await app.as('chen', 'owner');
  const { id: borrowerId } = await app.call('borrowers.create', WANG_FANG);
  const { id: loanId } = await app.call('loans.create', { borrowerId, product: 'car-title', terms: TERMS });
  await app.as('wu', 'manager');
  await app.as('li', 'collector');
  await app.as('chen');
  await app.call('collections.assign', { loanIds: [loanId], collector: 'li' });
  await app.as('li');
  const { approvalId } = await app.call('payments.requestBackdated', {
    loanId,
    date: '2026-06-05',
    amount: 100_000,
    method: 'cash',
  });
  return { loanId, approvalId };
}

describe('requests are numbered per kind', () => {
  it('numbers back-dated payments B-1, B-2 and keeps each number whatever the filter', async () => {
    const { loanId, approvalId } = await givenABackdatedPaymentRequest();
    const second = await app.call('payments.requestBackdated', {
      loanId,
      date: '2026-06-06',
      amount: 20_000,
      method: 'cash',
    });
    await app.as('chen');
    const all = await app.call('approvals.list', {});
    expect(all.map((r) => [r.id, r.reference])).toEqual([
      [second.approvalId, 'B-2'],
      [approvalId, 'B-1'],
    ]);
    await app.call('approvals.decide', { id: approvalId, approve: true });
    // The first is approved; the second is still B-2 when it is the only one pending.
    expect((await app.call('approvals.list', { status: 'pending' })).map((r) => r.reference)).toEqual([
      'B-2',
    ]);
  });
});

describe('an approval is decided exactly once', () => {
  it('two decisions raced on one request: exactly one posts the payment', async () => {
    const { approvalId } = await givenABackdatedPaymentRequest();
    await app.as('chen');
    const before = await paymentCount();
    const answers = await Promise.all([
      app.attempt('approvals.decide', { id: approvalId, approve: true }),
      app.attempt('approvals.decide', { id: approvalId, approve: true }),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ ok: false, error: { code: 'rule-violation' } });
    expect(await paymentCount()).toBe(before + 1);
    expect(await statusOf(approvalId)).toBe('approved');
  });

  it('two processes deciding one request on one file: exactly one posts the payment', async () => {
    const { approvalId } = await givenABackdatedPaymentRequest();
    const before = await paymentCount();
    // Chen and Wu each approve from their own process, through the CLI's dispatcher and guard.
    const decide = (user: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(
          TSX,
          ['electron/cli/main.ts', 'call', 'approvals.decide', '--input', '-', '--user', user],
          {
            cwd: REPO,
            env: {
              ...process.env,
              PLEDGEBOOK_DB: app.ctx.databasePath,
              PLEDGEBOOK_PASSWORD: `${user}-password!`,
            },
          },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
        child.stdin!.end(JSON.stringify({ id: approvalId, approve: true }));
      });
    const runs = await Promise.all([decide('chen'), decide('wu')]);
    expect(runs.map((r) => r.code).sort(), JSON.stringify(runs)).toEqual([0, 1]);
    expect(runs.find((r) => r.code === 1)!.stderr).toMatch(
      /^rule-violation: request #\d+ was already approved/,
    );
    expect(JSON.parse(runs.find((r) => r.code === 0)!.stdout)).toEqual({
      id: approvalId,
      status: 'approved',
    });
    expect(await paymentCount()).toBe(before + 1);
  }, 60_000);

  it('a request whose loan took a payment since is refused with the reason, cancelled, and can be asked again', async () => {
    const { loanId, approvalId } = await givenABackdatedPaymentRequest();
    await app.call('payments.record', { loanId, date: '2026-06-15', amount: 50_000, method: 'cash' });
    await app.as('chen');
    const before = await paymentCount();
    expect(await app.attempt('approvals.decide', { id: approvalId, approve: true })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        details: { reason: 'loan-changed', changes: [{ change: 'payment' }] },
      },
    });
    expect(await paymentCount()).toBe(before);
    expect(await statusOf(approvalId)).toBe('cancelled');

    await app.as('li');
    const again = await app.call('payments.requestBackdated', {
      loanId,
      date: '2026-06-05',
      amount: 100_000,
      method: 'cash',
    });
    await app.as('chen');
    expect(await app.call('approvals.decide', { id: again.approvalId, approve: true })).toEqual({
      id: again.approvalId,
      status: 'approved',
    });
    expect(await paymentCount()).toBe(before + 1);
  });

  it('a request whose loan changed status since is refused', async () => {
    const { loanId, approvalId } = await givenABackdatedPaymentRequest();
    await app.as('chen');
    await app.call('loans.setStatus', { id: loanId, status: 'legal' });
    expect(await app.attempt('approvals.decide', { id: approvalId, approve: true })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        details: { reason: 'loan-changed', changes: [{ change: 'status', from: 'active', to: 'legal' }] },
      },
    });
  });

  it('the payload is checked again against the method’s schema when it is decided', async () => {
    const { approvalId } = await givenABackdatedPaymentRequest();
    // Edited in the file behind the app's back: a negative amount no request could carry.
    const stored = JSON.parse(
      await rawSql(app.ctx.db).value<string>(
        'SELECT payload FROM approval_requests WHERE id = ?',
        approvalId,
      ),
    ) as Record<string, unknown>;
    await rawSql(app.ctx.db).run(
      'UPDATE approval_requests SET payload = ? WHERE id = ?',
      JSON.stringify({ ...stored, amount: -100_000 }),
      approvalId,
    );
    await app.as('chen');
    const before = await paymentCount();
    expect(await app.attempt('approvals.decide', { id: approvalId, approve: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'invalid-payload', issues: [{ field: 'amount' }] } },
    });
    expect(await paymentCount()).toBe(before);
    expect(await statusOf(approvalId)).toBe('pending');
  });

  it('the maker cannot decide their own request, and it stays pending', async () => {
    const { approvalId } = await givenABackdatedPaymentRequest();
    await app.as('wu');
    const { approvalId: wusOwn } = await app.call('payments.requestBackdated', {
      loanId: await rawSql(app.ctx.db).value<number>('SELECT id FROM loans'),
      date: '2026-06-06',
      amount: 10_000,
      method: 'cash',
    });
    expect(await app.attempt('approvals.decide', { id: wusOwn, approve: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await statusOf(wusOwn)).toBe('pending');
    // The inbox names each request's maker by id, so the screen withholds Approve from them.
    const wu = app.session.actor()!;
    const inbox = await app.call('approvals.list', { status: 'pending' });
    expect(inbox.find((r) => r.id === wusOwn)).toMatchObject({ requestedByUserId: wu.userId });
    expect(inbox.find((r) => r.id === approvalId)?.requestedByUserId).not.toBe(wu.userId);
    expect(await statusOf(approvalId)).toBe('pending');
  });
});
