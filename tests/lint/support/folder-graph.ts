import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

// The import graph between the folders directly under one directory (main/services/*): an edge
// A → B for every import, type-only ones included, from a file under A that resolves to a file
// under B. import-x/no-cycle sees cycles of files; two folders can still lean on each other
// through different files (net → url-safety/check-url, url-safety/probe → net), which makes them
// one unit in all but name. This finds those.

const SOURCE = /\.(ts|tsx|mts)$/;
const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });

const resolveImport = (from: string, spec: string): string | null => {
  if (!spec.startsWith('./') && !spec.startsWith('../')) return null;
  const base = resolve(dirname(from), spec);
  for (const ext of CANDIDATES) {
    const path = base + ext;
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return null;
};

/** The folder of `root` a file lies in, or null for a file outside every folder of it. */
const folderOf = (root: string, file: string): string | null => {
  const rel = relative(root, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  return parts.length > 1 ? (parts[0] ?? null) : null;
};

export interface FolderEdge {
  readonly from: string;
  readonly to: string;
  /** One import that makes the edge, `file → specifier`, relative to root. */
  readonly via: string;
}

export const folderEdges = (root: string): FolderEdge[] => {
  const edges = new Map<string, FolderEdge>();
  for (const file of sourceFiles(root)) {
    const from = folderOf(root, file);
    if (from === null) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: spec } of importedFiles) {
      const target = resolveImport(file, spec);
      const to = target === null ? null : folderOf(root, target);
      if (to === null || to === from || edges.has(`${from}→${to}`)) continue;
      edges.set(`${from}→${to}`, { from, to, via: `${relative(root, file)} → ${spec}` });
    }
  }
  return [...edges.values()];
};

/** Every set of two or more folders that reach each other (Tarjan's strongly connected components), each sorted. */
export const folderCycles = (edges: readonly FolderEdge[]): string[][] => {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].sort();
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (;;) {
      const w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return cycles;
};
