import { codedIssue } from '../contract/error-codes';

/**
 * Vehicle identification numbers (ISO 3779; China's GB 16735 uses the same rules). Seventeen
 * characters from digits and the Latin capitals except I, O and Q, which read too much like 1 and 0.
 * Position 9 is a check digit in North America and China; elsewhere it may be anything, so a
 * mismatch is a warning the clerk reads, not a refusal.
 */
const VIN_CHARS = /^[A-HJ-NPR-Z0-9]{17}$/;

// prettier-ignore
const LETTER_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Upper-cased, with spaces and dashes people type between groups removed. */
export function normalizeVin(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/** Why a VIN cannot be right, in words for the clerk; null when its form is valid. */
export function vinProblemCode(vin: string) {
  if (vin.length !== 17) return codedIssue('vin.length', { length: vin.length });
  if (/[IOQ]/.test(vin)) return codedIssue('vin.forbiddenLetters');
  if (!VIN_CHARS.test(vin)) return codedIssue('vin.characters');
  return null;
}

/** What is wrong with a VIN's form, in English (the import's rejection detail), or null. */
export function vinProblem(vin: string): string | null {
  return vinProblemCode(vin)?.message ?? null;
}

/** The check digit ISO 3779 computes for a VIN of valid form: '0'–'9' or 'X'. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!;
    const value = c >= '0' && c <= '9' ? Number(c) : (LETTER_VALUES[c] ?? 0);
    sum += value * WEIGHTS[i]!;
  }
  const digit = sum % 11;
  return digit === 10 ? 'X' : String(digit);
}

/** True when position 9 holds the computed check digit. */
export function vinCheckDigitMatches(vin: string): boolean {
  return vin[8] === vinCheckDigit(vin);
}
