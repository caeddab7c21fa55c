import { useState } from 'react';
import type { TargetConfig } from '../../shared/domain/target';
import { SensitiveInput } from './SensitiveInput';

/**
 * The name a target goes by on the status screen. Until the admin types one, the field shows the
 * stored name and the draft leaves the name out, so a generated one keeps following the host and
 * repository ("PROJECT/repo at host"); once typed, the draft carries it (empty: the generated one).
 */
export const useTargetName = (target: Pick<TargetConfig, 'name'>) => {
  const [typed, setTyped] = useState<string | null>(null);
  return {
    value: typed ?? target.name,
    onChange: setTyped,
    /** For the draft: absent unless typed (an emptied field keeps the stored name). */
    draft: typed === null || typed.trim() === '' ? {} : { name: typed.trim() },
  };
};

export const TargetNameField = ({ id, name }: { readonly id: string; readonly name: ReturnType<typeof useTargetName> }) => (
  <div className="field">
    <label htmlFor={id}>Target name</label>
    <SensitiveInput id={id} value={name.value} onChange={name.onChange} describedBy={`${id}-hint`} />
    <p id={`${id}-hint`} className="hint">
      How this target is listed on the status screen; unique, at most 120 characters. Left as it is, it follows the host and repository.
    </p>
  </div>
);
