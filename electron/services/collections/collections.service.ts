import { MERGE_FIELDS, type GuardViolation } from '../../../shared/contract/collections';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { notFound, ruleViolation, ruleViolationWith, invalidField } from '../errors';
import { appendAudit } from '../audit/audit';
import { requirePermission } from '../auth/permissions';
import { keepInScope, userIdNamed, userIdOf } from '../auth/scope';
import { findLoan, partiesOf } from '../loans/loan.repository';
import { type Db } from '../../db/db';
import { loadSettings } from '../system/system.service';
import { nextCounter } from '../system/settings.repository';
import { contactViolations, type PastContact } from './contact-rules';
import { instantOfLocal, localTimeOf } from './local-time';
import { loadCollectionSettings, rulesOf, saveCollectionSettings } from './settings';
import { buildWorklist, remindersFor, worklistFlags } from './worklist.query';
import type { ScoreFlags } from './priority-score';
import { bookVersion } from '../../db/book-version';
import { borrowerOf, collectionAccount, dossierOf, timelineOf } from './account.query';
import { evaluatedPromises } from './promises.query';
import { renderLetter } from './letters';
import { outcomeHandlers } from './outcomes';
import { advanceLegalCase, legalCase, legalCases, openLegalCase } from './legal';
import { loadLetterTemplates, saveLetterTemplates, unknownFields } from './letter-templates';
import {
  activeCollectors,
  assignCollector,
  clearUnreachable,
  contactOutcome,
  contactsWithParty,
  contactToAmend,
  existingLoans,
  insertContact,
  insertPromise,
  insertVisit,
  isUnreachable,
  loanBorrowers,
  markUnreachable,
  overridesIn,
  promisesInScope,
  saveVisitOutcome,
  visitToRecord,
} from './contacts.repository';
import { lockLoans } from '../loans/loan-lock';
import { gradesToday } from '../risk/risk.service';

/** Accounts "work next" looks at per step down the list. */
const NEXT_ACCOUNT_PAGE = 200;

type CollectionHandlers = Pick<Handlers, Extract<keyof Handlers, `collections.${string}`>>;

/** Refuses a contact or visit that breaks the profile unless an override reason is given. */
function guard(violations: GuardViolation[], overrideReason: string, profile: string) {
  if (violations.length === 0) return { override_reason: '', override_rules: '' };
  if (overrideReason === '') {
    throw ruleViolationWith({ violations }, 'contact.blocked', {
      profile,
      violations: violations.map((v) => v.message).join(' '),
    });
  }
  return { override_reason: overrideReason, override_rules: violations.map((v) => v.rule).join(',') };
}

/** Earlier contacts with one person, as the rules count them: an amended contact counts once, as amended. */
async function contactHistory(db: Db, partyBorrowerId: number): Promise<PastContact[]> {
  const rows = await contactsWithParty(db, partyBorrowerId);
  const amended = new Set(rows.map((r) => r.amends_contact_id).filter((x) => x !== null));
  return rows
    .filter((r) => !amended.has(r.id))
    .map((r) => ({ at: r.at, channel: r.channel, connected: r.connected === 1 }));
}

async function openLoan(db: Db, loanId: number) {
  // What is logged against the loan (a promise, a visit) is judged on its state as it now stands.
  await lockLoans(db, [loanId]);
  const loan = await findLoan(db, loanId);
  if (!loan) throw notFound('loan.notFound', loanId);
  if (loan.status === 'draft') throw ruleViolation('loan.draft', { number: loan.number });
  return loan;
}

export function collectionHandlers(ctx: ServiceContext): CollectionHandlers {
  const { db, clock } = ctx;
  const settings = () => loadCollectionSettings(db);
  const who = () => requirePermission(ctx.actor(), 'collections.work').displayName;
  /**
   * The day's flags (promises judged on their payments, visits, follow-ups, new delinquencies),
   * reused while nothing is written: paging the worklist and "next account" ask for them again and
   * again. Any commit to the book, from this PC or another (bookVersion), starts afresh, and
   * so does another day, filter or user.
   */
  let flagsCache: { key: string; flags: Promise<ScoreFlags> } | null = null;
  const flagsWhileUnchanged: typeof worklistFlags = async (db, today, config, filter = {}, actor = null) => {
    const key = JSON.stringify([await bookVersion(ctx), today, filter, actor?.userId ?? null]);
    if (flagsCache?.key !== key) flagsCache = { key, flags: worklistFlags(db, today, config, filter, actor) };
    const cached = flagsCache;
    return cached.flags.catch((error: unknown) => {
      if (flagsCache === cached) flagsCache = null;
      throw error;
    });
  };

  return {
    ...outcomeHandlers(ctx),

    'collections.collectors': async () =>
      (await activeCollectors(db)).map((u) => ({ username: u.username, displayName: u.display_name })),

    'collections.worklist': async ({ offset, limit, ...filter }) => {
      const today = clock.today();
      const list = await buildWorklist(
        db,
        today,
        await settings(),
        filter,
        ctx.actor(),
        { offset, limit },
        flagsWhileUnchanged,
      );
      const grades = await gradesToday(
        ctx,
        list.rows.map((r) => r.loanId),
      );
      return {
        asOf: today,
        ...list,
        rows: list.rows.map((r) => ({ ...r, grade: grades.get(r.loanId) ?? null })),
      };
    },

    'collections.nextAccount': async ({ skip, ...filter }) => {
      const today = clock.today();
      const config = await settings();
      const skipped = new Set(skip);
      // Page down the list until an account not opened this session and not worked today.
      for (let offset = 0; ; offset += NEXT_ACCOUNT_PAGE) {
        const page = await buildWorklist(
          db,
          today,
          config,
          filter,
          ctx.actor(),
          { offset, limit: NEXT_ACCOUNT_PAGE },
          flagsWhileUnchanged,
        );
        const next = page.rows.find((r) => !skipped.has(r.loanId) && !r.workedToday);
        if (next) return { loanId: next.loanId };
        if (offset + NEXT_ACCOUNT_PAGE >= page.total) return { loanId: null };
      }
    },

    'collections.account': async ({ loanId }) =>
      collectionAccount(db, loanId, clock.today(), clock.now(), await settings()),

    'collections.logContact': async (input) =>
      db.transaction().execute(async (trx) => {
        const loggedBy = who();
        const today = clock.today();
        const now = clock.now();
        const loan = await openLoan(trx, input.loanId);
        const borrower = await borrowerOf(trx, loan.borrower_id);
        const config = await loadCollectionSettings(trx);

        let partyId = loan.borrower_id;
        if (input.party !== 'borrower') {
          if (input.partyBorrowerId === undefined) {
            throw invalidField('partyBorrowerId', 'contact.chooseParty', { party: input.party });
          }
          const onLoan = (await partiesOf(trx, loan.id)).some(
            (p) => p.borrower_id === input.partyBorrowerId && p.role === input.party,
          );
          if (!onLoan)
            throw invalidField('partyBorrowerId', 'contact.notParty', {
              party: input.party,
              number: loan.number,
            });
          partyId = input.partyBorrowerId;
        }

        const at = input.localTime === undefined ? now : instantOfLocal(input.localTime, borrower.time_zone);
        if (at > now) {
          const local = localTimeOf(now, borrower.time_zone);
          throw invalidField('localTime', 'contact.inFuture', { date: local.date, time: local.hhmm });
        }
        const outcome = await contactOutcome(trx, input.outcome);
        if (!outcome) throw invalidField('outcome', 'contact.unknownOutcome', { outcome: input.outcome });
        if (outcome.active !== 1) {
          throw invalidField('outcome', 'contact.retiredOutcome', { outcome: input.outcome });
        }
        if (input.followUpOn !== undefined && input.followUpOn < today) {
          throw invalidField('followUpOn', 'contact.followUpPast', { today });
        }
        if (input.promise && input.promise.dueDate < today) {
          throw invalidField('promise.dueDate', 'contact.promisePast', { today });
        }

        let override = { override_reason: '', override_rules: '' };
        if (input.amendsContactId !== undefined) {
          const original = await contactToAmend(trx, input.amendsContactId);
          if (!original || original.loan_id !== loan.id) {
            throw invalidField('amendsContactId', 'contact.amendsOtherLoan', {
              id: input.amendsContactId,
              number: loan.number,
            });
          }
        } else {
          // A correction describes a contact that already passed the guards; only new contacts are judged.
          const violations = contactViolations(
            rulesOf(config),
            { at, channel: input.channel, party: input.party, connected: outcome.connected === 1 },
            await contactHistory(trx, partyId),
            { timeZone: borrower.time_zone, unreachable: await isUnreachable(trx, loan.borrower_id) },
          );
          override = guard(violations, input.overrideReason, config.profile);
        }

        const row = {
          loan_id: loan.id,
          party_borrower_id: partyId,
          party: input.party,
          channel: input.channel,
          at,
          duration_seconds: input.durationSeconds,
          outcome: input.outcome,
          notes: input.notes,
          follow_up_on: input.followUpOn ?? null,
          amends_contact_id: input.amendsContactId ?? null,
          ...override,
          logged_by: loggedBy,
          logged_by_id: userIdOf(ctx.actor()),
          created_at: now,
        };
        const id = await insertContact(trx, row);
        await appendAudit(trx, ctx, {
          entity: 'collection-contact',
          entityId: id,
          action: input.amendsContactId === undefined ? 'log' : 'amend',
          after: row,
        });

        let promiseId: number | null = null;
        if (input.promise) {
          const promise = {
            loan_id: loan.id,
            contact_id: id,
            amount: input.promise.amount,
            made_on: localTimeOf(at, borrower.time_zone).date,
            due_date: input.promise.dueDate,
            collector: loggedBy,
            created_at: now,
          };
          promiseId = await insertPromise(trx, promise);
          await appendAudit(trx, ctx, {
            entity: 'promise-to-pay',
            entityId: promiseId,
            action: 'create',
            after: promise,
          });
        }
        return { id, promiseId };
      }),

    'collections.planVisit': async (input) =>
      db.transaction().execute(async (trx) => {
        const plannedBy = who();
        const loan = await openLoan(trx, input.loanId);
        const borrower = await borrowerOf(trx, loan.borrower_id);
        const team = [...new Set(input.team.map((t) => t.trim()).filter((t) => t !== ''))];
        if (team.length < 2) {
          throw invalidField('team', 'visit.teamTooSmall');
        }
        const at = instantOfLocal(input.localTime, borrower.time_zone);
        if (at < clock.now()) throw invalidField('localTime', 'visit.inPast');
        const config = await loadCollectionSettings(trx);
        const violations = contactViolations(
          rulesOf(config),
          { at, channel: 'visit', party: 'borrower', connected: false },
          [],
          { timeZone: borrower.time_zone, unreachable: false },
        );
        const row = {
          loan_id: loan.id,
          planned_at: at,
          planned_local_date: input.localTime.slice(0, 10),
          address_kind: input.addressKind,
          address: input.address,
          team: JSON.stringify(team),
          purpose: input.purpose,
          talking_points: input.talkingPoints,
          ...guard(violations, input.overrideReason, config.profile),
          planned_by: plannedBy,
          created_at: clock.now(),
          outcome: null,
        };
        const id = await insertVisit(trx, row);
        await appendAudit(trx, ctx, { entity: 'collection-visit', entityId: id, action: 'plan', after: row });
        return { id };
      }),

    'collections.recordVisitOutcome': async ({ visitId, ...input }) =>
      db.transaction().execute(async (trx) => {
        const recordedBy = who();
        const visit = await visitToRecord(trx, visitId);
        if (!visit) throw notFound('visit.notFound', visitId);
        if (visit.outcome !== null) throw ruleViolation('visit.outcomeRecorded', { id: visitId });
        if (visit.planned_at > clock.now()) throw ruleViolation('visit.notYet');
        const outcome = { ...input, recordedAt: clock.now(), recordedBy };
        await saveVisitOutcome(trx, visitId, outcome);
        await appendAudit(trx, ctx, {
          entity: 'collection-visit',
          entityId: visitId,
          action: 'record-outcome',
          after: outcome,
        });
        return { id: visitId };
      }),

    'collections.dossier': async ({ visitId }) =>
      dossierOf(
        db,
        visitId,
        clock.today(),
        clock.now(),
        await settings(),
        (await loadSettings(ctx)).companyName,
      ),

    'collections.assign': async ({ loanIds, collector }) =>
      db.transaction().execute(async (trx) => {
        who();
        const found = await existingLoans(trx, loanIds);
        if (found.length !== new Set(loanIds).size) throw invalidField('loanIds', 'assign.unknownLoans');
        const collectorId = await userIdNamed(trx, collector);
        const now = clock.now();
        for (const { id } of found) {
          await assignCollector(trx, { loanId: id, collector, collectorId, at: now }, true);
          await appendAudit(trx, ctx, {
            entity: 'loan',
            entityId: id,
            action: 'assign-collector',
            after: { collector },
          });
        }
        return { assigned: found.length };
      }),

    'collections.assignRoundRobin': async ({ bucket, collectors }) =>
      db.transaction().execute(async (trx) => {
        who();
        const config = await loadCollectionSettings(trx);
        const unassigned = (await buildWorklist(trx, clock.today(), config, { bucket })).rows.filter(
          (r) => r.collector === null,
        );
        const now = clock.now();
        const assigned: { loanNumber: string; collector: string }[] = [];
        for (const row of unassigned) {
          // One cursor per bucket, kept across runs, so the rotation carries on where it stopped.
          const turn = await nextCounter(trx, `collections.round-robin.${bucket}`);
          const collector = collectors[(turn - 1) % collectors.length]!;
          const collectorId = await userIdNamed(trx, collector);
          await assignCollector(trx, { loanId: row.loanId, collector, collectorId, at: now }, false);
          await appendAudit(trx, ctx, {
            entity: 'loan',
            entityId: row.loanId,
            action: 'assign-collector',
            after: { collector, rule: `round-robin ${bucket}` },
          });
          assigned.push({ loanNumber: row.loanNumber, collector });
        }
        return { assigned };
      }),

    'collections.setUnreachable': async ({ borrowerId, unreachable, reason }) =>
      db.transaction().execute(async (trx) => {
        const markedBy = who();
        await borrowerOf(trx, borrowerId);
        if (unreachable) {
          if (reason === '') throw invalidField('reason', 'unreachable.reasonMissing');
          await markUnreachable(trx, { borrowerId, since: clock.now(), reason, markedBy });
        } else {
          await clearUnreachable(trx, borrowerId);
        }
        await appendAudit(trx, ctx, {
          entity: 'borrower',
          entityId: borrowerId,
          action: unreachable ? 'mark-unreachable' : 'clear-unreachable',
          after: { reason },
        });
        return { borrowerId, unreachable };
      }),

    'collections.timeline': async (scope) => {
      if (scope.loanId === undefined && scope.borrowerId === undefined) {
        throw invalidField('loanId', 'timeline.scopeMissing');
      }
      return timelineOf(db, scope, clock.today(), await settings());
    },

    'collections.reminders': async () =>
      keepInScope(db, ctx.actor(), await remindersFor(db, clock.today(), await settings()), (r) => r.loanId),

    'collections.promiseStats': async () => {
      const config = await settings();
      // A collector sees the promises on their own accounts only, like everything else they read.
      const records = await promisesInScope(db, ctx.actor());
      const evaluated = await evaluatedPromises(db, records, clock.today(), config.promiseToleranceDays);
      const loans = new Map((await loanBorrowers(db)).map((l) => [l.id, l]));
      const byBorrower = new Map<
        number,
        { borrowerId: number; name: string; kept: number; broken: number }
      >();
      const byCollector = new Map<string, { collector: string; kept: number; broken: number }>();
      for (const p of evaluated) {
        if (p.status === 'pending') continue;
        const loan = loans.get(p.loanId)!;
        const b = byBorrower.get(loan.borrower_id) ?? {
          borrowerId: loan.borrower_id,
          name: loan.name,
          kept: 0,
          broken: 0,
        };
        const c = byCollector.get(p.collector) ?? { collector: p.collector, kept: 0, broken: 0 };
        b[p.status] += 1;
        c[p.status] += 1;
        byBorrower.set(loan.borrower_id, b);
        byCollector.set(p.collector, c);
      }
      return { byBorrower: [...byBorrower.values()], byCollector: [...byCollector.values()] };
    },

    'collections.overrideCount': async ({ month }) => ({ month, overrides: await overridesIn(db, month) }),

    'collections.letterTemplates': () => loadLetterTemplates(db),

    'collections.updateLetterTemplate': async ({ kind, locale, subject, body }) =>
      db.transaction().execute(async (trx) => {
        requirePermission(ctx.actor(), 'settings.manage');
        for (const [field, text] of [
          ['subject', subject],
          ['body', body],
        ] as const) {
          const unknown = unknownFields(text);
          if (unknown.length > 0) {
            throw invalidField(field, 'letter.unknownField', {
              field: `{{${unknown[0]}}}`,
              known: MERGE_FIELDS.join(', '),
            });
          }
        }
        const templates = await loadLetterTemplates(trx);
        const before = templates[kind][locale];
        templates[kind][locale] = { subject, body };
        await saveLetterTemplates(trx, templates);
        await appendAudit(trx, ctx, {
          entity: 'settings',
          entityId: `letter:${kind}:${locale}`,
          action: 'update',
          before,
          after: { subject, body },
        });
        return templates;
      }),

    'collections.letter': async (request) => {
      const s = await loadSettings(ctx);
      return renderLetter(db, request, clock.today(), { name: s.companyName, currency: s.currency });
    },

    'collections.logLetter': async (request) => {
      // Read before the transaction: the settings reader uses its own handle, not the transaction's.
      const s = await loadSettings(ctx);
      return db.transaction().execute(async (trx) => {
        const loggedBy = who();
        const loan = await openLoan(trx, request.loanId);
        const letter = await renderLetter(trx, request, clock.today(), {
          name: s.companyName,
          currency: s.currency,
        });
        const row = {
          loan_id: loan.id,
          party_borrower_id: loan.borrower_id,
          party: 'borrower' as const,
          channel: 'letter' as const,
          at: clock.now(),
          duration_seconds: 0,
          outcome: 'letter-sent',
          notes: `${letter.subject} [${request.kind}, ${request.locale}]`,
          follow_up_on: null,
          amends_contact_id: null,
          override_reason: '',
          override_rules: '',
          logged_by: loggedBy,
          logged_by_id: userIdOf(ctx.actor()),
          created_at: clock.now(),
        };
        const id = await insertContact(trx, row);
        await appendAudit(trx, ctx, {
          entity: 'collection-contact',
          entityId: id,
          action: 'log-letter',
          after: row,
        });
        return { id };
      });
    },

    'collections.openLegalCase': async (input) =>
      db.transaction().execute(async (trx) => ({ id: await openLegalCase(trx, ctx, input, who()) })),

    'collections.advanceLegalCase': async (input) =>
      db.transaction().execute(async (trx) => {
        await advanceLegalCase(trx, ctx, input, who());
        return { id: input.caseId };
      }),

    'collections.legalCases': async ({ openOnly }) =>
      keepInScope(db, ctx.actor(), await legalCases(db, openOnly), (c) => c.loanId),

    'collections.legalCase': ({ caseId }) => legalCase(db, caseId),

    'collections.settings': () => settings(),

    'collections.updateSettings': async (next) =>
      db.transaction().execute(async (trx) => {
        requirePermission(ctx.actor(), 'settings.manage');
        const before = await loadCollectionSettings(trx);
        await saveCollectionSettings(trx, next);
        await appendAudit(trx, ctx, {
          entity: 'settings',
          entityId: 'collections',
          action: 'update',
          before,
          after: next,
        });
        return next;
      }),
  };
}
