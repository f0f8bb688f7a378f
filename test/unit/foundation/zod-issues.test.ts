import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { codeOfIssue, createBorrowerSchema, positiveMinor } from '../../../shared/contract';
import { issuesOf } from '../../../electron/services/dispatch';

const codesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a refusal');
  return parsed.error.issues.map((i) => ({ field: i.path.join('.'), ...codeOfIssue(i) }));
};

describe('zod issues as codes the screen words', () => {
  it('names an empty name as required and a short ID number by its minimum, not by English', () => {
    const refused = codesOf(createBorrowerSchema, {
      kind: 'person',
      name: ' ',
      idType: 'passport',
      idNumber: 'AB',
    });
    expect(refused).toEqual([
      { field: 'name', reason: 'input.required', params: {} },
      { field: 'idNumber', reason: 'input.tooShort', params: { minimum: 4 } },
    ]);
  });

  it('keeps the code a contract check names for itself', () => {
    expect(codesOf(positiveMinor, 0)).toEqual([{ field: '', reason: 'input.positive', params: {} }]);
    expect(
      codesOf(createBorrowerSchema, { kind: 'person', name: 'Li', idType: 'resident-id', idNumber: '1234' }),
    ).toContainEqual({
      field: 'idNumber',
      reason: 'borrower.residentId',
      params: {},
    });
  });

  it('words numbers and choices by kind', () => {
    const schema = z.object({
      n: z.number().int().min(1).max(9),
      c: z.enum(['a', 'b']),
      x: z.number().positive(),
    });
    expect(codesOf(schema, { n: 1.5, c: 'z', x: 0 }).map((i) => i.reason)).toEqual([
      'input.notWhole',
      'input.notChoice',
      'input.above',
    ]);
    expect(codesOf(schema, { n: 10, c: 'a', x: 1 })).toEqual([
      { field: 'n', reason: 'input.atMost', params: { maximum: 9 } },
    ]);
  });

  it('sends the code with each refused field of a request, the English kept for the log', () => {
    const parsed = createBorrowerSchema.safeParse({
      kind: 'person',
      name: '',
      idType: 'passport',
      idNumber: 'A1',
    });
    expect(parsed.success).toBe(false);
    const issues = issuesOf(parsed.error!);
    expect(issues[0]).toEqual({
      field: 'name',
      message: 'is required',
      reason: 'input.required',
      params: {},
    });
  });
});
