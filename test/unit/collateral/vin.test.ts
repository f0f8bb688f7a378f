import { describe, expect, it } from 'vitest';
import {
  normalizeVin,
  vinCheckDigit,
  vinCheckDigitMatches,
  vinProblem,
} from '../../../shared/collateral/vin';
import { vinSchema } from '../../../shared/contract';

describe('VIN', () => {
  it('computes the ISO 3779 check digit, including X for 10', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(vinCheckDigitMatches('1M8GDM9AXKP042788')).toBe(true);
    expect(vinCheckDigitMatches('LFV2A21K0N3000001')).toBe(true);
    expect(vinCheckDigitMatches('LFV2A21K1N3000001')).toBe(false);
  });

  it('accepts 17 characters without I, O or Q, ignoring case, spaces and dashes', () => {
    expect(normalizeVin(' lfv2a21k0-n3000001 ')).toBe('LFV2A21K0N3000001');
    expect(vinProblem('LFV2A21K0N3000001')).toBeNull();
    expect(vinSchema.parse('lfv2a21k0n3000001')).toBe('LFV2A21K0N3000001');
  });

  it.each([
    ['LFV2A21K0N300000', 'must be 17 characters (got 16)'],
    ['LFV2A21K0N30000012', 'must be 17 characters (got 18)'],
    ['LFV2A21K0N300000I', 'must not contain the letters I, O or Q'],
    ['LFV2A21K0N30000O1', 'must not contain the letters I, O or Q'],
    ['QFV2A21K0N3000001', 'must not contain the letters I, O or Q'],
    ['LFV2A21K0N30000*1', 'may contain only digits and the letters A–Z (except I, O, Q)'],
  ])('refuses %s: %s', (vin, problem) => {
    expect(vinProblem(vin)).toBe(problem);
    expect(vinSchema.safeParse(vin).success).toBe(false);
  });
});
