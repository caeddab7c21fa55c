import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// main/cli/ acts only through the contract client: values from shared/, main/composition/ and
// main/cli/ itself, types from anywhere in main/. Linted through the real eslint.config.js on
// virtual files (only their path decides which rules apply).

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked as ESLint.Options['overrideConfig'] });

const lint = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
  if (!result) throw new Error('ESLint returned no result');
  return result.messages;
};

const importing = (spec: string, name = 'a') => `import { ${name} } from '${spec}';\nexport const used = ${name};\n`;
const typeImporting = (spec: string) => `import type { A } from '${spec}';\nexport type Used = A;\n`;

const VIOLATIONS: ReadonlyArray<readonly [string, string]> = [
  ['main/cli/commands/x.ts', importing('../../services/network-check/probe', 'probeDataCenter')],
  ['main/cli/commands/x.ts', importing('../../services/tls/ca-loader', 'readCaFile')],
  ['main/cli/commands/x.ts', importing('../../services/url-safety/resolver', 'createDnsResolver')],
  ['main/cli/commands/x.ts', importing('../../api', 'createApi')],
  ['main/cli/commands/x.ts', importing('../../api/handlers/url-safety')],
  ['main/cli/commands/x.ts', importing('../../server/browser-server', 'startBrowserServer')],
  ['main/cli/x.ts', importing('../services/providers/node-provider-deps', 'createNodeProviderDeps')],
  ['main/cli/x.ts', importing('../api/index')],
  ['main/cli/x.ts', importing('../server')],
  ['main/cli/x.ts', importing('../electron/composition')],
  ['main/cli/x.ts', importing('electron')],
  ['main/cli/x.ts', importing('../../renderer/app')],
];

const ALLOWED: ReadonlyArray<readonly [string, string]> = [
  ['main/cli/commands/x.ts', importing('../../../shared/contract/client', 'createClient')],
  ['main/cli/commands/x.ts', importing('../../../shared/domain/target', 'TargetDraft')],
  ['main/cli/x.ts', importing('../composition/cli-root', 'createCliRoot')],
  ['main/cli/commands/x.ts', importing('../../composition/data-dir', 'defaultDataDir')],
  ['main/cli/commands/x.ts', importing('../cli-io', 'EXIT_OK')],
  ['main/cli/commands/x.ts', importing('./probe', 'probeCommand')],
  ['main/cli/commands/x.ts', importing('node:fs/promises', 'readFile')],
  ['main/cli/commands/x.ts', typeImporting('../../server/browser-server')],
  ['main/cli/commands/x.ts', typeImporting('../../services/network-check/probe')],
  ['main/cli/x.ts', typeImporting('../api')],
  // The rule is main/cli's own: the composition root may wire services, api and server.
  ['main/composition/x.ts', importing('../services/url-safety/resolver', 'createDnsResolver')],
  ['main/composition/x.ts', importing('../server/browser-server', 'startBrowserServer')],
];

describe('main/cli imports values only from the contract client, shared/, main/composition/ and itself', () => {
  it.each(VIOLATIONS)('%s: a violation fails lint (%s)', async (file, code) => {
    const messages = await lint(file, code);
    const boundary = messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports');
    expect(boundary.length).toBeGreaterThan(0);
    expect(boundary.every((m) => m.severity === 2)).toBe(true);
  });

  it('names the way through in its message', async () => {
    const [message] = await lint('main/cli/commands/x.ts', importing('../../services/tls/ca-loader', 'readCaFile'));
    expect(message?.message).toMatch(/contract client.*main\/composition/);
  });

  it.each(ALLOWED)('%s: an allowed import passes (%s)', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
