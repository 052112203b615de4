import { d } from '../kit';
import type { Decoded } from '../types';

/**
 * Which of a server's IKE proposals Windows' built-in IKEv2 client can send, and with which custom IPsec policy
 * (Set-VpnConnectionIPsecConfiguration -EncryptionMethod … -IntegrityCheckMethod … -DHGroup …). Pure: proposals in strongSwan's
 * notation (`IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048`, several algorithms of a type allowed in one proposal,
 * proposals separated by ", " as charon's `configured proposals:` line writes them).
 *
 * What Windows can put in its IKE SA proposal (its main mode SA, MS-RRASM 2.2.1.2.237 ROUTER_CUSTOM_IKEv2_POLICY_0: dwEncryptionMethod
 * DES/3DES/AES-128/192/256, dwIntegrityMethod MD5/SHA1/SHA-256/SHA-384; the DH groups of the same policy: 1, 2, 14, 24, ECP256,
 * ECP384; AES-GCM 128/256 as Set-VpnConnectionIPsecConfiguration's GCMAES128/GCMAES256). Windows uses one hash for the integrity
 * and the PRF: with -IntegrityCheckMethod SHA384 it sends PRF_HMAC_SHA2_384 (with AES-GCM only the PRF): jawj/IKEv2-setup's setup.sh
 * ("Windows 10 uses AES_GCM_16_256/PRF_HMAC_SHA2_384/ECP_384" for GCMAES256/SHA384/ECP384), trailofbits/algo #760's received
 * proposal IKE:AES_CBC_128/HMAC_SHA2_384_192/PRF_HMAC_SHA2_384/ECP_256, and the built-in default 3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/
 * MODP_1024 (charon-win10-ikev2-no-prop-3des-sha1-modp1024.txt). So a server that allows only PRF_HMAC_SHA2_512, Curve25519 or
 * ChaCha20 has no proposal Windows can send, whatever the PC's IPsec policy says.
 */

/** strongSwan encryption algorithm name → Set-VpnConnectionIPsecConfiguration -EncryptionMethod */
const ENCRYPTION: Readonly<Record<string, string>> = {
  AES_GCM_16_256: 'GCMAES256',
  AES_GCM_16_128: 'GCMAES128',
  AES_CBC_256: 'AES256',
  AES_CBC_192: 'AES192',
  AES_CBC_128: 'AES128',
  '3DES_CBC': 'DES3',
  DES_CBC: 'DES',
};

/** one Windows hash: its -IntegrityCheckMethod value, the integrity and PRF names strongSwan gives the algorithms it sends */
interface WindowsHash { readonly setting: string; readonly integrity: string; readonly prf: string }
const HASHES: readonly WindowsHash[] = [
  { setting: 'SHA384', integrity: 'HMAC_SHA2_384_192', prf: 'PRF_HMAC_SHA2_384' },
  { setting: 'SHA256', integrity: 'HMAC_SHA2_256_128', prf: 'PRF_HMAC_SHA2_256' },
  { setting: 'SHA196', integrity: 'HMAC_SHA1_96', prf: 'PRF_HMAC_SHA1' },
  { setting: 'MD5', integrity: 'HMAC_MD5_96', prf: 'PRF_HMAC_MD5' },
];

/** strongSwan DH group name → -DHGroup (Group24 is MODP 2048 with a 256-bit prime order subgroup, RFC 5114) */
const DH_GROUPS: Readonly<Record<string, string>> = {
  ECP_384: 'ECP384',
  ECP_256: 'ECP256',
  MODP_2048: 'Group14',
  MODP_2048_256: 'Group24',
  MODP_1024: 'Group2',
  MODP_768: 'Group1',
};

export interface WindowsIkeSetting {
  /** the server's proposal Windows can send, as the server wrote it */
  readonly proposal: string;
  /** its place among the line's IKE proposals (0 = the first) */
  readonly index: number;
  /** `-EncryptionMethod X -IntegrityCheckMethod Y -DHGroup Z` */
  readonly parameters: string;
}

/** The server's IKE proposals (`IKE:…` items; others, such as ESP proposals, are not Windows' IKE SA and give none). */
function ikeProposals(configured: string): string[] {
  return configured.split(/,\s*/).filter((p) => p.startsWith('IKE:'));
}

/** The first Windows setting one proposal allows, in the server's order of algorithms; undefined when Windows cannot send it. */
function settingFor(proposal: string): string | undefined {
  const algorithms = proposal.slice('IKE:'.length).split('/');
  const has = new Set(algorithms);
  const encryption = algorithms.find((a) => ENCRYPTION[a] !== undefined);
  const group = algorithms.find((a) => DH_GROUPS[a] !== undefined);
  if (!encryption || !group) return undefined;
  // AES-GCM carries its own integrity: Windows then sends only the PRF
  const aead = encryption.startsWith('AES_GCM_');
  const hash = HASHES.find((h) => has.has(h.prf) && (aead || has.has(h.integrity)));
  if (!hash) return undefined;
  return `-EncryptionMethod ${ENCRYPTION[encryption]} -IntegrityCheckMethod ${hash.setting} -DHGroup ${DH_GROUPS[group]}`;
}

/**
 * The first of the server's configured IKE proposals Windows' built-in client can send, with the setting that makes it send it;
 * null when the server allows none Windows can send; undefined when the line lists no IKE proposal at all.
 */
export function windowsIkeSetting(configured: string): WindowsIkeSetting | null | undefined {
  const proposals = ikeProposals(configured);
  if (proposals.length === 0) return undefined;
  for (const [index, proposal] of proposals.entries()) {
    const parameters = settingFor(proposal);
    if (parameters) return { proposal, index, parameters };
  }
  // an IKE proposal always has a key exchange (RFC 7296 §3.3.3): one without is a line cut short (syslog's length limit, a paste),
  // and what it lost may be what Windows sends — no claim then (quericy/one-key-ikev2-vpn #130's configured line ends at PRF_HMAC_MD5)
  if (proposals.some((p) => !KEY_EXCHANGE.test(p))) return undefined;
  return null;
}

/**
 * The sentence for a Windows PC: which IPsec policy makes it send one of the server's IKE proposals, or that none can; none when the
 * list holds no IKE proposal (or one cut short). `shown`: how the proposal Windows can send is named (its IKE proposals' place →
 * the server's own words, where they are not strongSwan's: libreswan-proposals.ts)
 */
export function windowsFit(configured: string, shown?: (index: number) => string): Decoded[] {
  const fit = windowsIkeSetting(configured);
  if (fit === undefined) return [];
  if (fit) return [d('windowsIkeSetting', { proposal: shown ? shown(fit.index) : fit.proposal, parameters: fit.parameters })];
  const lacks = algorithmsWindowsLacks(configured);
  return [d('windowsIkeNone', { algorithms: lacks.length > 0 ? lacks.join(', ') : configured })];
}

/** a key exchange method in strongSwan's names: MODP_…, ECP_…, CURVE_…, ECP_…_BP, the post-quantum KE ones (ML_KEM_…, KE1_…) */
const KEY_EXCHANGE = /\/(?:MODP_|ECP_|CURVE_|ML_KEM_|KE\d_|NTRU_|NEWHOPE_)/;

/** The algorithms of the server's first IKE proposal that Windows never sends (what the administrator would have to add an alternative to). */
export function algorithmsWindowsLacks(configured: string): string[] {
  const first = ikeProposals(configured)[0];
  if (!first) return [];
  const windowsSends = new Set<string>([
    ...Object.keys(ENCRYPTION),
    ...Object.keys(DH_GROUPS),
    ...HASHES.flatMap((h) => [h.integrity, h.prf]),
  ]);
  return first
    .slice('IKE:'.length)
    .split('/')
    .filter((a) => !windowsSends.has(a));
}
