/**
 * The figures each reliability scenario prints: one line, `[reliability] <scenario>: a=1, b=2`,
 * straight to stdout (the suite runs in band) so that a run shows them between the test results.
 */
export function printFigures(scenario: string, values: Record<string, string | number>): void {
  const parts = Object.entries(values).map(([k, v]) => `${k}=${v}`);
  process.stdout.write(`\n[reliability] ${scenario}: ${parts.join(', ')}\n`);
}
