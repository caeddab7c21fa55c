import { ok, type Result } from '../../../shared/contract/define';
import type { DataCenterTarget, TargetConfig } from '../../../shared/domain/target';
import { isDataCenter } from '../../../shared/domain/target';
import { parseCaPem } from '../tls/ca-loader';

// What a Data Center draft's `ca_pem` makes of the stored CA. The facts kept with the PEM
// (subject, fingerprint, expiry) come from the one CA loader, never from the caller.

type CaFields = Pick<DataCenterTarget, 'ca' | 'ca_needs_choice'>;

const keptFrom = (existing: TargetConfig | undefined): CaFields => {
  if (existing === undefined || !isDataCenter(existing)) return {};
  return {
    ...(existing.ca === undefined ? {} : { ca: existing.ca }),
    ...(existing.ca_needs_choice === undefined ? {} : { ca_needs_choice: existing.ca_needs_choice }),
  };
};

/**
 * `undefined` keeps what is stored (the CA, or the mark that it must be chosen again); `null`
 * removes both; a PEM text replaces both, or is CA_FILE_INVALID with the loader's reason.
 */
export const caFieldsFor = (existing: TargetConfig | undefined, caPem: string | null | undefined): Result<CaFields> => {
  if (caPem === undefined) return ok(keptFrom(existing));
  if (caPem === null) return ok({});
  const ca = parseCaPem(caPem);
  return ca.ok ? ok({ ca: ca.value }) : ca;
};
