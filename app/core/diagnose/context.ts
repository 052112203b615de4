import type { TFunction } from 'i18next';
import type { Policy } from '../model/policy';
import type { Snapshot } from '../model/snapshot';

export interface DiagnoseContext {
  snapshot: Snapshot;
  /** CIDRs behind the VPN, from the policy file, --corp-net or the UI form */
  corporateNetworks: string[];
  /** the policy file, when one was given (domain, VPN servers, unattended fixes) */
  policy?: Policy;
  t: TFunction;
}
