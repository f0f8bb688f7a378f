import type { z } from 'zod';

/**
 * A contract method: the schema main validates the request with, and the result type the
 * renderer receives. The result type only exists at compile time; it is carried by a phantom
 * field so the whole contract stays one plain object.
 */
export interface MethodSpec<In extends z.ZodType, Out> {
  input: In;
  /** Phantom: never read at run time. */
  readonly output?: Out;
}

export const method =
  <Out>() =>
  <In extends z.ZodType>(input: In): MethodSpec<In, Out> => ({ input });
