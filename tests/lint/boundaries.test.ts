import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// Each boundary of the import table (docs/architecture.md) is proved to bite by linting a
// deliberate violation through the real eslint.config.js, and proved not to over-reach by linting
// an allowed import. The files are virtual: only their path decides which folder rules apply.

const root = fileURLToPath(new URL('../..', import.meta.url));
// Virtual files are not in the TypeScript program, so the typed rules are switched off here.
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked as ESLint.Options['overrideConfig'] });

const BOUNDARY_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'no-restricted-syntax', 'import-x/no-restricted-paths']);

const lint = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  if (!result) throw new Error('ESLint returned no result');
  return result.messages;
};

const importing = (spec: string, name = 'a') => `import { ${name} } from '${spec}';\nexport const used = ${name};\n`;

// [file, offending import]
const VIOLATIONS: ReadonlyArray<readonly [string, string]> = [
  ['shared/contract/x.ts', importing('node:fs')],
  ['shared/contract/x.ts', importing('fs')],
  ['shared/domain/x.ts', importing('crypto')],
  ['shared/domain/x.ts', importing('fs/promises')],
  ['shared/contract/x.ts', importing('electron')],
  ['shared/contract/x.ts', importing('keytar')],
  ['shared/contract/x.ts', importing('undici')],
  ['shared/contract/x.ts', importing('react')],
  ['shared/contract/x.ts', importing('../../main/api')],
  ['shared/contract/x.ts', importing('../../renderer/app')],
  ['shared/x.ts', importing('../preload/index')],
  ['renderer/app/x.tsx', importing('node:path')],
  ['renderer/app/x.tsx', importing('fs')],
  ['renderer/app/x.tsx', importing('electron')],
  ['renderer/app/x.tsx', importing('keytar')],
  ['renderer/app/x.tsx', importing('undici')],
  ['renderer/app/x.tsx', importing('../../main/api')],
  ['renderer/x.tsx', importing('../preload/index')],
  ['renderer/app/x.tsx', 'export const leak = (w: { ipcRenderer: unknown }) => w.ipcRenderer;\n'],
  ['preload/index.ts', importing('../main/api')],
  ['preload/index.ts', importing('../renderer/app')],
  ['preload/index.ts', importing('node:fs')],
  ['preload/index.ts', importing('path')],
  ['preload/index.ts', importing('../shared/contract')],
  ['preload/index.ts', importing('../shared/domain/target')],
  ['preload/index.ts', importing('zod')],
  ['preload/index.ts', importing('electron', 'ipcMain')],
  ['preload/other.ts', importing('electron', 'ipcRenderer')],
  ['main/services/net/x.ts', importing('electron')],
  ['main/services/net/x.ts', importing('../../electron/window')],
  ['main/services/net/x.ts', importing('../../../renderer/app')],
  ['main/services/x.ts', importing('../../preload/index')],
  ['main/api/handlers/x.ts', importing('electron')],
  ['main/api/x.ts', importing('../electron/composition')],
  ['main/server/x.ts', importing('electron')],
  ['main/cli/x.ts', importing('electron')],
  ['main/electron/window.ts', importing('electron', 'ipcMain')],
  ['main/electron/window.ts', importing('../../renderer/app')],
  ['main/electron/window.ts', "import * as electron from 'electron';\nexport const h = electron.ipcMain;\n"],
  ['main/electron/app.ts', importing('electron', 'ipcRenderer')],
  ['main/index.ts', importing('electron', 'ipcMain')],
  ['main/index.ts', importing('./api/index')],
  ['main/index.ts', importing('electron', 'app')],
  // The layers inside main/: services ← api ← server ← composition ← cli · electron.
  ['main/services/net/x.ts', importing('../../api/deps')],
  ['main/services/net/x.ts', importing('../../api/handlers/url-safety')],
  ['main/services/net/x.ts', importing('../../cli/run')],
  ['main/services/net/x.ts', importing('../../server/respond')],
  ['main/services/net/x.ts', importing('../../electron/app-origin')],
  ['main/services/net/x.ts', importing('../../composition/data-dir')],
  ['main/services/x.ts', "import type { ApiDeps } from '../api/deps';\nexport type Used = ApiDeps;\n"],
  ['main/api/x.ts', importing('../server/respond')],
  ['main/api/handlers/x.ts', importing('../../cli/run')],
  ['main/api/x.ts', importing('../composition/node-deps')],
  ['main/server/x.ts', importing('../cli/run')],
  ['main/server/x.ts', importing('../composition/data-dir')],
  ['main/composition/x.ts', importing('../cli/run')],
  ['main/cli/x.ts', importing('../electron/app-origin')],
  ['main/electron/x.ts', importing('../server/respond')],
  ['main/electron/x.ts', importing('../cli/run')],
];

const ALLOWED: ReadonlyArray<readonly [string, string]> = [
  ['shared/contract/x.ts', importing('zod')],
  ['shared/contract/x.ts', importing('../domain/target')],
  ['renderer/app/x.tsx', importing('react')],
  ['renderer/app/x.tsx', importing('react-dom/client')],
  ['renderer/app/x.tsx', importing('zustand')],
  ['renderer/app/x.tsx', importing('../../shared/contract')],
  ['renderer/app/x.tsx', importing('./main')],
  ['preload/index.ts', "import { contextBridge, ipcRenderer } from 'electron';\nexport const used = [contextBridge, ipcRenderer];\n"],
  ['preload/index.ts', importing('../shared/contract/method-names')],
  ['main/services/net/x.ts', importing('node:fs')],
  ['main/services/net/x.ts', importing('undici')],
  ['main/services/secrets/x.ts', importing('keytar')],
  ['main/services/net/x.ts', importing('../../../shared/contract')],
  ['main/api/x.ts', importing('../services/net/http-client')],
  ['main/electron/window.ts', importing('electron', 'BrowserWindow')],
  ['main/electron/window.ts', "import type { IpcMain } from 'electron';\nexport type Used = IpcMain;\n"],
  ['main/electron/app.ts', importing('electron', 'ipcMain')],
  ['main/index.ts', importing('./electron/app')],
  ['main/electron/app.ts', importing('../api/index')],
  ['main/api/handlers/x.ts', importing('../../services/clock/clock')],
  ['main/server/x.ts', importing('../api/index')],
  ['main/composition/x.ts', importing('../server/browser-server')],
  ['main/composition/x.ts', importing('../api/index')],
  ['main/cli/x.ts', importing('../composition/data-dir')],
  ['main/electron/x.ts', importing('../composition/data-dir')],
];

describe('the import table is enforced by lint', () => {
  it.each(VIOLATIONS)('%s: a deliberate violation fails (%s)', async (file, code) => {
    const messages = await lint(file, code);
    const boundary = messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId));
    expect(boundary.length).toBeGreaterThan(0);
    expect(boundary.every((m) => m.severity === 2)).toBe(true);
  });

  it.each(ALLOWED)('%s: an allowed import passes (%s)', async (file, code) => {
    const messages = await lint(file, code);
    expect(messages).toEqual([]);
  });
});

describe('import cycles are refused', () => {
  // migrate.ts imports settings-data.ts; settings-data.ts importing migrate.ts back closes a loop.
  const CYCLES: ReadonlyArray<readonly [string, string]> = [
    ['main/services/settings/settings-data.ts', importing('./migrate', 'migrateSettings')],
    ['main/api/dispatch.ts', importing('./index', 'createApi')],
    ['shared/errors/codes.ts', importing('../domain/checks', 'CheckResults')],
  ];

  it.each(CYCLES)('%s: importing back (%s) is a cycle', async (file, code) => {
    const messages = await lint(file, code);
    const cycles = messages.filter((m) => m.ruleId === 'import-x/no-cycle');
    expect(cycles.map((m) => [m.severity, m.message])).toEqual([[2, expect.stringMatching(/^Dependency cycle/)]]);
  });

  it('a type-only import back is no cycle: it is erased before anything runs', async () => {
    const messages = await lint('main/services/settings/settings-data.ts', "import type { migrateSettings } from './migrate';\nexport type Used = typeof migrateSettings;\n");
    expect(messages).toEqual([]);
  });
});

describe('the general rules bite', () => {
  it('rejects an explicit any', async () => {
    const messages = await lint('main/services/x.ts', 'export const f = (x: any) => x;\n');
    expect(messages.map((m) => m.ruleId)).toContain('@typescript-eslint/no-explicit-any');
  });

  it('rejects a default export', async () => {
    const messages = await lint('main/services/x.ts', 'const f = 1;\nexport default f;\n');
    expect(messages.map((m) => m.ruleId)).toContain('no-restricted-exports');
  });

  it('applies the rules of hooks in the renderer', async () => {
    const code = "import { useState } from 'react';\nexport const C = ({ on }: { on: boolean }) => { if (on) { useState(0); } return null; };\n";
    const messages = await lint('renderer/app/x.tsx', code);
    expect(messages.map((m) => m.ruleId)).toContain('react-hooks/rules-of-hooks');
  });
});
