import { toNestErrors } from '@hookform/resolvers';
import i18next from 'i18next';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { codeOfIssue } from '../../../shared/contract';

/**
 * react-hook-form's resolver for a contract schema, wording each issue from its code in the UI
 * language. zodResolver would show the English written beside a check in the shared schema (it
 * outranks zod's locales), so the form words the issue's code like a refusal from the service.
 */
export function wordedResolver<Input extends FieldValues, Context, Output>(
  schema: z.ZodType<Output, Input>,
): Resolver<Input, Context, Output> {
  return async (values, _context, options) => {
    const parsed = await schema.safeParseAsync(values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const { reason, params } = codeOfIssue(issue);
      flat[issue.path.join('.') || 'root'] ??= {
        type: issue.code,
        message: i18next.t(`errors.${reason}` as never, params as never) as unknown as string,
      };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}
