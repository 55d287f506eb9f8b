/**
 * USSD hops with and without console users, side by side in one run: the one-hop workload of
 * the USSD bench (bench/ussd-workloads.ts, `connections` keep-alive loops, as many hops as the
 * server answers) alone, then while 20 signed-in staff members browse, each looping over their
 * queue, a tab with a filter, and a complaint from those pages, with a think time between pages
 * (uniform over 0.5x..1.5x the mean; 0 = none). Conditions alternate order from round to round.
 */
import { performance } from 'node:perf_hooks';
import { pick } from './assignment-seed';
import type { ConsoleBrowser } from './console-client';
import { numbersOn } from './console-client';
import { RARE_VILLAGE } from './console-seed-text';
import { percentile } from './console-latency';
import type { ServerProcess } from './kero-server';
import { percentile as sortedPercentile, runLoad, type RunResult } from './load';
import { oneHop, USSD_PATH } from './ussd-workloads';

export interface MixedOptions {
  connections: number;
  durationS: number;
  warmupS: number;
  rounds: number;
  /** Mean think times of the console conditions, in ms (0: none). */
  thinkMs: number[];
}

export interface MixedRun {
  condition: string;
  round: number;
  ussd: RunResult;
  /** Server CPU seconds over the run. */
  serverCpuS: number;
  consoleRequests: number;
  consoleMs: number[];
  consoleErrors: number;
}

const TABS = ['mine', 'unassigned', 'dueSoon', 'overdue', 'open', 'resolved'];
// prettier-ignore
const FILTERS = ['', 'category=water', 'category=health', 'channel=call', 'status=in_progress', 'q=maji', 'q=barabara', `q=${RARE_VILLAGE}`];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Staff members browsing until `stop()`; requests inside [from, to) are kept. */
function browse(users: ConsoleBrowser[], thinkMs: number, random: (n: number) => number) {
  let stopping = false;
  const window = { from: Infinity, to: Infinity };
  const kept: number[] = [];
  let errors = 0;
  const think = () => (thinkMs > 0 ? sleep(thinkMs * (0.5 + random(1000) / 1000)) : undefined);
  const get = async (b: ConsoleBrowser, url: string): Promise<string> => {
    const start = performance.now();
    try {
      const page = await b.get(url);
      if (page.status !== 200) errors++;
      if (start >= window.from && start < window.to) kept.push(page.ms);
      return page.html;
    } catch {
      errors++;
      return '';
    }
  };
  const loop = async (b: ConsoleBrowser): Promise<void> => {
    while (!stopping) {
      const first = await get(b, '/console');
      await think();
      const filter = pick(FILTERS, random);
      const second = await get(
        b,
        `/console?tab=${pick(TABS, random)}${filter ? `&${filter}` : ''}`,
      );
      await think();
      const numbers = numbersOn(first + second);
      if (numbers.length > 0) {
        await get(b, `/console/c/${pick(numbers, random)}`);
        await think();
      }
    }
  };
  const loops = Promise.all(users.map(loop));
  return {
    measureFrom(from: number, to: number) {
      Object.assign(window, { from, to });
    },
    async stop() {
      stopping = true;
      await loops;
      return { kept, errors };
    },
  };
}

async function one(
  server: ServerProcess,
  users: ConsoleBrowser[],
  think: number | undefined,
  o: MixedOptions,
  random: (n: number) => number,
): Promise<Omit<MixedRun, 'condition' | 'round'>> {
  const browsing = think === undefined ? undefined : browse(users, think, random);
  if (o.warmupS > 0)
    await runLoad(server.port, USSD_PATH, oneHop(), o.connections, o.warmupS * 1000);
  const cpu0 = server.cpuSeconds();
  const t0 = performance.now();
  browsing?.measureFrom(t0, t0 + o.durationS * 1000);
  const ussd = await runLoad(server.port, USSD_PATH, oneHop(), o.connections, o.durationS * 1000);
  const serverCpuS = server.cpuSeconds() - cpu0;
  ussd.serverCpuPct = (serverCpuS / ussd.elapsedS) * 100;
  const seen = (await browsing?.stop()) ?? { kept: [], errors: 0 };
  return {
    ussd,
    serverCpuS,
    consoleRequests: seen.kept.length,
    consoleMs: seen.kept,
    consoleErrors: seen.errors,
  };
}

export const conditionName = (think: number | undefined, users: number): string =>
  think === undefined
    ? 'USSD alone'
    : `+ ${users} console users, ${think > 0 ? `${think / 1000} s think` : 'no think time'}`;

/** Every condition once per round; the order alternates. */
export async function runMixed(
  server: ServerProcess,
  users: ConsoleBrowser[],
  o: MixedOptions,
  random: (n: number) => number,
): Promise<MixedRun[]> {
  const conditions: (number | undefined)[] = [undefined, ...o.thinkMs];
  const runs: MixedRun[] = [];
  for (let round = 1; round <= o.rounds; round++) {
    const order = round % 2 === 1 ? conditions : [...conditions].reverse();
    for (const think of order) {
      const condition = conditionName(think, users.length);
      const r = await one(server, users, think, o, random);
      runs.push({ condition, round, ...r });
      const rps = Math.round(r.ussd.requests / r.ussd.elapsedS);
      const p99 = sortedPercentile(r.ussd.latencies, 99).toFixed(1);
      const extra =
        think === undefined ? '' : `; console p95 ${percentile(r.consoleMs, 95).toFixed(0)} ms`;
      console.log(`  round ${round}: ${condition}: ${rps} hops/s, p99 ${p99} ms${extra}`);
    }
  }
  return runs;
}
