// Shared shapes and arithmetic for the benchmark figures: one row per figure, each a ratio of our
// median against a floor measured in the same run, with the spread and the run count beside it.

export interface Sample {
  /** Median of the runs, in `unit`. */
  readonly median: number;
  /** Smallest and largest run. */
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export interface BenchRow {
  readonly figure: string;
  readonly unit: string;
  /** Null when the figure could not be measured here (see `note`). */
  readonly ours: Sample | null;
  readonly floor: Sample | null;
  /** ours / floor (medians), or the absolute figure the goal is stated in. */
  readonly ratio: number | null;
  readonly goal: string;
  /** Null when not measured, or in smoke mode (nothing is judged). */
  readonly met: boolean | null;
  /** A goal the run asserts: a full run that misses it exits 1 (the first screen's paint and size). */
  readonly asserted?: boolean;
  readonly note?: string;
}

export interface BenchOptions {
  /** A few runs of everything, nothing judged: proves the script still runs. */
  readonly smoke: boolean;
  /** The project folder (absolute). */
  readonly root: string;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const lo = sorted[mid - 1];
  const hi = sorted[mid];
  if (hi === undefined) return Number.NaN;
  return sorted.length % 2 === 0 && lo !== undefined ? (lo + hi) / 2 : hi;
};

export const sample = (values: readonly number[]): Sample => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
  runs: values.length,
});

/** Milliseconds one call of `fn` takes (monotonic clock). */
export const timeMs = async (fn: () => unknown): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/** `runs` timings, alternating ours and floor so drift on a shared machine hits both alike. */
export const paired = async (
  runs: number,
  ours: () => unknown,
  floor: () => unknown,
): Promise<{ ours: Sample; floor: Sample }> => {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    a.push(await timeMs(ours));
    b.push(await timeMs(floor));
  }
  return { ours: sample(a), floor: sample(b) };
};

export const ratioRow = (
  base: Omit<BenchRow, 'ratio' | 'met'>,
  limit: number,
  smoke: boolean,
  ratioOf: (ours: Sample, floor: Sample) => number = (o, f) => o.median / f.median,
): BenchRow => {
  if (base.ours === null || base.floor === null) return { ...base, ratio: null, met: null };
  const ratio = ratioOf(base.ours, base.floor);
  return { ...base, ratio, met: smoke ? null : ratio <= limit };
};

export const notMeasured = (figure: string, unit: string, goal: string, note: string): BenchRow => ({
  figure,
  unit,
  ours: null,
  floor: null,
  ratio: null,
  goal,
  met: null,
  note,
});
