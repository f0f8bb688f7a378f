/**
 * Check characters of the Chinese identification numbers the seeder produces, so generated data
 * passes the same validation a real number would.
 */

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const RESIDENT_ID_CHECK = '10X98765432';

/**
 * The 18th character of a resident identity card number (GB 11643, ISO 7064 MOD 11-2) for its
 * first 17 digits: region code (6), birth date YYYYMMDD (8), sequence (3, odd for men).
 */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`a resident ID body is 17 digits: "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i]!;
  return RESIDENT_ID_CHECK[sum % 11]!;
}

export function residentId(region: string, birthDate: string, sequence: number): string {
  const body = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return body + residentIdCheckChar(body);
}

/** Characters of the unified social credit code (GB 32100): no I, O, S, V or Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The 9th character of an organisation code (GB 11714) for its 8 digits. */
export function organizationCodeCheckChar(first8: string): string {
  if (!/^\d{8}$/.test(first8))
    throw new RangeError(`an organisation code body is 8 digits here: "${first8}"`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8[i]) * ORG_CODE_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The 18th character of a unified social credit code for its first 17 characters. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`a social credit code body is 17 characters: "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]!);
    if (v < 0) throw new RangeError(`"${first17[i]}" is not a social credit code character`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * A unified social credit code: registration authority 9 (market regulator), type 1 (enterprise),
 * the region code, the organisation code with its own check character, then the code's check.
 */
export function socialCreditCode(region: string, orgDigits: string): string {
  const body = `91${region}${orgDigits}${organizationCodeCheckChar(orgDigits)}`;
  return body + usccCheckChar(body);
}

/** The check digit of a pre-2015 15-digit business registration number (ISO 7064 MOD 11,10). */
export function registrationNumberCheckDigit(first14: string): string {
  if (!/^\d{14}$/.test(first14))
    throw new RangeError(`a registration number body is 14 digits: "${first14}"`);
  let p = 10;
  for (const ch of first14) {
    let s = (p + Number(ch)) % 10;
    if (s === 0) s = 10;
    p = (s * 2) % 11;
  }
  return String((11 - p) % 10);
}

export function registrationNumber(region: string, sequence8: string): string {
  const body = `${region}${sequence8}`;
  return body + registrationNumberCheckDigit(body);
}
