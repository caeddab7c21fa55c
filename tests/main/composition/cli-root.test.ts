import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCliRoot } from '../../../main/composition/cli-root';

// The CLI's composition root as the entry builds it: what each client talks to, and what it leaves on disk.

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'bts-cli-root-'));
  dirs.push(d);
  return d;
};

const cloudDraft = {
  provider_key: 'bitbucket_cloud_issues',
  deployment_mode: 'cloud',
  base_url: 'https://api.bitbucket.org/2.0',
  workspace: 'acme',
  repository_slug: 'payments',
  auth_method: 'api_token',
  account_email: 'dana@acme.example',
} as const;

describe('createCliRoot', () => {
  it('client() is the CLI mode api over the settings file in dataDir', async () => {
    const dataDir = tempDir();
    const io = createCliRoot({ dataDir, staticDir: tempDir() });
    const info = await io.client()['app.info']({});
    expect(info).toMatchObject({ ok: true, value: { mode: 'cli' } });
    expect(io.client()).toBe(io.client());
    const saved = await io.client()['targets.save']({ target: cloudDraft });
    expect(saved.ok).toBe(true);
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
  });

  it('sessionClient() is a fresh in-memory api each time: nothing reaches the file or another session', async () => {
    const dataDir = tempDir();
    const io = createCliRoot({ dataDir, staticDir: tempDir() });
    const session = io.sessionClient();
    expect(await session['app.info']({})).toMatchObject({ ok: true, value: { mode: 'cli' } });
    const saved = await session['targets.save']({ target: cloudDraft });
    expect(saved.ok).toBe(true);
    expect(await session['targets.list']({})).toMatchObject({ ok: true, value: [{ target: { workspace: 'acme' } }] });
    expect(await io.sessionClient()['targets.list']({})).toEqual({ ok: true, value: [] });
    expect(await io.client()['targets.list']({})).toEqual({ ok: true, value: [] });
    expect(readdirSync(dataDir).filter((f) => f !== 'logs')).toEqual([]);
  });

  it('startBrowserServer() serves staticDir on 127.0.0.1 with the browser mode api', async () => {
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ui</title>');
    const io = createCliRoot({ dataDir: tempDir(), staticDir });
    const server = await io.startBrowserServer({ port: 0 });
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${server.origin}/`)).text()).toContain('<title>ui</title>');
      const launch = await fetch(server.launchUrl(), { redirect: 'manual' });
      const cookie = (launch.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(cookie).toContain(`${server.cookieName}=`);
      const info = await fetch(`${server.origin}/api/app.info`, { method: 'POST', headers: { cookie, origin: server.origin, 'content-type': 'application/json' }, body: '{}' });
      expect(await info.json()).toMatchObject({ ok: true, value: { mode: 'browser' } });
    } finally {
      await server.close();
    }
  });
});
