import type { BenchRow, Sample } from './stats';

// The printed table: figure, ours, floor, ratio, goal, met — medians with [min–max] and run count.

const num = (n: number): string => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));

const cell = (s: Sample | null, unit: string): string =>
  s === null ? '—' : `${num(s.median)} ${unit} [${num(s.min)}–${num(s.max)}] n=${s.runs}`;

const met = (r: BenchRow, smoke: boolean): string => {
  if (r.met !== null) return r.met ? 'yes' : 'NO';
  if (r.ours === null) return 'not measured';
  return smoke ? '(smoke)' : '— (no goal)';
};

export const renderTable = (rows: readonly BenchRow[], smoke: boolean): string => {
  const header = ['figure', 'ours (median [min–max] runs)', 'floor', 'ratio', 'goal', 'met?'];
  const body = rows.map((r) => [r.figure, cell(r.ours, r.unit), cell(r.floor, r.unit), r.ratio === null ? '—' : num(r.ratio), r.goal, met(r, smoke)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const notes = rows.filter((r) => r.note !== undefined).map((r) => `  ${r.figure}: ${r.note ?? ''}`);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), '', 'notes:', ...notes].join('\n');
};
