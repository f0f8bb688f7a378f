import fc from 'fast-check';
import { contract, type MethodName, type Result } from '../../shared/contract';

export interface FuzzTally {
  method: string;
  payloads: number;
  /** Answers other than a clean `invalid-input` refusal: each is a bug. */
  unexpected: { payload: unknown; result: Result<unknown> | string }[];
}

/**
 * Payloads a method must refuse: random values of every JSON and JavaScript shape, and objects
 * that carry the method's own field names with wrong values (the near misses a buggy or
 * hostile renderer would send). Anything the schema would accept is filtered out.
 */
export function malformedPayloads(method: MethodName): fc.Arbitrary<unknown> {
  const schema = contract[method].input;
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  const keys = shape ? Object.keys(shape) : [];
  const wrongValue = fc.oneof(
    fc.anything(),
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(
      -1,
      0,
      2 ** 53,
      Number.NaN,
      Infinity,
      '',
      ' ',
      '__proto__',
      '2026-02-30',
      '9'.repeat(400),
    ),
  );
  const nearMiss =
    keys.length > 0
      ? fc.dictionary(fc.constantFrom(...keys, 'extra', 'constructor'), wrongValue)
      : fc.constant(42);
  return fc
    .oneof(
      fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
      nearMiss,
    )
    .filter((payload) => !schema.safeParse(payload ?? {}).success);
}

/** Sends `runs` malformed payloads to one method through the dispatcher and tallies the answers. */
export async function fuzzMethod(
  dispatch: (method: unknown, input: unknown) => Promise<Result<unknown>>,
  method: MethodName,
  runs: number,
  seed?: number,
): Promise<FuzzTally> {
  const tally: FuzzTally = { method, payloads: 0, unexpected: [] };
  await fc.assert(
    fc.asyncProperty(malformedPayloads(method), async (payload) => {
      tally.payloads += 1;
      try {
        const result = await dispatch(method, payload);
        if (result.ok || result.error.code !== 'invalid-input') tally.unexpected.push({ payload, result });
      } catch (error) {
        tally.unexpected.push({ payload, result: `threw: ${String(error)}` });
      }
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  return tally;
}
