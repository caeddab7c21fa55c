import type { BundleSummary } from '../../../shared/domain/bundle';
import { Masked } from '../../safe-mode/Masked';

const Row = ({ name, value }: { readonly name: string; readonly value: string | null }) => (
  <div>
    <dt>{name}</dt>
    <dd>{value === null ? '—' : <Masked text={value} />}</dd>
  </div>
);

/** What the bundle configures: the target, its allowlist status and the readiness verdict. */
export const BundleTarget = ({ summary: s }: { readonly summary: BundleSummary }) => (
  <>
    <h3 className="section-title">Target</h3>
    <dl className="facts">
      <Row name="Name" value={s.target_name} />
      <Row name="provider_key" value={s.provider_key} />
      <Row name="deployment_mode" value={s.deployment_mode} />
      <Row name="base_url" value={s.base_url} />
      <Row name="Workspace / project" value={s.workspace} />
      <Row name="Repository" value={s.repository_slug} />
      <Row name="allowlist_status" value={s.allowlist_status ?? (s.deployment_mode === 'cloud' ? 'not applicable (Cloud)' : 'missing')} />
      <Row name="issue_workflow" value={s.issue_workflow} />
      <Row name="Readiness verdict" value={s.readiness_verdict} />
      <Row name="Blocking codes" value={s.blocking.length > 0 ? s.blocking.join(', ') : 'none'} />
      <Row name="Issued" value={s.issued_at} />
      <Row name="Expires" value={s.expires_at} />
      <Row name="Exported by" value={`${s.app.name} ${s.app.version}`} />
    </dl>
  </>
);
