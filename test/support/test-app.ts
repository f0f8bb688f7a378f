import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type PledgebookApp } from '../../electron/services/app';
import { fixedClock, type Clock } from '../../electron/services/clock';
import type { MethodInput, MethodName, MethodOutput, Result } from '../../shared/contract';

export interface TestApp extends PledgebookApp {
  /** Calls a method through the real dispatcher and throws on `{ok: false}`. */
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Calls and returns the raw result, for asserting refusals. */
  attempt(method: MethodName, input: unknown): Promise<Result<unknown>>;
  dispose(): Promise<void>;
}

/** `call` (throws when refused) and `attempt` (returns the result) over an app's dispatcher. */
export function callersOf(app: PledgebookApp): Pick<TestApp, 'call' | 'attempt'> {
  return {
    async call(method, input) {
      const result = await app.dispatch(method, input);
      if (!result.ok) throw new Error(`${method} refused: ${result.error.code}: ${result.error.message}`);
      return result.value as never;
    },
    attempt: (method, input) => app.dispatch(method, input),
  };
}

/** A fresh database file and a fixed "today" per test: nothing leaks between tests. */
/** `time` is the UTC time of day `clock.now()` reports (default 09:00:00). */
export async function openTestApp(today = '2026-06-15', time?: string): Promise<TestApp> {
  return openTestAppWithClock(fixedClock(today, time));
}

/** As `openTestApp`, with a clock the test moves itself (plans kept or broken over months). */
export async function openTestAppWithClock(clock: Clock): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-test-'));
  const app = await openApp({ databasePath: join(dir, 'book.db'), clock });
  return {
    ...app,
    ...callersOf(app),
    async dispose() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const WANG_FANG = {
  kind: 'person',
  name: '王芳',
  idType: 'resident-id',
  idNumber: '110101199003071234',
  phone: '13800138000',
  altPhone: '',
  address: '北京市东城区',
  employer: '',
  notes: '',
} as const;
