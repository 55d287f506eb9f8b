/**
 * Charts drawn on the server as inline SVG: no script, a few hundred bytes each, printable. Each
 * is a picture (role="img" with a <title> and a <desc> that say what it shows); the table beside
 * it carries the same figures as text and the links to the queue, for screen readers and
 * keyboards. Labels sit above their bars so that the chart stays legible when a phone scales it
 * down.
 */

export interface Bar {
  label: string;
  value: number;
  /** The value as the page writes it. */
  text: string;
}

/** Drawn 300 units wide, about the width of a phone: its 14-unit text stays 14 px there. */
const W = 300;
const ROW = 40;

/** Horizontal bars, one per item, longest first as given. */
export function BarChart({
  id,
  title,
  desc,
  bars,
}: {
  id: string;
  title: string;
  desc: string;
  bars: readonly Bar[];
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 4;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${W} ${height}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      {bars.map((b, i) => {
        const width = Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * (W - 60)));
        const y = i * ROW;
        return (
          <g key={b.label}>
            <text x="0" y={y + 14} class="chart-label">
              {b.label}
            </text>
            <rect x="0" y={y + 19} width={width} height="16" class="bar" />
            <text x={width + 6} y={y + 32} class="chart-value">
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Pairs of vertical bars per week: complaints filed and complaints resolved. */
export function TrendChart({
  id,
  title,
  desc,
  weeks,
  received,
  resolved,
  legend,
}: {
  id: string;
  title: string;
  desc: string;
  /** A short label per week (its first day). */
  weeks: readonly string[];
  received: readonly number[];
  resolved: readonly number[];
  legend: [string, string];
}) {
  const H = 200;
  const top = 28;
  const base = H - 24;
  const max = Math.max(1, ...received, ...resolved);
  const step = W / Math.max(1, weeks.length);
  const bar = Math.max(2, step / 2 - 3);
  const y = (v: number) => base - Math.round((v / max) * (base - top));
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${id}-t ${id}-d`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <rect x="0" y="4" width="12" height="12" class="bar" />
      <text x="16" y="15" class="chart-value">
        {legend[0]}
      </text>
      <rect x="130" y="4" width="12" height="12" class="bar alt" />
      <text x="146" y="15" class="chart-value">
        {legend[1]}
      </text>
      <text x={W} y="15" class="chart-value" text-anchor="end">
        {max}
      </text>
      <line x1="0" x2={W} y1={base} y2={base} class="axis" />
      {weeks.map((w, i) => {
        const x = i * step + 2;
        const r = received[i] ?? 0;
        const d = resolved[i] ?? 0;
        return (
          <g key={w}>
            <rect x={x} y={y(r)} width={bar} height={base - y(r)} class="bar" />
            <rect x={x + bar + 1} y={y(d)} width={bar} height={base - y(d)} class="bar alt" />
            {i % 3 === 0 && (
              <text x={x} y={H - 6} class="chart-axis">
                {w}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
