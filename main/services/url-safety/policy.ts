import type { AllowlistStatus, DeploymentMode } from '../../../shared/domain/vocabulary';
import type { BlockReason } from '../../../shared/domain/checks';
import { isDataCenter, type TargetConfig } from '../../../shared/domain/target';
import type { ClassifiedAddress } from './classify-ip';
import type { AddressClass } from './ip-ranges';

// Stage 3: the private-network policy. Private ranges and private names pass only for a
// self-hosted target on an approved tunnel, or allowlisted with an explicit acknowledgement.
// Loopback, link-local, metadata and every other reserved class never pass.

export interface AddressPolicy {
  readonly deployment: DeploymentMode;
  readonly allowlist_status?: AllowlistStatus;
  readonly acknowledge_private: boolean;
  /**
   * Not an address rule but the admin's explicit choice for the connection: when HTTPS_PROXY refuses
   * a tunnel to the checked address, let it resolve the name (the exchange is then marked
   * `resolved_by_proxy`, unverified). Self-hosted only.
   */
  readonly proxy_resolves_name?: boolean;
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

/**
 * How one classified address (a literal host, or a DNS answer) is judged: null = permitted, else
 * the reason it is blocked. The composition root hands the judge in with the rest of the network
 * dependency; production uses `judgeAddress`. Tests that must reach a simulator on loopback
 * inject a judge of their own there — production code has no switch for it.
 */
export type AddressJudge = (address: ClassifiedAddress, policy: AddressPolicy) => BlockReason | null;

/** The production judge: the address's class under the private-network policy. */
export const judgeAddress: AddressJudge = (address, policy) => classDecision(address.cls, policy);

/** The URL-safety policy a target's own settings allow (private ranges only for an approved path). */
export const policyFor = (target: TargetConfig): AddressPolicy =>
  isDataCenter(target)
    ? {
        deployment: 'self-hosted',
        ...(target.allowlist_status === undefined ? {} : { allowlist_status: target.allowlist_status }),
        acknowledge_private: target.private_address_acknowledged,
        ...(target.proxy_resolves_name === true ? { proxy_resolves_name: true } : {}),
      }
    : { deployment: 'cloud', acknowledge_private: false };
