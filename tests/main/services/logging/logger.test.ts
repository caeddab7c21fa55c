import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../../../main/services/logging/logger';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bts-log-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SECRETS = ['ATATT3xFfGF0secretvalue01', 'hunter2-secret', 'refresh-abc-123'];

describe('createFileLogger', () => {
  it('writes ordered JSON lines with every secret redacted', async () => {
    const file = join(dir, 'logs', 'app.log');
    const log = createFileLogger({ file, now: () => new Date('2026-01-02T03:04:05Z'), knownSecrets: () => ['refresh-abc-123'] });
    log.info(`stored token ${SECRETS[0]}`);
    log.warn('probe failed', { url: 'https://u:hunter2-secret@bb.example/rest', credential: 'anything' });
    log.error('refresh failed', { detail: 'value refresh-abc-123 rejected' });
    await log.flush();
    const text = await readFile(file, 'utf8');
    for (const s of SECRETS) expect(text).not.toContain(s);
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as { level: string; time: string });
    expect(lines.map((l) => l.level)).toEqual(['info', 'warn', 'error']);
    expect(lines[0]?.time).toBe('2026-01-02T03:04:05.000Z');
  });

  it('creates the file owner-only', async () => {
    const file = join(dir, 'app.log');
    const log = createFileLogger({ file });
    log.info('hello');
    await log.flush();
    expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it('rotates a file that grew past the limit', async () => {
    const file = join(dir, 'app.log');
    await writeFile(file, 'x'.repeat(200));
    const log = createFileLogger({ file, maxBytes: 100 });
    log.info('fresh');
    await log.flush();
    expect(await readFile(`${file}.1`, 'utf8')).toBe('x'.repeat(200));
    expect(await readFile(file, 'utf8')).toContain('fresh');
  });
});
