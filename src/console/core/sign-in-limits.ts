/**
 * How often a sign-in code may be asked for (issue 23). Pure. Counted per phone *and* address:
 * 3 in 15 minutes, so a stranger who knows a staff phone only spends their own address's share
 * and cannot keep the staff member from getting a code. Above that, a ceiling per phone against
 * SMS cost: 10 in an hour from every address together, which an address the staff member signed
 * in from in the last 30 days does not meet (their office, their own phone's connection). Each
 * address also has its own limit (the route's: 20 codes in 15 minutes, whatever the phones).
 */
const MINUTE = 60_000;

export const CODE_LIMITS = {
  perPhoneAndAddress: 3,
  phoneAndAddressWindowMs: 15 * MINUTE,
  perPhone: 10,
  phoneWindowMs: 60 * MINUTE,
  knownAddressMs: 30 * 24 * 60 * MINUTE,
} as const;

export interface CodeAsks {
  /** Codes asked for this phone from this address in the last phoneAndAddressWindowMs. */
  fromAddress: number;
  /** Codes asked for this phone from anywhere in the last phoneWindowMs. */
  toPhone: number;
  /** Whether the staff member of this phone signed in from this address in knownAddressMs. */
  knownAddress: () => boolean;
}

/** Pure. Whether one more code may be sent. */
export function mayAskCode(asks: CodeAsks): boolean {
  if (asks.fromAddress >= CODE_LIMITS.perPhoneAndAddress) return false;
  return asks.toPhone < CODE_LIMITS.perPhone || asks.knownAddress();
}
