import type { TFunction } from 'i18next';
import type { EngineLanguage } from '../i18n';
import type { Policy } from '../model/policy';
import type { Snapshot } from '../model/snapshot';
import type { ScriptMachine } from '../remedy/script-machine';

export interface DiagnoseContext {
  snapshot: Snapshot;
  /** CIDRs behind the VPN, from the policy file, --corp-net or the UI form */
  corporateNetworks: string[];
  /** the policy file, when one was given (domain, VPN servers, unattended fixes) */
  policy?: Policy;
  t: TFunction;
  /** the language of `t`, for texts filled outside i18next (problem-text.ts); English when absent */
  language?: EngineLanguage;
  /** the machine fix scripts are for (diagnose() sets it): a rule that builds its fixes for it saves a second rendering */
  machine?: ScriptMachine;
}
