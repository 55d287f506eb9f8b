/**
 * USSD codes with a reply inside them. Pure. Dialling `*384*1234*48210379#` reaches the service
 * `*384*1234#` with `48210379` as the first reply: one dial instead of a walk through the menu.
 */

/**
 * Pure. The code that dials `serviceCode` with `inside` as its first reply: `*384*1234#` and
 * `48210379` give `*384*1234*48210379#`.
 */
export function directDial(serviceCode: string, inside: string): string {
  const stem = serviceCode.endsWith('#') ? serviceCode.slice(0, -1) : serviceCode;
  return `${stem}*${inside}#`;
}
