import type { TFunction } from 'i18next';

/**
 * RAS error codes of windows-reference.md §7 (raserror.h symbols; Learn "Routing and Remote Access
 * error codes"). The texts — meaning, likely causes, what to try — live in the i18n files under
 * `rasErrors.<code>`, so the UI and the rules show the same words in every language.
 */

export type RasErrorCategory = 'gre' | 'negotiation' | 'policy' | 'credentials' | 'auth' | 'encryption' | 'ipsec' | 'reachability' | 'dns' | 'link' | 'protocol' | 'logoff';

export interface RasErrorInfo {
  code: number;
  symbol: string;
  category: RasErrorCategory;
  /** the finding that explains this code in depth; others go to events.ras-error */
  findingId?: 'vpn.auth-mismatch' | 'vpn.encryption-mismatch' | 'vpn.gre-blocked' | 'vpn.server-unreachable';
}

const E = (code: number, symbol: string, category: RasErrorCategory, findingId?: RasErrorInfo['findingId']): RasErrorInfo => ({ code, symbol, category, ...(findingId ? { findingId } : {}) });

export const RAS_ERRORS: ReadonlyMap<number, RasErrorInfo> = new Map(
  [
    E(619, 'ERROR_PORT_DISCONNECTED', 'gre', 'vpn.gre-blocked'),
    E(628, 'ERROR_DISCONNECTION', 'negotiation'),
    E(629, 'ERROR_REMOTE_DISCONNECTION', 'policy'),
    // the account's state, not its password (raserror.h: RASBASE + 46…49, + 109; also the MS-CHAP failure codes, RFC 2759 §6)
    E(646, 'ERROR_RESTRICTED_LOGON_HOURS', 'credentials'),
    E(647, 'ERROR_ACCT_DISABLED', 'credentials'),
    E(648, 'ERROR_PASSWD_EXPIRED', 'credentials'),
    E(649, 'ERROR_NO_DIALIN_PERMISSION', 'credentials'),
    E(691, 'ERROR_AUTHENTICATION_FAILURE', 'credentials'),
    E(709, 'ERROR_CHANGING_PASSWORD', 'credentials'),
    E(718, 'ERROR_PPP_TIMEOUT', 'negotiation'),
    E(720, 'ERROR_PPP_NO_PROTOCOLS_CONFIGURED', 'protocol'),
    E(721, 'ERROR_PPP_NO_RESPONSE', 'gre', 'vpn.gre-blocked'),
    E(734, 'ERROR_PPP_LCP_TERMINATED', 'auth', 'vpn.auth-mismatch'),
    E(741, 'ERROR_NO_LOCAL_ENCRYPTION', 'encryption', 'vpn.encryption-mismatch'),
    E(742, 'ERROR_NO_REMOTE_ENCRYPTION', 'encryption', 'vpn.encryption-mismatch'),
    E(768, 'ERROR_FAILED_TO_ENCRYPT', 'ipsec'),
    E(788, 'ERROR_OAKLEY_ATTRIB_FAIL', 'ipsec'),
    E(789, 'ERROR_OAKLEY_GENERAL_PROCESSING', 'ipsec'),
    E(800, 'ERROR_AUTOMATIC_VPN_FAILED', 'reachability', 'vpn.server-unreachable'),
    E(806, 'ERROR_VPN_GRE_BLOCKED', 'gre', 'vpn.gre-blocked'),
    E(807, 'ERROR_VPN_DISCONNECT', 'link'),
    E(809, 'ERROR_VPN_TIMEOUT', 'reachability', 'vpn.server-unreachable'),
    E(812, 'ERROR_SERVER_POLICY', 'auth'),
    E(825, 'ERROR_INVALID_VPNSTRATEGY', 'protocol'),
    E(830, 'ERROR_USER_LOGOFF', 'logoff'),
    E(831, 'ERROR_FAST_USER_SWITCH', 'logoff'),
    E(868, 'ERROR_DNSNAME_NOT_RESOLVABLE', 'dns', 'vpn.server-unreachable'),
    // fortieth round: codes a PC's RasClient 20227 and a server's events often carry, by raserror.h (RASBASE + n, its message
    // texts: microsoft/win32metadata RecompiledIdlHeaders/um/RasError.h) — without a finding of their own, so what a rule
    // concludes is unchanged; the causes and remedies are this project's reading (651's WAN Miniport reinstall: assumed)
    E(651, 'ERROR_FROM_DEVICE', 'link'),
    E(678, 'ERROR_NO_ANSWER', 'reachability'),
    E(732, 'ERROR_PPP_NOT_CONVERGING', 'negotiation'),
    E(733, 'ERROR_PPP_CP_REJECTED', 'protocol'),
    E(735, 'ERROR_PPP_REQUIRED_ADDRESS_REJECTED', 'protocol'),
    E(738, 'ERROR_PPP_NO_ADDRESS_ASSIGNED', 'policy'),
    E(766, 'ERROR_NO_CERTIFICATE', 'ipsec'),
    E(781, 'ERROR_OAKLEY_NO_CERT', 'ipsec'),
    E(787, 'ERROR_OAKLEY_AUTH_FAIL', 'ipsec'),
    E(792, 'ERROR_OAKLEY_TIMED_OUT', 'ipsec'),
    // IKEv2's own codes are Windows errors, not RAS ones (winerror.h ERROR_IPSEC_IKE_*): 13801 AUTH_FAIL, 13806 NO_CERT,
    // 13868 POLICY_MATCH; their causes as Microsoft's Always On VPN troubleshooting lists them for 13801 and 13806 (server
    // certificate name, EKU, expiry, root CA; no machine certificate or root CA on the client)
    E(13801, 'ERROR_IPSEC_IKE_AUTH_FAIL', 'ipsec'),
    E(13806, 'ERROR_IPSEC_IKE_NO_CERT', 'ipsec'),
    E(13868, 'ERROR_IPSEC_IKE_POLICY_MATCH', 'ipsec'),
  ].map((e) => [e.code, e]),
);

export interface RasErrorExplanation {
  code: number;
  known: boolean;
  symbol?: string;
  category?: RasErrorCategory;
  meaning: string;
  causes: string;
  tryThis: string;
}

/**
 * Any number, in any language. Unknown codes are explained as such — RAS codes run 600–899
 * (raserror.h); smaller numbers are general Windows errors (87 = a parameter was not valid).
 */
export function explainRasError(code: number, t: TFunction): RasErrorExplanation {
  const info = RAS_ERRORS.get(code);
  if (info) {
    return {
      code,
      known: true,
      symbol: info.symbol,
      category: info.category,
      meaning: t(`rasErrors.codes.${code}.meaning`),
      causes: t(`rasErrors.codes.${code}.causes`),
      tryThis: t(`rasErrors.codes.${code}.tryThis`),
    };
  }
  const range = code >= 600 && code <= 899 ? 'ras' : code > 0 && code < 600 ? 'windows' : 'other';
  return {
    code,
    known: false,
    meaning: t(`rasErrors.unknown.${range}`, { code }),
    causes: t('rasErrors.unknown.causes'),
    tryThis: t('rasErrors.unknown.tryThis', { code }),
  };
}
