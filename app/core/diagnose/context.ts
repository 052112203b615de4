import type { TFunction } from 'i18next';
import type { Snapshot } from '../snapshot';

export interface DiagnoseContext {
  snapshot: Snapshot;
  /** CIDRs behind the VPN, from the policy file, --corp-net or the UI form */
  corporateNetworks: string[];
  t: TFunction;
}
