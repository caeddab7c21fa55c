import type { AllowlistStatus, DeploymentMode } from '../../../shared/domain/vocabulary';
import type { BlockReason } from '../../../shared/domain/checks';
import { ipInCidrs } from './classify-ip';
import type { AddressClass } from './ip-ranges';

// Stage 3: the private-network policy. Private ranges and private names pass only for a
// self-hosted target on an approved tunnel, or allowlisted with an explicit acknowledgement.
// Loopback, link-local, metadata and every other reserved class never pass.

export interface AddressPolicy {
  readonly deployment: DeploymentMode;
  readonly allowlist_status?: AllowlistStatus;
  readonly acknowledge_private: boolean;
  /**
   * Test-only hook: addresses inside these CIDRs are treated as permitted whatever their class.
   * The app, the CLI and the contract never set it.
   */
  readonly permit_cidrs?: readonly string[];
}

export const DEFAULT_POLICY: AddressPolicy = { deployment: 'self-hosted', acknowledge_private: false };

export const privateAllowed = (p: AddressPolicy): boolean =>
  p.deployment === 'self-hosted' &&
  (p.allowlist_status === 'approved_tunnel' || (p.allowlist_status === 'allowlisted' && p.acknowledge_private));

/** The reason a class is blocked under `policy`, or null when it passes. */
export const classDecision = (cls: AddressClass, policy: AddressPolicy): BlockReason | null => {
  switch (cls) {
    case 'public':
      return null;
    case 'private':
      return privateAllowed(policy) ? null : 'private_network';
    case 'reserved':
    case 'metadata':
      return 'reserved_ip';
    default: {
      const never: never = cls;
      return never;
    }
  }
};

/** The decision on one address, honouring the test-only permit list. */
export const addressDecision = (ip: string, cls: AddressClass, policy: AddressPolicy): BlockReason | null => {
  if (policy.permit_cidrs !== undefined && policy.permit_cidrs.length > 0 && ipInCidrs(ip, policy.permit_cidrs)) return null;
  return classDecision(cls, policy);
};
