import { scanRadar, type RadarSource } from '../../services/radar/scan';
import type { ApiDeps } from '../deps';
import type { Handlers } from '../dispatch';

type RadarHandlers = Pick<Handlers, 'radar.scan'>;

export const radarHandlers = (deps: ApiDeps): RadarHandlers => ({
  'radar.scan': async (input) => {
    const source: RadarSource =
      input.bundle_base64 !== undefined
        ? {
            kind: 'bundle',
            bytesBase64: input.bundle_base64,
            ...(input.fingerprint === undefined ? {} : { fingerprint: input.fingerprint }),
            ...(input.trusted === undefined ? {} : { trusted: input.trusted }),
          }
        : input.probe !== undefined
          ? {
              kind: 'probe',
              urls: input.probe,
              acknowledgePrivate: input.acknowledge_private,
              ...(input.ca_pem === undefined ? {} : { caPem: input.ca_pem }),
              ...(input.allowlist_status === undefined ? {} : { allowlistStatus: input.allowlist_status }),
            }
          : { kind: 'targets', ...(input.target === undefined ? {} : { ref: input.target }) };
    const r = await scanRadar(deps, source, input.within_days);
    if (r.ok) deps.logger?.info('radar.scan', { source: source.kind, items: r.value.items.length, due: r.value.due });
    return r;
  },
});
