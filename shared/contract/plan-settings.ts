import { z } from 'zod';

export const RESTRUCTURED_DPD_POLICIES = ['reset', 'cure'] as const;
export type RestructuredDpdPolicy = (typeof RESTRUCTURED_DPD_POLICIES)[number];

/**
 * How restructured loans are aged and when a plan counts as broken (flat keys, like the other
 * settings, so one damaged key falls back to its default alone).
 */
export const planSettingsShape = {
  /** 'reset': DPD restarts on approval. 'cure': DPD keeps counting until the plan cures the loan. */
  restructuredDpdPolicy: z.enum(RESTRUCTURED_DPD_POLICIES),
  /** Consecutive plan installments paid on time that cure a restructured loan. */
  cureInstallments: z.number().int().min(1, 'must be at least 1').max(24, 'must be at most 24'),
  /** Days after its due date a plan installment may stay unpaid before the plan is broken. */
  planToleranceDays: z.number().int().min(0).max(90),
};

export const DEFAULT_PLAN_SETTINGS = {
  restructuredDpdPolicy: 'cure' as RestructuredDpdPolicy,
  cureInstallments: 3,
  planToleranceDays: 7,
};

export type PlanSettings = typeof DEFAULT_PLAN_SETTINGS;
