import type { z } from 'zod';
import {
  contract,
  fail,
  codeOfIssue,
  isMethodName,
  ok,
  type FieldIssue,
  type MethodName,
  type MethodOutput,
  type ParsedInput,
  type Result,
} from '../../shared/contract';
import { DomainError, domainError } from './errors';
import { isConnectionLost, isTransientConflict } from '../db/postgres/server-errors';
import { runAsWork, type Work } from './work';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>>;
};

/** `work` carries a caller's progress listener and cancel signal (the service host's port). */
export type Dispatch = (method: unknown, input: unknown, work?: Work) => Promise<Result<unknown>>;

/** The refused fields of a request, each with its code so the screen words it (zod-issues.ts). */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    field: i.path.join('.') || '(request)',
    message: i.message,
    ...codeOfIssue(i),
  }));
}

/**
 * The single entry point behind IPC, the loopback test server and the CLI: unknown methods and
 * invalid payloads are refused before any service code runs.
 */
export function createDispatcher(handlers: Handlers, onInternalError?: (e: unknown) => void): Dispatch {
  return async (method, input, work) => {
    if (!isMethodName(method)) {
      return fail('unknown-method', `There is no API method called ${JSON.stringify(method)}.`);
    }
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      const summary = issues.map((i) => `${i.field}: ${i.message}`).join('; ');
      return fail('invalid-input', `Invalid request for ${method}: ${summary}`, issues);
    }
    try {
      const handler = handlers[method] as (i: unknown) => Promise<unknown>;
      const run = () => retryingConflicts(() => handler(parsed.data));
      return ok(await (work ? runAsWork(work, run) : run()));
    } catch (error) {
      if (error instanceof DomainError) return { ok: false, error: error.toApiError() };
      if (isTransientConflict(error)) {
        return {
          ok: false,
          error: domainError('conflict', 'server.busy', { tries: CONFLICT_TRIES }).toApiError(),
        };
      }
      if (isConnectionLost(error)) {
        return { ok: false, error: domainError('unavailable', 'server.connectionLost').toApiError() };
      }
      if (isDiskFull(error)) {
        return fail(
          'unavailable',
          'The disk is full, so nothing was saved. Free some space (or move the book to a bigger disk) and try again.',
        );
      }
      onInternalError?.(error);
      return fail(
        'internal',
        'Something went wrong inside Pledgebook; nothing was saved. Details are in the log.',
      );
    }
  };
}

/** How many times a call is run when the server keeps rolling it back for another PC's change. */
export const CONFLICT_TRIES = 5;

/**
 * Runs a call again when a server book rolled its transaction back for a deadlock or a
 * serialization failure: nothing of it was kept, so running it again is the same request on the
 * book as it now stands. Waits a little longer (and a random part) each time, so two PCs that
 * collided do not collide again in step; after CONFLICT_TRIES the caller is told.
 */
export async function retryingConflicts<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isTransientConflict(error) || attempt >= CONFLICT_TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}

/** SQLite's answer when the file cannot grow: the transaction was rolled back whole. */
const isDiskFull = (error: unknown) =>
  error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_FULL';
