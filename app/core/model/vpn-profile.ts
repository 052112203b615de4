import { validatedOnce, type SectionMemo } from './validated-once';
import * as z from './zod';

/**
 * One VPN profile, whether it came from a rasphone.pbk entry or from Get-VpnConnection: the model
 * the rules read from snapshot.vpnProfiles (which the snapshot schema keeps as unknown[], so rules
 * re-validate with VpnProfileSchema and skip what does not fit).
 */

export const AuthProtocolSchema = z.enum(['pap', 'spap', 'chap', 'mschap', 'mschapv2', 'win95mschap', 'eap', 'custom', 'machineCertificate', 'unknown']);
export type AuthProtocol = z.infer<typeof AuthProtocolSchema>;

/** MPPE keys come only from MS-CHAP/MS-CHAP v2 or EAP (EAP-TLS); PAP/SPAP/CHAP cannot key it (§10). */
export const MPPE_CAPABLE: readonly AuthProtocol[] = ['mschap', 'mschapv2', 'win95mschap', 'eap'];

export const VpnProfileSchema = z.object({
  source: z.enum(['pbk', 'powershell']),
  /** capture file and 1-based line of the entry / object */
  file: z.string(),
  line: z.number().int().optional(),
  name: z.string(),
  server: z.string().optional(),
  /** pbk Type=: 1 phone, 2 vpn, 3 direct, 4 internet, 5 broadband (PPPoE) */
  entryType: z.enum(['phone', 'vpn', 'direct', 'internet', 'broadband', 'unknown']),
  tunnel: z.enum(['automatic', 'pptp', 'l2tp', 'sstp', 'ikev2', 'gre', 'none', 'unknown']),
  /** pbk VpnStrategy / Get-VpnConnection TunnelType as written */
  strategy: z.object({ code: z.number().int().optional(), name: z.string() }).optional(),
  encryption: z.enum(['none', 'optional', 'require', 'requireMax', 'custom', 'unknown']),
  /** authentication protocols the profile offers */
  auth: z.array(AuthProtocolSchema),
  /** EAP method (pbk CustomAuthKey: 13 TLS, 25 PEAP, 26 EAP-MSCHAPv2) */
  eapType: z.number().int().optional(),
  /** L2TP/IPsec machine authentication (PowerShell L2tpIPsecAuth) */
  ipsecAuth: z.string().optional(),
  /** true = split tunnel (IpPrioritizeRemote=0 / SplitTunneling True) */
  splitTunnel: z.boolean().optional(),
  interfaceMetric: z.number().int().optional(),
  routes: z.array(z.string()),
  allUsers: z.boolean().optional(),
  rememberCredential: z.boolean().optional(),
  /** keys whose meaning we are not sure of, said so instead of guessed */
  uncertain: z.array(z.string()),
});
export type VpnProfile = z.infer<typeof VpnProfileSchema>;

/** The typed profiles in a snapshot; anything else in vpnProfiles is skipped, not trusted. */
export function vpnProfilesOf(list: readonly unknown[]): VpnProfile[] {
  return validatedOnce(list, VPN_PROFILES, (p) => {
    const r = VpnProfileSchema.safeParse(p);
    return r.success ? [r.data] : [];
  });
}
const VPN_PROFILES = new WeakMap<readonly unknown[], SectionMemo<VpnProfile>>();

export const offersMppeKeying = (p: Pick<VpnProfile, 'auth'>): boolean => p.auth.some((a) => MPPE_CAPABLE.includes(a));
