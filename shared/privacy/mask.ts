/**
 * ID numbers are stored whole but shown masked everywhere: first 3 and last 4 characters, as
 * Chinese lenders print them on notices (110***********1234). Very short numbers keep less, so a
 * mask never reveals most of what it hides.
 */
export function maskIdNumber(idNumber: string): string {
  const id = idNumber.trim();
  if (id.length === 0) return '';
  if (id.length <= 4) return '*'.repeat(id.length);
  if (id.length <= 8) return `${id.slice(0, 1)}${'*'.repeat(id.length - 3)}${id.slice(-2)}`;
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** Phones in third-party-facing print keep the last 4 digits only. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length <= 4) return digits;
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}
