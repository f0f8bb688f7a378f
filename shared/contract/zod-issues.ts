import type { z } from 'zod';
import { isErrorCode, type ErrorCode } from './error-codes';

type Params = Record<string, string | number>;

/** A schema issue as a code the screen words, with its figures. */
export interface CodedIssue {
  reason: ErrorCode;
  params: Params;
}

const SIZED = new Set(['array', 'set', 'map', 'file']);

/**
 * The code of one zod issue. zod's own messages (and the English written beside a check in the
 * contract) stay English for logs; the screen words this code instead, the same way for a form's
 * own validation and for a request the service refused. A contract check that names its own code
 * (`codedIssue`, `coded`) keeps it.
 */
export function codeOfIssue(issue: z.core.$ZodIssue): CodedIssue {
  switch (issue.code) {
    case 'custom': {
      const own = issue.params as { reason?: unknown; figures?: Params } | undefined;
      return isErrorCode(own?.reason)
        ? { reason: own.reason, params: own.figures ?? {} }
        : { reason: 'input.invalid', params: {} };
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return minimum <= 1
          ? { reason: 'input.required', params: {} }
          : { reason: 'input.tooShort', params: { minimum } };
      if (SIZED.has(issue.origin)) return { reason: 'input.tooFew', params: { minimum } };
      return { reason: issue.inclusive === false ? 'input.above' : 'input.atLeast', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { reason: 'input.tooLong', params: { maximum } };
      if (SIZED.has(issue.origin)) return { reason: 'input.tooMany', params: { maximum } };
      return { reason: issue.inclusive === false ? 'input.below' : 'input.atMost', params: { maximum } };
    }
    case 'invalid_type':
      if (issue.expected === 'int') return { reason: 'input.notWhole', params: {} };
      if (issue.expected === 'number') return { reason: 'input.notNumber', params: {} };
      return { reason: 'input.required', params: {} };
    case 'invalid_format':
      if (issue.format === 'date') return { reason: 'input.notDate', params: {} };
      if (issue.format === 'email') return { reason: 'input.notEmail', params: {} };
      return { reason: 'input.badForm', params: {} };
    case 'invalid_value':
      return { reason: 'input.notChoice', params: {} };
    case 'not_multiple_of':
      return { reason: 'input.multipleOf', params: { divisor: Number(issue.divisor) } };
    case 'unrecognized_keys':
      return { reason: 'input.unknownFields', params: { keys: issue.keys.join(', ') } };
    default:
      return { reason: 'input.invalid', params: {} };
  }
}
