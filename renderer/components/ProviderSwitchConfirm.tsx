import { useState, type ReactNode } from 'react';
import type { TargetConfig } from '../../shared/domain/target';
import type { ProviderKey } from '../../shared/domain/vocabulary';
import { PROVIDER_LABELS } from '../app/labels';
import { useApp } from '../store/context';
import { ConfirmBox } from './ConfirmBox';

/** What a target holds beyond the provider itself; a switch of provider starts a fresh draft without them. */
const KEPT: ReadonlySet<string> = new Set(['id', 'name', 'created_at', 'updated_at', 'provider_key', 'deployment_mode']);
const isEmpty = (value: unknown): boolean =>
  value === undefined || value === false || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);

/** The entered fields a provider switch would drop (Cloud's fixed API root is not one the admin entered). */
export const fieldsDroppedBySwitch = (target: TargetConfig): string[] =>
  Object.entries(target)
    .filter(([key, value]) => !KEPT.has(key) && !isEmpty(value) && !(key === 'base_url' && target.provider_key === 'bitbucket_cloud_issues'))
    .map(([key]) => key);

/**
 * Choosing the other provider on a target that has fields entered asks first, naming the fields
 * that go; a fresh draft, or the same provider, is recorded at once. `run` carries out the choice
 * (the step passes its focus-keeping action runner).
 */
export const useProviderSwitch = (
  run: (choose: () => Promise<boolean>) => void = (choose) => void choose(),
): { readonly request: (provider: ProviderKey) => void; readonly dialog: ReactNode } => {
  const record = useApp((s) => s.record);
  const chooseProvider = useApp((s) => s.chooseProvider);
  const [pending, setPending] = useState<{ provider: ProviderKey; fields: string[] } | null>(null);
  const request = (provider: ProviderKey) => {
    const target = record?.target;
    const fields = target === undefined || target.provider_key === provider ? [] : fieldsDroppedBySwitch(target);
    if (fields.length === 0) run(() => chooseProvider(provider));
    else setPending({ provider, fields });
  };
  const dialog =
    pending === null || record === null ? null : (
      <ProviderSwitchConfirm
        from={record.target.provider_key}
        to={pending.provider}
        fields={pending.fields}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          setPending(null);
          run(() => chooseProvider(pending.provider));
        }}
      />
    );
  return { request, dialog };
};

const ProviderSwitchConfirm = ({
  from,
  to,
  fields,
  onConfirm,
  onCancel,
}: {
  readonly from: ProviderKey;
  readonly to: ProviderKey;
  readonly fields: readonly string[];
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) => (
  <ConfirmBox
    id="provider-switch"
    title={`Switch from ${PROVIDER_LABELS[from]} to ${PROVIDER_LABELS[to]}?`}
    confirmLabel="Switch and drop these fields"
    cancelLabel={`Keep ${PROVIDER_LABELS[from]}`}
    onConfirm={onConfirm}
    onCancel={onCancel}
  >
    <p>The target starts again as a {PROVIDER_LABELS[to]} draft. These fields are dropped, with every check result:</p>
    <ul aria-label="Fields dropped by the switch">
      {fields.map((f) => (
        <li key={f}>
          <code>{f}</code>
        </li>
      ))}
    </ul>
  </ConfirmBox>
);
