import type { z } from 'zod';
import { contract, type MethodName } from '../../shared/contract';

/**
 * A small valid request for any contract method, built from its schema, so a test can call every
 * method without a hand-written payload for each. Optional fields and fields with a default are
 * left out; every other leaf takes the first candidate value its own schema accepts.
 */
interface ZodInternals {
  _zod: { def: Record<string, unknown> & { type: string } };
  safeParse(value: unknown): { success: boolean };
  minLength?: number | null;
}

const STRING_CANDIDATES = [
  '2026-06-15',
  '2026-06',
  '2026-06-16T10:00',
  'Sample text',
  'sample',
  'sample-code',
  'image/png',
  'backup.sqlite',
  'a sample password',
  '12',
];
const NUMBER_CANDIDATES = [1, 100, 0, 2026, 10_000];

const firstValid = (schema: ZodInternals, candidates: unknown[]) =>
  candidates.find((c) => schema.safeParse(c).success) ?? candidates[0];

const isLeftOut = (schema: ZodInternals) => ['optional', 'default'].includes(schema._zod.def.type);

function sampleOf(schema: ZodInternals): unknown {
  const def = schema._zod.def;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, ZodInternals>;
      return Object.fromEntries(
        Object.entries(shape)
          .filter(([, field]) => !isLeftOut(field))
          .map(([key, field]) => [key, sampleOf(field)]),
      );
    }
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
      return sampleOf(def.innerType as ZodInternals);
    case 'pipe':
      return sampleOf(def.in as ZodInternals);
    case 'array': {
      const element = () => sampleOf(def.element as ZodInternals);
      return firstValid(schema, [[], [element()], [element(), element()]]);
    }
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'union': {
      const options = (def.options as ZodInternals[]).map(sampleOf);
      return firstValid(schema, options);
    }
    case 'string':
      return firstValid(schema, [...STRING_CANDIDATES, 'a'.repeat(schema.minLength ?? 1)]);
    case 'number':
      return firstValid(schema, NUMBER_CANDIDATES);
    case 'boolean':
      return false;
    case 'record':
      return {};
    default:
      return undefined;
  }
}

/** Where a rule across fields (a start before an end) is more than leaf values can meet. */
const PATCHES: Partial<Record<MethodName, Record<string, unknown>>> = {
  'borrowers.create': { idNumber: '110101199003071234' },
  'collections.updateSettings': {
    custom: {
      startMinutes: 480,
      endMinutes: 1200,
      maxConnectedCallsPerDay: null,
      maxCallAttemptsPer7Days: null,
      quietDaysAfterConversation: null,
      thirdPartyOnlyIfUnreachable: false,
    },
  },
};

export function sampleInput(method: MethodName): Record<string, unknown> {
  const sample = sampleOf(contract[method].input as unknown as ZodInternals) as Record<string, unknown>;
  return { ...sample, ...PATCHES[method] };
}

/** Whether the field `key` of the method's request takes a single id (else a list of them). */
export function takesOneId(method: MethodName, key: string): boolean {
  const shape = (contract[method].input as unknown as { shape: Record<string, z.ZodType> }).shape;
  return shape[key]!.safeParse(1).success;
}
