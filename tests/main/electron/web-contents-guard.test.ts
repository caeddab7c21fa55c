import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../../main/electron/app-origin';
import { guardWebContents, type GuardedContents } from '../../../main/electron/web-contents-guard';

type OpenHandler = (details: { url: string }) => { action: string };

/** A stand-in for Electron's WebContents: real events, the handler kept for inspection. */
const fakeContents = () => {
  const emitter = new EventEmitter();
  let openHandler: OpenHandler | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (h: OpenHandler) => {
      openHandler = h;
    },
  });
  const navigate = (event: string, url: string): boolean => {
    let prevented = false;
    emitter.emit(event, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  const open = (url: string) => {
    if (openHandler === null) throw new Error('no window-open handler');
    return openHandler({ url });
  };
  return { contents: contents as unknown as GuardedContents, navigate, open };
};

const setup = () => {
  const fake = fakeContents();
  const opened: string[] = [];
  const blocked: Array<[string, string]> = [];
  guardWebContents(fake.contents, {
    openDocs: async (url) => {
      opened.push(url);
      return true;
    },
    onBlocked: (what, origin) => blocked.push([what, origin]),
  });
  return { ...fake, opened, blocked };
};

const HOSTILE = ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'http://support.atlassian.com/'];

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s: blocks every foreign URL, lets the app page through', (event) => {
    const g = setup();
    for (const url of HOSTILE) expect(g.navigate(event, url)).toBe(true);
    expect(g.navigate(event, APP_ENTRY_URL)).toBe(false);
    expect(g.blocked).toHaveLength(HOSTILE.length);
  });

  it('never opens a window; hands only allowlisted docs to the system browser', () => {
    const g = setup();
    const docs = 'https://support.atlassian.com/bitbucket-cloud/docs/using-api-tokens/';
    for (const url of [...HOSTILE, APP_ENTRY_URL, docs]) expect(g.open(url)).toEqual({ action: 'deny' });
    expect(g.opened).toEqual([docs]);
  });

  it('refuses to attach a <webview>', () => {
    const g = setup();
    expect(g.navigate('will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('logs only the origin of a blocked URL, never its path or query', () => {
    const g = setup();
    g.navigate('will-navigate', 'https://evil.example/steal?token=abc123');
    expect(JSON.stringify(g.blocked)).not.toContain('abc123');
    expect(g.blocked[0]).toEqual(['navigation', 'https://evil.example']);
  });
});
