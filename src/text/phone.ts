/**
 * Phone numbers. Pure. Tanzanian numbers are accepted as 0…, 255…, +255… and stored +255XXXXXXXXX;
 * other international numbers (AT's sandbox, roaming) are kept in E.164 as they come.
 */

/** Pure. E.164 form of a phone number, or undefined when it is not one. */
export function normalizePhone(input: string): string | undefined {
  const s = input.replace(/[\s\-().]/g, '');
  if (/^0[67]\d{8}$/.test(s)) return `+255${s.slice(1)}`;
  if (/^255\d{9}$/.test(s)) return `+${s}`;
  if (/^\+255\d{9}$/.test(s)) return s;
  if (/^\+[1-9]\d{6,14}$/.test(s) && !s.startsWith('+255')) return s;
  return undefined;
}

/** Pure. A phone number for logs: country code and last two digits only. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '***';
  return `${phone.slice(0, 4)}*****${phone.slice(-2)}`;
}
