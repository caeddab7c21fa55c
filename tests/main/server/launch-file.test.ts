import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLaunchFile, launchPage } from '../../../main/server/launch-file';

const dirs: string[] = [];
const runtime = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'bts-launch-file-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const LINK = 'http://127.0.0.1:4321/launch?code=' + 'ab'.repeat(32);

describe('launch file', () => {
  it('is an owner-only (0600) page in the private folder, even under umask 0, sending the browser to the link', async () => {
    const old = process.umask(0);
    let made;
    try {
      made = await createLaunchFile({ XDG_RUNTIME_DIR: runtime() }, () => LINK);
    } finally {
      process.umask(old);
    }
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(statSync(made.file.path).mode & 0o777).toBe(0o600);
    expect(made.file.fileUrl).toBe(`file://${made.file.path}`);
    const html = readFileSync(made.file.path, 'utf8');
    expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${LINK}">`);
    expect(html).not.toMatch(/<script/i);
    await made.file.remove();
    expect(existsSync(made.file.path)).toBe(false);
    await made.file.remove();
  });

  it('hands its remover to the code it holds, so spending the code deletes the file', async () => {
    let spend: () => void = () => undefined;
    const made = await createLaunchFile({ XDG_RUNTIME_DIR: runtime() }, (removeFile) => {
      spend = removeFile;
      return LINK;
    });
    expect(made.ok && existsSync(made.file.path)).toBe(true);
    spend();
    await expect.poll(() => made.ok && existsSync(made.file.path)).toBe(false);
  });

  it('sweeps launch files a killed serve left behind once their codes have expired, and keeps younger ones', async () => {
    const dir = runtime();
    const folder = join(dir, 'bitbucket-target-setup');
    mkdirSync(folder, { mode: 0o700 });
    const stale = join(folder, 'launch-00000000000000aa.html');
    const young = join(folder, 'launch-00000000000000bb.html');
    const other = join(folder, 'notes.html');
    for (const file of [stale, young, other]) writeFileSync(file, 'x', { mode: 0o600 });
    const elevenMinutesAgo = new Date(Date.now() - 11 * 60_000);
    utimesSync(stale, elevenMinutesAgo, elevenMinutesAgo);
    utimesSync(other, elevenMinutesAgo, elevenMinutesAgo);
    const made = await createLaunchFile({ XDG_RUNTIME_DIR: dir }, () => LINK);
    expect(made.ok).toBe(true);
    expect([existsSync(stale), existsSync(young), existsSync(other)]).toEqual([false, true, true]);
  });

  it('is not written when the folder is not private', async () => {
    const got = await createLaunchFile({ XDG_RUNTIME_DIR: 'relative' }, () => LINK);
    expect(got).toEqual({ ok: false, reason: expect.stringMatching(/not an absolute path/) });
  });

  it('escapes the link into the page', () => {
    const html = launchPage('http://127.0.0.1:1/launch?code=a&x="><script>');
    expect(html).toContain('url=http://127.0.0.1:1/launch?code=a&amp;x=&quot;>&lt;script>');
    expect(html).not.toContain('<script>');
  });
});
