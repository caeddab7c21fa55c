import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('build/package.mjs --check', () => {
  it('reports what packaging needs without building or downloading anything', () => {
    const out = execFileSync(process.execPath, ['build/package.mjs', '--check'], { cwd: root, encoding: 'utf8', timeout: 20_000 });
    expect(out).toMatch(/config: .*electron-builder\.yml \(present\)/);
    expect(out).toMatch(/electron: +41\.7\.1/);
    expect(out).toMatch(/cached runtimes:/);
    expect(out).toMatch(/keytar: .*rebuilt for Electron/);
  });
});
