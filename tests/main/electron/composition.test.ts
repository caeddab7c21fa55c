import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_SCHEME } from '../../../main/electron/app-origin';
import { CA_PICK_CHANNEL, channelFor, METHOD_NAMES } from '../../../shared/contract/method-names';
import { startDesktopProcess, type DesktopProcess } from '../../support/electron-stub/desktop-process';
import { expectProxyConfigRefused } from '../../support/url-safety/proxy-config';
import { startProxyWorld, type ProxyWorld } from '../../support/url-safety/proxy-world';

// The desktop composition root as the app runs it: `startDesktop` (what main/index.ts calls), in a
// child plain-Node process where `electron` resolves to the recording stub of
// tests/support/electron-stub/ and nothing else is replaced but the resolver, the address judge
// (to reach the loopback Data Center) and the keychain (in memory). HTTPS_PROXY reaches it the way
// it reaches the app: in the process environment. Before issue 11 this root handed the URL checks
// no network at all, so the wizard's check ignored HTTPS_PROXY while "Test connection" honoured it;
// a root that passed anything but process.env would fail here too.

describe('the desktop entry in plain Node with a stub electron: one proxy env for the URL check and the provider calls', () => {
  let pw: ProxyWorld;
  let desktop: DesktopProcess;
  let dir: string;
  beforeAll(async () => {
    pw = await startProxyWorld();
    dir = mkdtempSync(join(tmpdir(), 'bts-desktop-root-'));
    desktop = await startDesktopProcess({ env: pw.env, dns: pw.world.dns.server, userData: join(dir, 'userData'), home: join(dir, 'home') });
  }, 60_000);
  afterAll(async () => {
    await desktop.close();
    await pw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts as Electron would run it: privileged scheme, sandbox, denied permissions, one handler per method and the CA dialog, the app page', () => {
    const apis = desktop.startup.map((c) => c.api);
    expect(desktop.startup.find((c) => c.api === 'protocol.registerSchemesAsPrivileged')?.args).toEqual([
      [{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }],
    ]);
    expect(apis).toContain('app.enableSandbox');
    expect(apis).toEqual(expect.arrayContaining(['session.setPermissionRequestHandler', 'session.setPermissionCheckHandler', 'session.setDevicePermissionHandler']));
    expect(desktop.startup.filter((c) => c.api === 'ipcMain.handle').map((c) => c.args[0])).toEqual([...METHOD_NAMES.map(channelFor), CA_PICK_CHANNEL]);
    expect(desktop.startup.find((c) => c.api === 'new BrowserWindow')?.args[0]).toMatchObject({ webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(apis).toContain('webContents.setWindowOpenHandler');
    expect(desktop.startup.find((c) => c.api === 'BrowserWindow.loadURL')?.args).toEqual([APP_ENTRY_URL]);
    expect(apis).not.toContain('app.quit');
  });

  it('the URL check and "Test connection", called over IPC, both reach the Data Center through the CONNECT proxy', async () => {
    const seen = await pw.proveByCalls(desktop.call);
    expect(seen.urlCheck).toMatchObject({ viaProxy: true });
    expect(seen.urlCheck.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(seen.providers).toMatchObject({ viaProxy: true, instance: 'pass' });
    expect(seen.providers.tunnels.length).toBeGreaterThanOrEqual(3);
    expect(await desktop.call('app.info', {})).toMatchObject({ ok: true, value: { mode: 'desktop' } });
  });
});

describe('the desktop entry started with a malformed HTTPS_PROXY', () => {
  let pw: ProxyWorld;
  let desktop: DesktopProcess;
  let dir: string;
  beforeAll(async () => {
    pw = await startProxyWorld();
    dir = mkdtempSync(join(tmpdir(), 'bts-desktop-proxy-'));
    desktop = await startDesktopProcess({ env: { HTTPS_PROXY: 'http://[proxy.corp:3128' }, dns: pw.world.dns.server, userData: join(dir, 'userData'), home: join(dir, 'home') });
  }, 60_000);
  afterAll(async () => {
    await desktop.close();
    await pw.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every call that would connect answers PROXY_CONFIG_INVALID through the IPC handlers, and nothing is sent', async () => {
    await expectProxyConfigRefused((name, input) => desktop.call(name, input), pw, 'HTTPS_PROXY');
  });
});
