/** Why a plan cannot be made, naming the field a person has to change ("plan.months"). */
export class PlanRefusal extends Error {
  override readonly name = 'PlanRefusal';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
