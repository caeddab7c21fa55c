import { recheckBundle } from '../../services/recheck/recheck';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';

type RecheckHandlers = Pick<Handlers, 'recheck.run'>;

export const recheckHandlers = (deps: ApiDeps): RecheckHandlers => ({
  'recheck.run': async ({ bundle_base64, ca_pem, fingerprint, trusted }) => {
    const r = await recheckBundle(
      { clock: deps.clock, network: deps.network },
      { bytesBase64: bundle_base64, ...(ca_pem === undefined ? {} : { caPem: ca_pem }), ...(fingerprint === undefined ? {} : { fingerprint }), ...(trusted === undefined ? {} : { trusted }) },
    );
    if (r.ok) deps.logger?.info('recheck.run', { bundle_id: r.value.bundle.bundle_id, drift: r.value.drift.map((d) => d.kind) });
    return r;
  },
});
