import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../../main/api';
import { createNodeDeps } from '../../../../main/composition/node-deps';
import type { TargetRecord } from '../../../../shared/contract/targets';
import { confirmed } from '../../../support/domain-builders';

// What lands in settings.json when a Data Center base URL is saved: the normalised URL, and never
// a URL carrying user info (a password typed into the URL used to sit there in clear).

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh app on its own data directory, and a reader of its settings.json as written. */
const app = () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bts-save-target-'));
  dirs.push(dataDir);
  const api = createApi(createNodeDeps({ dataDir, mode: 'cli', env: {} }));
  const settings = (): string => {
    try {
      return readFileSync(join(dataDir, 'settings.json'), 'utf8');
    } catch {
      return '';
    }
  };
  return { api, settings };
};

const draft = (base_url: string, extra: Record<string, unknown> = {}) => ({
  target: {
    provider_key: 'bitbucket_data_center_issues',
    deployment_mode: 'self-hosted',
    name: 'Acme Bitbucket',
    confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
    base_url,
    ...extra,
  },
});

describe('saving a Data Center base_url', () => {
  it.each([
    ['https://admin:hunter2-secret@bitbucket.corp.acme.com/bitbucket', 'hunter2-secret'],
    ['https://svc-token-6f1a@bitbucket.corp.acme.com/', 'svc-token-6f1a'],
    // Not a URL the syntax stage accepts for other reasons too; still never written.
    ['https:admin:pw-no-slashes-77@bitbucket.corp.acme.com/', 'pw-no-slashes-77'],
    ['https:///admin:pw-three-slashes-78@bitbucket.corp.acme.com/', 'pw-three-slashes-78'],
    ['https://admin:pw-soft-hyphen-79@bit\u00adbucket.corp.acme.com/', 'pw-soft-hyphen-79'],
  ])('%s is refused (PROVIDER_BASE_URL_BLOCKED, userinfo) and nothing of it is written', async (url, secret) => {
    const { api, settings } = app();
    const r = await api.call('targets.save', draft(url));
    expect(r).toMatchObject({ ok: false, error: { code: 'PROVIDER_BASE_URL_BLOCKED', details: { reason: 'userinfo', issues: [{ path: 'target.base_url' }] } } });
    expect(JSON.stringify(r)).not.toContain(secret);
    expect(settings()).not.toContain(secret);
    expect(settings()).not.toContain('bitbucket.corp.acme.com');
  });

  it('a Jira URL with user info is refused the same way', async () => {
    const { api, settings } = app();
    const jira = { flavor: 'data_center', base_url: 'https://ops:jira-pw-31@jira.corp.acme.com', auth_method: 'personal_access_token' };
    const r = await api.call('targets.save', draft('https://bitbucket.corp.acme.com', { jira }));
    expect(r).toMatchObject({ ok: false, error: { code: 'PROVIDER_BASE_URL_BLOCKED', details: { reason: 'userinfo', issues: [{ path: 'target.jira.base_url' }] } } });
    expect(settings()).not.toContain('jira-pw-31');
  });

  it.each([
    ['HTTPS://Bitbucket.Corp.ACME.com:443/bitbucket/', 'https://bitbucket.corp.acme.com/bitbucket'],
    // A query or fragment would swallow the API path a client appends: it is not stored.
    ['https://bitbucket.corp.acme.com./bitbucket?x=1#frag', 'https://bitbucket.corp.acme.com/bitbucket'],
    ['https://bitbucket.corp.acme.com:8443/', 'https://bitbucket.corp.acme.com:8443'],
    ['https://B\u00fccher.corp.acme.com', 'https://xn--bcher-kva.corp.acme.com'],
  ])('%s is stored as %s', async (url, normalized) => {
    const { api, settings } = app();
    const r = await api.call('targets.save', draft(url));
    expect(r.ok).toBe(true);
    const saved = r.ok ? (r.value as TargetRecord).target : undefined;
    expect(saved && 'base_url' in saved ? saved.base_url : undefined).toBe(normalized);
    const onDisk = settings();
    expect(onDisk).toContain(JSON.stringify(normalized));
    expect(onDisk).not.toContain(JSON.stringify(url));
  });

  it.each([
    ['HTTPS://Jira.Corp.ACME.com:443/jira/', 'https://jira.corp.acme.com/jira'],
    ['https://jira.corp.acme.com./jira?os_authType=basic#x', 'https://jira.corp.acme.com/jira'],
    ['https://Acme.atlassian.net/', 'https://acme.atlassian.net'],
  ])('the Jira URL %s is stored as %s (the Jira client appends /rest/api/… to it)', async (url, normalized) => {
    const { api, settings } = app();
    const jira = { flavor: 'data_center', base_url: url, auth_method: 'personal_access_token' };
    const r = await api.call('targets.save', draft('https://bitbucket.corp.acme.com', { jira }));
    expect(r.ok).toBe(true);
    expect(r.ok ? (r.value as TargetRecord).target.jira?.base_url : undefined).toBe(normalized);
    expect(settings()).toContain(JSON.stringify(normalized));
    expect(settings()).not.toContain(JSON.stringify(url));
  });

  it('a URL the syntax stage refuses for another reason is kept as typed, so its check can say why', async () => {
    const { api, settings } = app();
    const r = await api.call('targets.save', draft('https://012.011.000.005/bitbucket'));
    expect(r.ok).toBe(true);
    expect(settings()).toContain('"https://012.011.000.005/bitbucket"');
  });
});
