import type { NetworkRequestDocument } from '../../../shared/contract/network-request';

// The change request as Markdown, to paste into a ticket. Server strings are escaped so a hostile
// certificate subject cannot add a table row or a link.

const md = (t: string): string => t.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
const code = (t: string): string => `\`${t.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;

export const renderMarkdown = (d: NetworkRequestDocument): string => {
  const cert = d.certificate;
  const lines = [
    `# ${md(d.title)}`,
    '',
    `**Status:** ${d.verdict === 'reached' ? 'the probe reached the API root' : `the probe failed at the **${md(d.failure?.stage ?? '?')}** stage (${md(d.failure?.reason ?? '?')})`}  `,
    `**Checked:** ${d.checked_at} by ${md(d.app.name)} ${md(d.app.version)}`,
    '',
    '## What is asked',
    '',
    ...d.asks.map((a) => `- ${md(a)}`),
    '',
    `**Path:** ${md(d.path)}`,
    '',
    '## Destination',
    '',
    '| field | value |',
    '| --- | --- |',
    `| URL | ${code(d.destination.url)} |`,
    `| host | ${code(d.destination.host)} |`,
    `| port | ${d.destination.port} |`,
    `| protocol | ${md(d.destination.protocol)}${d.destination.tls_version === null ? '' : ` (${md(d.destination.tls_version)})`} |`,
    `| SNI | ${d.destination.sni === null ? 'none (IP literal)' : code(d.destination.sni)} |`,
    `| allowlist status | ${d.allowlist_status ?? 'not set'} |`,
    '',
    '## Addresses',
    '',
    ...(d.addresses.length === 0 ? ['(none resolved)'] : ['| address | family | class |', '| --- | --- | --- |', ...d.addresses.map((a) => `| ${code(a.ip)} | IPv${a.family} | ${md(a.class)} |`)]),
    '',
    '## Certificate',
    '',
    ...(cert === null
      ? ['(no certificate was seen)']
      : [
          '| field | value |',
          '| --- | --- |',
          `| subject | ${code(cert.subject)} |`,
          `| issuer | ${code(cert.issuer)} |`,
          `| SHA-256 fingerprint | ${code(cert.fingerprint_sha256)} |`,
          `| valid from | ${cert.not_before} |`,
          `| not after | ${cert.not_after} |`,
          `| trusted by this machine | ${cert.trusted ? 'yes' : 'NO (read without trusting it; nothing was sent)'} |`,
        ]),
    '',
    '## This machine',
    '',
    `- source address: ${d.source_address === null ? 'not seen (no direct connection completed)' : code(d.source_address)}`,
    `- resolver: ${d.resolver.servers.length === 0 ? 'system default' : d.resolver.servers.map(code).join(', ')}`,
    `- proxy: ${d.proxy.used ? code(d.proxy.proxy ?? '(unknown)') : 'none (direct connection)'}`,
    '',
    '## Stages',
    '',
    '| stage | status | ms | detail |',
    '| --- | --- | --- | --- |',
    ...d.stages.map((s) => `| ${s.stage} | ${s.status} | ${s.ms} | ${md(s.detail ?? '')} |`),
    '',
    ...(d.failure === null ? [] : ['## What failed', '', `- stage: ${md(d.failure.stage)}`, `- reason: ${md(d.failure.reason)}`, `- evidence: ${md(d.failure.detail)}`, '']),
    ...(d.api_root === null ? [] : [`Bitbucket answered: ${md(d.api_root.display_name)} ${md(d.api_root.version)}`, '']),
  ];
  return `${lines.join('\n')}\n`;
};
