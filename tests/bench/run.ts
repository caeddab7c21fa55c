import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { blackholeFigure } from './blackhole';
import { bulkFigures, bulkRssChild } from './bulk';
import { bundleFigure } from './bundle';
import { dcProbeFigure } from './dc-probe';
import { firstPaintFigure } from './first-paint';
import { manyTargetsFigure } from './many-targets';
import { cleanupBuilds } from './renderer-build';
import { rendererSizeFigure } from './renderer-size';
import { notMeasured, type BenchOptions, type BenchRow } from './stats';
import { renderTable } from './table';
import { urlVerdictsFigure } from './url-verdicts';

// The bench entry (build/bench.mjs loads it): run the figures one after another, print the table,
// write bench-results.json. A figure that throws is a failure (exit 1), in smoke mode too.

type Figure = (o: BenchOptions) => Promise<BenchRow | readonly BenchRow[]>;

const FIGURES: Readonly<Record<string, Figure>> = {
  verdicts: urlVerdictsFigure,
  probe: dcProbeFigure,
  blackhole: blackholeFigure,
  many: manyTargetsFigure,
  bundle: bundleFigure,
  bulk: bulkFigures,
  renderer: rendererSizeFigure,
  paint: firstPaintFigure,
};

export const runBench = async (argv: readonly string[], root: string): Promise<number> => {
  // The bulk RSS figure measures a fresh process: this one, started by the figure.
  if (argv.includes('--bulk-rss-child')) return bulkRssChild(argv);
  const smoke = argv.includes('--smoke');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',') : Object.keys(FIGURES);
  const unknown = only.filter((n) => !(n in FIGURES));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown figure(s) ${unknown.join(', ')}; known: ${Object.keys(FIGURES).join(', ')}\n`);
    return 2;
  }
  const started = performance.now();
  const loadBefore = loadavg()[0] ?? 0;
  const rows: BenchRow[] = [];
  let failed = false;
  for (const name of only) {
    const figure = FIGURES[name];
    if (figure === undefined) continue;
    const t = performance.now();
    process.stderr.write(`bench: ${name}…`);
    try {
      const out = await figure({ smoke, root });
      rows.push(...(Array.isArray(out) ? (out as readonly BenchRow[]) : [out as BenchRow]));
    } catch (e) {
      failed = true;
      rows.push(notMeasured(name, '', '', `failed: ${e instanceof Error ? e.message : String(e)}`));
    }
    process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  cleanupBuilds();
  const seconds = (performance.now() - started) / 1000;
  // The 1-minute load average says how busy the machine was: absolute figures scale with it.
  const load = [loadBefore, loadavg()[0] ?? 0].map((l) => Number(l.toFixed(2)));
  const machine = `${cpus().length} cores, load average ${load.join(' → ')}, node ${process.versions.node}`;
  process.stdout.write(`${renderTable(rows, smoke)}\n\n${smoke ? 'smoke run (nothing judged)' : 'full run'}: ${seconds.toFixed(1)} s on ${machine}\n`);
  // The asserted goals fail the run when missed (never in smoke mode: nothing is judged there).
  const missed = rows.filter((r) => r.asserted === true && r.met === false);
  for (const r of missed) process.stderr.write(`bench: goal missed: ${r.figure} (${r.goal})\n`);
  if (!smoke) {
    const report = { generated_at: new Date().toISOString(), seconds, cores: cpus().length, load_average_1m: load, node: process.versions.node, rows };
    writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify(report, null, 2)}\n`);
  }
  return failed || missed.length > 0 ? 1 : 0;
};
