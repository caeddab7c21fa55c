import { fail, ok } from '../../../shared/contract/define';
import { decodeBase64Strict } from '../../services/bundle/dsse';
import { diffBundles } from '../../services/bundle-diff/diff-bundles';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';

type BundleDiffHandlers = Pick<Handlers, 'bundle.diff'>;

export const bundleDiffHandlers = (deps: ApiDeps): BundleDiffHandlers => ({
  'bundle.diff': async ({ a_base64, b_base64, fingerprint, trusted }) => {
    const a = decodeBase64Strict(a_base64);
    const b = decodeBase64Strict(b_base64);
    if (a === null || b === null) return fail('REQUEST_INVALID', 'a_base64 and b_base64 must be canonical base64.');
    const r = diffBundles(a, b, { clock: deps.clock, ...(fingerprint === undefined ? {} : { pinnedFingerprint: fingerprint }), ...(trusted === undefined ? {} : { trusted }) });
    deps.logger?.info('bundle.diff', { a: r.a.verdict, b: r.b.verdict, changes: r.changes.length });
    return ok(r);
  },
});
