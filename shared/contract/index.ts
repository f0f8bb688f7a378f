import type { z } from 'zod';
import type { MethodSpec } from './define';
import type { WorkProgress } from './port';
import { systemContract } from './system';
import { borrowersContract } from './borrowers';
import { loansContract } from './loans';
import { collateralContract } from './collateral';
import { collectionsContract } from './collections';
import { printContract } from './print';
import { importContract } from './import';
import { reportsContract } from './reports';
import { plansContract } from './plans';
import { writeOffsContract } from './write-offs';
import { accessContract } from './access';
import { backupsContract } from './backups';
import { officeContract } from './office';
import { riskContract } from './risk';
import { ledgerContract } from './ledger';

export {
  ACCOUNT_KINDS,
  PERMISSIONS,
  type Access,
  type AccountKind,
  type AccountRef,
  type Permission,
} from './define';
export * from './result';
export * from './port';
export * from './error-codes';
export * from './zod-issues';
export * from './common';
export * from './system';
export * from './borrowers';
export * from './loans';
export * from './collateral';
export * from './collateral-settings';
export * from './collections';
export * from './print';
export * from './import';
export * from './reports';
export * from './plans';
export * from './access';
export * from './office';
export * from './plan-settings';
export * from './loan-settings';
export * from './import-settings';
export * from './company';
export * from './write-offs';
export * from './backups';
export * from './risk';
export * from './ledger';
export * from './ledger-settings';

/**
 * The whole API between the UI and the services: one map from method name to request schema
 * and result type. Main validates every request against it; the renderer's client and the
 * service handlers take their types from it.
 */
export const contract = {
  ...systemContract,
  ...borrowersContract,
  ...loansContract,
  ...collateralContract,
  ...collectionsContract,
  ...printContract,
  ...importContract,
  ...reportsContract,
  ...plansContract,
  ...writeOffsContract,
  ...accessContract,
  ...backupsContract,
  ...officeContract,
  ...riskContract,
  ...ledgerContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
type SpecOf<M extends MethodName> = Contract[M];
export type MethodInput<M extends MethodName> =
  SpecOf<M> extends MethodSpec<infer In, unknown> ? z.input<In> : never;
export type ParsedInput<M extends MethodName> =
  SpecOf<M> extends MethodSpec<infer In, unknown> ? z.output<In> : never;
export type MethodOutput<M extends MethodName> =
  SpecOf<M> extends MethodSpec<z.ZodType, infer Out> ? Out : never;

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** The one object the preload (or the test bridge) puts on `window`. */
export interface PledgebookBridge {
  /**
   * One contract call. Long work reports progress to `onProgress`; `ticket` names the call so
   * `cancel` can stop it (an AbortSignal cannot cross the context bridge, a string can).
   */
  call(
    method: string,
    input: unknown,
    options?: { onProgress?: (progress: WorkProgress) => void; ticket?: string },
  ): Promise<unknown>;
  /** Asks the service host to stop the call with this ticket; it answers `cancelled`, nothing saved. */
  cancel?(ticket: string): void;
  /** Menu commands forwarded from main, e.g. 'print' or 'open-settings'. */
  onCommand?(listener: (command: string) => void): () => void;
}
