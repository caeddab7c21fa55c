import type { DataCenterConfirmations } from '../../../shared/domain/target';

export type ConfirmationKey = keyof DataCenterConfirmations;

/** The three confirmations of PRODUCT.md, in order, with who normally gives each. */
export const CONFIRMATION_ITEMS: ReadonlyArray<{ key: ConfirmationKey; label: string; who: string }> = [
  {
    key: 'ownership',
    label: 'The customer owns the Bitbucket Data Center host.',
    who: 'Usually the customer’s Bitbucket or infrastructure owner.',
  },
  {
    key: 'api_root_reachable',
    label: 'The API root is reachable from where this app runs.',
    who: 'Usually the admin running this app, with the network team.',
  },
  {
    key: 'scan_authorized',
    label: 'The customer authorises scans or exports against this host.',
    who: 'Someone who may authorise security testing for the customer.',
  },
];
