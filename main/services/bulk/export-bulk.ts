import { randomUUID } from 'node:crypto';
import { fail, type Result } from '../../../shared/contract/define';
import { BULK_BUNDLE_FORMAT_VERSION, BULK_BUNDLE_PAYLOAD_TYPE, BUNDLE_MAX_REPOSITORIES, evaluateBulkReadiness, type BundleRepository } from '../../../shared/domain/bulk-bundle';
import { routeOf, verdictTotals, type BulkPlan } from '../../../shared/domain/bulk-plan';
import type { CredentialMeta } from '../../../shared/domain/credential-meta';
import { BUNDLE_DEFAULT_EXPIRY_DAYS, BUNDLE_FILE_SUFFIX, BulkBundlePayload, bundleTargetOf } from '../../../shared/domain/bundle';
import { basicUsersOf } from '../scrub/target-secrets';
import { radarSectionOf } from '../bundle/build-payload';
import { packageBundle, type BundleExport, type BundleExportDeps } from '../bundle/export-bundle';

// One signed bundle for a checked plan: format version 2, through the one signing path
// (packageBundle: DSSE over the exact payload bytes, the printable summary, the secret scan).
// Excluded rows are left out; every included row must carry a finished verdict.

const DAY_MS = 24 * 60 * 60 * 1000;

export const exportBulkBundle = async (
  deps: BundleExportDeps,
  plan: BulkPlan,
  o: { readonly expiresInDays?: number | undefined; readonly forbidden: readonly string[]; readonly credentialMeta?: CredentialMeta | undefined },
): Promise<Result<BundleExport>> => {
  const included = plan.repositories.filter((r) => !r.excluded);
  const readiness = evaluateBulkReadiness(plan.instance, plan.instance_checks, included);
  if (readiness.verdict !== 'ready') {
    const why = readiness.blocking.length > 0 ? `blocked by ${readiness.blocking.join(', ')}` : readiness.pending.join(' ');
    return fail('BUNDLE_EXPORT_BLOCKED', `The plan is not ready to export (${why}).`.slice(0, 600), { verdict: readiness.verdict, blocking: readiness.blocking, pending: readiness.pending });
  }
  if (included.length > BUNDLE_MAX_REPOSITORIES) {
    return fail('BUNDLE_EXPORT_BLOCKED', `One bundle holds at most ${BUNDLE_MAX_REPOSITORIES} repositories; this plan includes ${included.length}. Split it by project.`);
  }
  const key = await deps.keys.load();
  if (!key.ok) return key;
  const repositories: BundleRepository[] = included.flatMap((r) =>
    r.result === undefined
      ? []
      : [{ project: r.project, slug: r.slug, ...(r.name === undefined ? {} : { name: r.name }), route: routeOf(plan.routes, r), verdict: r.result.verdict, ...(r.result.code === undefined ? {} : { code: r.result.code }), detail: r.result.detail, checked_at: r.result.checked_at }],
  );
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + (o.expiresInDays ?? BUNDLE_DEFAULT_EXPIRY_DAYS) * DAY_MS).toISOString();
  const payload = BulkBundlePayload.parse({
    format_version: BULK_BUNDLE_FORMAT_VERSION,
    bundle_id: (deps.newBundleId ?? randomUUID)(),
    issued_at: now.toISOString(),
    expires_at: expiresAt,
    app: { name: deps.app.name, version: deps.app.version },
    signing_key: { algorithm: 'Ed25519', public_key_spki: key.value.info.public_key_spki, fingerprint: key.value.info.fingerprint },
    target: bundleTargetOf(plan.instance),
    checks: plan.instance_checks,
    routes: plan.routes,
    route_checks: plan.route_checks,
    repositories,
    totals: verdictTotals(included),
    readiness,
    radar: radarSectionOf({ target: plan.instance, checks: plan.instance_checks, credentialMeta: o.credentialMeta }, now.toISOString(), expiresAt),
  });
  const fileName = `${plan.instance.id}-bulk-${payload.issued_at.slice(0, 10).replace(/-/g, '')}${BUNDLE_FILE_SUFFIX}`;
  return packageBundle(payload, BULK_BUNDLE_PAYLOAD_TYPE, key.value, fileName, { secrets: o.forbidden, users: basicUsersOf(plan.instance) });
};
