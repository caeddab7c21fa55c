import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// What the first screen loads before it paints is what renderer/main.tsx reaches through static
// value imports (type-only imports are erased; `import()` is a lazy chunk). The bench measures the
// size and the paint (docs/performance.md); this keeps the reason they hold from eroding: no
// module of that graph builds a zod schema, and the contract, the wizard and the reviewer stay lazy.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CANDIDATES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

const resolveLocal = (from: string, spec: string): string | null => {
  const base = resolve(dirname(from), spec);
  for (const ext of CANDIDATES) if (existsSync(base + ext) && statSync(base + ext).isFile()) return base + ext;
  return null;
};

/** The value imports of one file: [specifier], skipping `import type`, all-type named lists and `export type`. */
const valueImports = (file: string): string[] => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const specs: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes =
        clause !== undefined &&
        (clause.isTypeOnly || (clause.name === undefined && named !== undefined && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly)));
      if (!allTypes) specs.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      specs.push(node.moduleSpecifier.text);
    }
  }
  return specs;
};

/** Every project file main.tsx reaches statically, and which of them import zod. */
const firstScreen = (): { files: string[]; zodImporters: string[] } => {
  const seen = new Set<string>();
  const zodImporters: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(file)) {
      if (spec === 'zod' || spec.startsWith('zod/')) zodImporters.push(relative(ROOT, file));
      if (!spec.startsWith('.')) continue;
      const target = resolveLocal(file, spec);
      if (target !== null && /\.tsx?$/.test(target)) visit(target);
    }
  };
  visit(resolve(ROOT, 'renderer/main.tsx'));
  return { files: [...seen].map((f) => relative(ROOT, f)), zodImporters };
};

describe('the first screen (renderer/main.tsx and its static imports)', () => {
  const { files, zodImporters } = firstScreen();

  it('builds no zod schema: only shared/zod-jitless.ts imports zod, to switch its JIT off', () => {
    expect(zodImporters).toEqual(['shared/zod-jitless.ts']);
  });

  it('leaves the contract client, the wizard and the reviewer to lazy chunks', () => {
    expect(files).toContain('renderer/screens/status/StatusScreen.tsx');
    expect(files).not.toContain('shared/contract/client.ts');
    expect(files).not.toContain('shared/contract/contract.ts');
    expect(files).not.toContain('renderer/wizard/WizardFrame.tsx');
    expect(files).not.toContain('renderer/screens/reviewer/ReviewerScreen.tsx');
  });
});
