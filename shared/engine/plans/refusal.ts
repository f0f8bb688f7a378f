import { errorTextEn, type ErrorCode, type ParamsArg } from '../../contract/error-codes';

/**
 * Why a plan cannot be made, naming the field a person has to change ("plan.months") and the
 * code the screen words; the message is the English text for logs and the CLI.
 */
export class PlanRefusal extends Error {
  override readonly name = 'PlanRefusal';
  readonly params: Record<string, string | number>;
  constructor(
    readonly field: string,
    readonly reason: ErrorCode,
    params: Record<string, string | number> = {},
  ) {
    super(errorTextEn(reason, params));
    this.params = params;
  }
}

/** A plan refusal whose figures are checked against its code's template. */
export const planRefusal = <C extends ErrorCode>(field: string, reason: C, ...params: ParamsArg<C>) =>
  new PlanRefusal(field, reason, (params[0] ?? {}) as Record<string, string | number>);
