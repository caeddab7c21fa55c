import { describe, expect, it } from 'vitest';
import { mergedDisableFeatures } from './quiet-chromium';
import { initialScripts, staticImports } from './renderer-size';
import { median, notMeasured, ratioRow, sample } from './stats';
import { renderTable } from './table';

// The bench's arithmetic and parsing; the figures themselves are measured by `npm run bench`,
// never asserted in tests.

describe('median and sample', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 1, 1000, 10], 10],
  ])('median(%j) = %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('is NaN for no values', () => {
    expect(median([])).toBeNaN();
  });

  it('keeps the spread and the run count', () => {
    expect(sample([3, 9, 1])).toEqual({ median: 3, min: 1, max: 9, runs: 3 });
  });
});

describe('ratioRow', () => {
  const base = { figure: 'f', unit: 'ms', ours: sample([3]), floor: sample([2]), goal: 'ratio ≤ 2' };

  it('judges ours/floor against the limit', () => {
    expect(ratioRow(base, 2, false)).toMatchObject({ ratio: 1.5, met: true });
    expect(ratioRow(base, 1.2, false)).toMatchObject({ ratio: 1.5, met: false });
  });

  it('judges nothing in smoke mode', () => {
    expect(ratioRow(base, 2, true).met).toBeNull();
  });

  it('can judge an absolute figure', () => {
    expect(ratioRow(base, 1, false, (o) => o.median)).toMatchObject({ ratio: 3, met: false });
  });

  it('leaves an unmeasured row unjudged, with its reason in the table', () => {
    const row = notMeasured('blackhole', 'ms', 'ratio ≤ 1.05', 'not measured: no netns');
    expect(row).toMatchObject({ ratio: null, met: null });
    const text = renderTable([row], false);
    expect(text).toContain('not measured');
    expect(text).toContain('no netns');
  });
});

describe('initialScripts', () => {
  it('lists module scripts and modulepreloads, not stylesheets', () => {
    const html = `<script type="module" crossorigin src="./assets/index-1.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-2.js">
      <link rel="stylesheet" href="./assets/index.css">`;
    expect(initialScripts(html)).toEqual(['./assets/index-1.js', './assets/vendor-2.js']);
  });
});

describe('staticImports', () => {
  it('lists the chunks a built chunk imports statically (they load at start too), not its lazy import() chunks', () => {
    const code = 'import{a as e}from"./rolldown-runtime-1.js";import"./side-2.js";import { b } from "../x/MeaningAndFix-3.js";const w=()=>import("./WizardFrame-4.js");';
    expect(staticImports(code)).toEqual(['./rolldown-runtime-1.js', './side-2.js', '../x/MeaningAndFix-3.js']);
  });
});


describe('mergedDisableFeatures', () => {
  it.each([
    ['no switch yet', ['--headless'], ['A'], '--disable-features=A'],
    ['keeps the existing list first', ['--disable-features=PaintHolding,MediaRouter'], ['A', 'B'], '--disable-features=PaintHolding,MediaRouter,A,B'],
    ['reads only the last switch (the one Chromium honours)', ['--disable-features=Old', '--x', '--disable-features=PaintHolding'], ['A'], '--disable-features=PaintHolding,A'],
    ['names each feature once', ['--disable-features=A,PaintHolding'], ['A'], '--disable-features=A,PaintHolding'],
    ['drops empty names', ['--disable-features=,PaintHolding,'], ['A'], '--disable-features=PaintHolding,A'],
  ])('%s', (_label, args, extra, expected) => {
    expect(mergedDisableFeatures(args, extra)).toBe(expected);
  });
});
