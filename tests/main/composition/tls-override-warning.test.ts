import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeDeps } from '../../../main/composition/node-deps';

// The plain-Node composition root (CLI and browser mode) says at start-up that an inherited
// NODE_TLS_REJECT_UNAUTHORIZED is ignored: a note for the terminal and a line in the app log.

describe('the NODE_TLS_REJECT_UNAUTHORIZED start-up warning', () => {
  const dirs: string[] = [];
  const start = (env: Record<string, string>) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bts-tls-warn-'));
    dirs.push(dataDir);
    const notes: string[] = [];
    const deps = createNodeDeps({ dataDir, mode: 'cli', env, note: (l) => notes.push(l) });
    return { deps, notes, logFile: join(dataDir, 'logs', 'app.log') };
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it.each(['0', ''])('set to %j: a stderr note naming the variable and a warn line in the app log', async (value) => {
    const { deps, notes, logFile } = start({ NODE_TLS_REJECT_UNAUTHORIZED: value });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^warning: NODE_TLS_REJECT_UNAUTHORIZED is set: this app ignores it and always verifies certificates/u);
    await deps.logger?.flush();
    const line = JSON.parse(readFileSync(logFile, 'utf8').trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'warn', message: 'TLS verification override ignored' });
    expect(JSON.stringify(line)).toContain('NODE_TLS_REJECT_UNAUTHORIZED');
  });

  it('not set: nothing is said', async () => {
    const { deps, notes, logFile } = start({ HTTPS_PROXY: 'http://proxy.corp:3128' });
    expect(notes).toEqual([]);
    await deps.logger?.flush();
    expect(() => readFileSync(logFile, 'utf8')).toThrow();
  });
});
