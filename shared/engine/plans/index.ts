export * from './types';
export { PlanRefusal } from './refusal';
export { positionOf, type LoanPosition } from './position';
export { spreadEvenly } from './builders';
export { presentValue, monthsUntil, type CashFlow } from './present-value';
export { applyPlan } from './plan';
