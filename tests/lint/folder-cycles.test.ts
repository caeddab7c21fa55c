import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderCycles, folderEdges } from './support/folder-graph';

// No two folders of main/services may lean on each other, even through different files (which
// import-x/no-cycle, a file-level rule, lets through). The check is proved to bite on a fixture
// tree with two folder cycles and no file cycle, then run on the real main/services.

const at = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

describe('folder-level import cycles between main/services/* folders', () => {
  it('are found in a tree that has them, through value and type-only imports, with no file-level cycle', () => {
    const edges = folderEdges(at('../fixtures/lint/folder-cycle/services'));
    expect(folderCycles(edges)).toEqual([
      ['alpha', 'beta'],
      ['delta', 'epsilon', 'zeta'],
    ]);
    // beta → alpha exists only as a type-only import; gamma → alpha leads into a cycle without closing one.
    expect(edges.find((e) => e.from === 'beta' && e.to === 'alpha')?.via).toBe('beta/c.ts → ../alpha/d');
    expect(folderCycles(edges).flat()).not.toContain('gamma');
  });

  it('do not exist in main/services', () => {
    const edges = folderEdges(at('../../main/services'));
    const cycles = folderCycles(edges);
    const explain = cycles.map((c) => edges.filter((e) => c.includes(e.from) && c.includes(e.to)).map((e) => `${e.from} → ${e.to} (${e.via})`));
    expect(explain).toEqual([]);
    // The graph is real: net builds on url-safety, and the network-check service on both.
    expect(edges.map((e) => `${e.from}→${e.to}`)).toEqual(expect.arrayContaining(['net→url-safety', 'network-check→net', 'network-check→url-safety']));
    // The 429 record both the network-check service and the providers build lives in net (it used to
    // be in providers, which brought a network-check ↔ providers cycle back).
    expect(edges.filter((e) => e.from === 'network-check' && e.to === 'providers')).toEqual([]);
  });
});
