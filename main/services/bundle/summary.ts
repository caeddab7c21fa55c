import type { AnyBundlePayload, BundleSummary } from '../../../shared/domain/bundle';
import type { CheckResults } from '../../../shared/domain/checks';
import { isDataCenter } from '../../../shared/domain/target';

// What a reviewer reads: the flat summary fields of the reviewer view and the CLI, and the
// detached printable summary (plain text, not signed: it says so and points at the bundle).

export const toBundleSummary = (p: AnyBundlePayload): BundleSummary => {
  const t = p.target;
  const bulk =
    p.format_version === 2
      ? { count: p.repositories.length, totals: p.totals, list: p.repositories.map((r) => ({ project: r.project, slug: r.slug, verdict: r.verdict, ...(r.code === undefined ? {} : { code: r.code }) })) }
      : null;
  return {
    bundle_id: p.bundle_id,
    issued_at: p.issued_at,
    expires_at: p.expires_at,
    app: p.app,
    fingerprint: p.signing_key.fingerprint,
    target_id: t.id,
    target_name: t.name,
    provider_key: t.provider_key,
    deployment_mode: t.deployment_mode,
    base_url: t.base_url ?? null,
    workspace: t.workspace ?? null,
    repository_slug: t.repository_slug ?? null,
    allowlist_status: isDataCenter(t) ? (t.allowlist_status ?? null) : null,
    issue_workflow: t.issue_workflow ?? null,
    readiness_verdict: p.readiness.verdict,
    blocking: p.readiness.blocking,
    format_version: p.format_version,
    repositories: bulk,
  };
};

const list = (xs: readonly string[]): string => (xs.length === 0 ? '(none)' : xs.join(', '));

/** One line per check that ran, with its verdict, evidence and time. */
export const evidenceLines = (c: CheckResults): string[] => {
  const lines: string[] = [];
  if (c.url_safety) {
    const u = c.url_safety;
    const addrs = u.addresses.map((a) => `${a.ip} (${a.range})`);
    lines.push(`URL safety: ${u.status}${u.reason ? ` (${u.reason})` : ''}; addresses ${list(addrs)}; at ${u.checked_at}`);
  }
  if (c.network) {
    const n = c.network;
    lines.push(`Network probe: ${n.status}${n.reason ? ` (${n.reason})` : ''}${n.via_proxy ? ' via proxy' : ''}; at ${n.checked_at}`);
    if (n.resolved_by_proxy === true) lines.push('  Addresses resolved by the proxy (unverified): the admin let the proxy resolve the name after it refused the checked address');
    if (n.api_root) lines.push(`  Instance: ${n.api_root.displayName} ${n.api_root.version} (build ${n.api_root.buildNumber})`);
    if (n.tls) lines.push(`  Certificate SHA-256: ${n.tls.fingerprint_sha256}`, `  SPKI pin (SHA-256): ${n.tls.spki_sha256}`);
    for (const r of n.redirects) lines.push(`  Redirect ${r.status}: ${r.from} -> ${r.to} (${r.verdict})`);
  }
  if (c.auth) {
    const who = c.auth.identity?.display_name ?? c.auth.identity?.username ?? c.auth.identity?.account_id;
    lines.push(`Identity: ${c.auth.status}${who ? ` as ${who}` : ''}; at ${c.auth.checked_at}`);
  }
  if (c.workspace) {
    lines.push(`Workspace role: ${c.workspace.role}, ${c.workspace.customer_owned ? 'customer-owned' : 'not customer-owned'}; at ${c.workspace.checked_at}`);
  }
  if (c.repository) lines.push(`Repository: ${c.repository.status}; at ${c.repository.checked_at}`);
  if (c.scopes) {
    const s = c.scopes;
    lines.push(`Scopes: ${s.status}; required ${list(s.required)}; granted ${list(s.granted)}; missing ${list(s.missing)}; at ${s.checked_at}`);
  }
  if (c.issue_tracking) {
    const i = c.issue_tracking;
    lines.push(`Issue tracking: ${i.available ? 'available' : 'unavailable'} (${i.reason}); at ${i.checked_at}`);
  }
  if (c.jira) {
    const j = c.jira;
    const project = j.project ? `; project ${j.project.key}` : '';
    lines.push(`Jira handoff: ${j.status}${j.code ? ` (${j.code})` : ''}${project}; at ${j.checked_at}`);
  }
  return lines;
};

const row = (label: string, value: string): string => `${`${label}:`.padEnd(20)}${value}`;

/** The detached printable summary of a payload. */
export const renderPrintableSummary = (p: AnyBundlePayload, fileName: string): string => {
  const s = toBundleSummary(p);
  const t = p.target;
  const lines = [
    'WebRiskOps Bitbucket target bundle: printable summary',
    `This summary is not signed. Verify ${fileName} itself and compare the fingerprint out of band.`,
    '',
    row('Bundle id', s.bundle_id),
    row('Issued', s.issued_at),
    row('Expires', s.expires_at),
    row('Made by', `${s.app.name} ${s.app.version}`),
    row('Signing key', s.fingerprint),
    '',
    row('Target', `${s.target_name} (${s.target_id})`),
    row('Provider', `${s.provider_key} (${s.deployment_mode})`),
    row('Base URL', s.base_url ?? '(not set)'),
    row('Workspace/project', s.workspace ?? '(not set)'),
    row('Repository', s.repository_slug ?? '(not set)'),
    row('Allowlist status', s.allowlist_status ?? (isDataCenter(t) ? '(missing)' : 'n/a (Bitbucket Cloud)')),
    row('Issue workflow', s.issue_workflow ?? '(not chosen)'),
  ];
  if (isDataCenter(t)) {
    lines.push('', 'Data Center confirmations:');
    for (const [name, c] of Object.entries(t.confirmations)) {
      if (c !== undefined) lines.push(`  ${name}: ${c.confirmed_by} at ${c.confirmed_at}`);
    }
  }
  lines.push('', `Readiness: ${p.readiness.verdict}`);
  if (p.format_version === 2) {
    const totals = Object.entries(p.totals).filter(([, n]) => n > 0).map(([v, n]) => `${v} ${n}`);
    lines.push(`  Repositories: ${p.repositories.length} (${totals.join(', ')})`);
    for (const r of p.repositories) lines.push(`  ${r.verdict.padEnd(13)} ${r.project}/${r.slug}${r.code === undefined ? '' : ` (${r.code})`}`);
  } else {
    for (const st of p.readiness.states) {
      const mark = !st.applicable ? '[n/a]' : st.ready ? '[ok] ' : '[no] ';
      lines.push(`  ${mark} ${st.label}: ${st.reason}`);
    }
  }
  if (p.readiness.blocking.length > 0) lines.push(`  Blocking: ${p.readiness.blocking.join(', ')}`);
  lines.push('', 'Evidence:', ...evidenceLines(p.checks).map((l) => `  ${l}`));
  if (p.radar !== undefined) {
    lines.push('', `Expiry radar (as known at ${p.radar.generated_at}):`);
    for (const e of p.radar.entries) lines.push(`  ${(e.date ?? '(no date)').padEnd(10)}  ${e.kind.padEnd(20)} ${e.subject} [${e.basis}]`);
  }
  lines.push('');
  return lines.join('\n');
};
