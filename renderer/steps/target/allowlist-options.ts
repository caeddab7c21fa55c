import type { AllowlistStatus } from '../../../shared/domain/vocabulary';

/** What each allowlist status means, in the words the admin reads before choosing. */
export const ALLOWLIST_OPTIONS: ReadonlyArray<{ value: AllowlistStatus; label: string; meaning: string }> = [
  {
    value: 'direct',
    label: 'Direct',
    meaning: 'WebRiskOps reaches the host over the public internet. Private addresses stay blocked.',
  },
  {
    value: 'allowlisted',
    label: 'Allowlisted',
    meaning: 'The customer firewall or VPN allowlists WebRiskOps. A private address is accepted only with your acknowledgement below.',
  },
  {
    value: 'approved_tunnel',
    label: 'Approved tunnel',
    meaning: 'A customer-approved tunnel carries the traffic. Private (RFC 1918, unique-local) addresses are accepted; reserved ones never are.',
  },
];
