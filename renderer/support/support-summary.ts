import type { AppInfo, TargetRecord } from '../../shared/contract';
import { judgeRadar, RADAR_DEFAULT_WITHIN_DAYS, RADAR_STATUS_WORD } from '../../shared/domain/radar-judge';
import { stepDef } from '../../shared/domain/step-graph';
import type { StepId } from '../../shared/domain/step-ids';
import type { AppError } from '../../shared/errors/codes';
import { redactText } from '../safe-mode/redact';
import { sensitiveNamesOf } from '../safe-mode/sensitive-names';

export interface SummaryInput {
  readonly info: AppInfo | null;
  readonly screen: string;
  readonly step: StepId;
  readonly record: TargetRecord | null;
  readonly targets: readonly TargetRecord[];
  readonly failure: AppError | null;
  readonly safeMode: boolean;
  /** The day the radar's dates are judged against; today when absent. */
  readonly now?: Date;
}

const checkLines = (r: TargetRecord): string[] => {
  const c = r.checks;
  const lines: string[] = [];
  if (c.url_safety !== undefined) lines.push(`url_safety: ${c.url_safety.status}${c.url_safety.reason !== undefined ? ` (${c.url_safety.reason})` : ''}`);
  if (c.network !== undefined) lines.push(`network: ${c.network.status}${c.network.reason !== undefined ? ` (${c.network.reason})` : ''}`);
  if (c.auth !== undefined) lines.push(`auth: ${c.auth.status}`);
  if (c.workspace !== undefined) lines.push(`workspace role: ${c.workspace.role}`);
  if (c.repository !== undefined) lines.push(`repository: ${c.repository.status}`);
  if (c.issue_tracking !== undefined) lines.push(`issue tracking: ${c.issue_tracking.available ? 'available' : 'unavailable'}`);
  if (c.scopes !== undefined) lines.push(`scopes: ${c.scopes.status}`);
  if (c.jira !== undefined) lines.push(`jira: ${c.jira.status}`);
  return lines;
};

/** The expiry radar of a record, one line an item: status, date, kind, what expires, how the date is known. */
const radarLines = (r: TargetRecord, now: Date): string[] =>
  judgeRadar(r.radar ?? [], r.target.name, now, RADAR_DEFAULT_WITHIN_DAYS).map(
    (i) => `  radar: ${RADAR_STATUS_WORD[i.status]} ${i.date ?? '(no date)'} ${i.kind}: ${i.subject} [${i.basis}]`,
  );

const targetLines = (r: TargetRecord, now: Date): string[] => [
  `target: ${r.target.name} (${r.target.provider_key}, ${r.target.deployment_mode})`,
  `  verdict: ${r.readiness.verdict}; can save: ${r.readiness.can_save}; can export: ${r.readiness.can_export}`,
  `  blocking: ${r.readiness.blocking.length > 0 ? r.readiness.blocking.join(', ') : 'none'}`,
  `  credential: ${r.credential}`,
  ...checkLines(r).map((l) => `  ${l}`),
  ...radarLines(r, now),
];

/**
 * The plain-text summary support asks for: app version, where the admin is, codes and check
 * verdicts. The renderer never holds a secret to leak; with safe mode on, hosts and names are masked.
 */
export const supportSummary = (s: SummaryInput): string => {
  const lines = [
    'Bitbucket Target Setup: support summary',
    `app: ${s.info?.name ?? 'unknown'} ${s.info?.version ?? ''} (${s.info?.mode ?? 'unknown'} mode)`.trim(),
    `screen: ${s.screen}${s.screen === 'wizard' ? `, step: ${stepDef(s.step).title}` : ''}`,
    `safe mode: ${s.safeMode ? 'on' : 'off'}`,
  ];
  if (s.failure !== null) lines.push(`last error: ${s.failure.code}: ${s.failure.message}`);
  const records = s.record !== null ? [s.record] : s.targets;
  for (const r of records) lines.push(...targetLines(r, s.now ?? new Date()));
  const text = `${lines.join('\n')}\n`;
  if (!s.safeMode) return text;
  const names = [...(s.record === null ? [] : [s.record]), ...s.targets].flatMap((r) => sensitiveNamesOf(r.target, r.checks));
  return redactText(text, [...names, ...records.map((r) => r.target.name)]);
};
