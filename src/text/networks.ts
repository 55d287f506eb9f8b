/**
 * Tanzania's mobile networks by the `networkCode` Africa's Talking sends (MCC 640 and the MNC).
 * Pure. Take the operator from the code, never from the number's prefix: numbers move between
 * networks. An unknown code is kept as it is.
 */
const OPERATORS: Readonly<Record<string, string>> = {
  '64002': 'Yas (ex-Tigo)',
  '64003': 'Zantel',
  '64004': 'Vodacom',
  '64005': 'Airtel',
  '64007': 'TTCL',
  '64009': 'Halotel',
  '99999': "Africa's Talking sandbox",
};

/** Pure. The operator's name for a network code; the code itself when unknown, `unknown` when empty. */
export function networkName(code: string): string {
  const trimmed = code.trim();
  if (trimmed === '') return 'unknown';
  return OPERATORS[trimmed] ?? trimmed;
}
