/**
 * PPP numbers as they appear in router and pppd logs.
 * - Protocol field values: RFC 1661 §2 and the IANA "PPP DLL Protocol Numbers" registry
 *   (0xC021 LCP, 0x8021 IPCP, 0x80FD CCP, 0xC223 CHAP, 0xC023 PAP, 0xC227 EAP, 0x8057 IPV6CP).
 * - Code field of LCP/NCP packets: RFC 1661 §5 (1..11); CCP adds 14/15 Reset-Request/Ack (RFC 1962 §4).
 * - LCP options: RFC 1661 §6 (1 MRU, 3 Authentication-Protocol, 5 Magic-Number, 7 PFC, 8 ACFC),
 *   RFC 1570 (13 Callback; 0x06 in its operation byte = CBCP, Microsoft's callback protocol).
 * - CCP option 18 = MPPE/MPPC: RFC 3078 §2.1 (MPPE) and RFC 2118 §2 (MPPC), the 32-bit
 *   "Supported Bits" field decoded by mppeBits().
 * - CHAP codes: RFC 1994 §4 (1 Challenge, 2 Response, 3 Success, 4 Failure); CHAP algorithm
 *   0x05 = MD5 (RFC 1994), 0x80 = MS-CHAP (RFC 2433), 0x81 = MS-CHAP-V2 (RFC 2759).
 * - MS-CHAP failure "E=nnn": RFC 2433 §6 / RFC 2759 §6 (646 restricted logon hours, 647 account
 *   disabled, 648 password expired, 649 no dial-in permission, 691 authentication failure,
 *   709 error changing password).
 */

export const PPP_PROTOCOLS: Readonly<Record<number, string>> = {
  0x0021: 'IP',
  0x8021: 'IPCP',
  0x8057: 'IPV6CP',
  0x80fd: 'CCP',
  0x80fb: 'CCP (link)',
  0x8029: 'ATCP',
  0x802b: 'IPXCP',
  0x8281: 'MPLSCP',
  0xc021: 'LCP',
  0xc023: 'PAP',
  0xc025: 'LQR',
  0xc223: 'CHAP',
  0xc227: 'EAP',
  0xc029: 'CBCP',
};

/** LCP/IPCP/CCP packet codes, RFC 1661 §5 and RFC 1962 §4. */
export const PPP_CODES: Readonly<Record<number, string>> = {
  1: 'Configure-Request',
  2: 'Configure-Ack',
  3: 'Configure-Nak',
  4: 'Configure-Reject',
  5: 'Terminate-Request',
  6: 'Terminate-Ack',
  7: 'Code-Reject',
  8: 'Protocol-Reject',
  9: 'Echo-Request',
  10: 'Echo-Reply',
  11: 'Discard-Request',
  12: 'Identification', // RFC 1570 §2.1
  13: 'Time-Remaining', // RFC 1570 §2.2
  14: 'Reset-Request', // CCP, RFC 1962 §4
  15: 'Reset-Ack',
};

/** The short names Cisco IOS `debug ppp negotiation` prints (`I CONFREQ`, `O PROTREJ`). */
export const IOS_CODE_NAMES: Readonly<Record<string, number>> = {
  CONFREQ: 1,
  CONFACK: 2,
  CONFNAK: 3,
  CONFREJ: 4,
  TERMREQ: 5,
  TERMACK: 6,
  CODEREJ: 7,
  PROTREJ: 8,
  ECHOREQ: 9,
  ECHOREP: 10,
  DISCREQ: 11,
  IDENTIFY: 12,
  TIMEREM: 13,
  RESETREQ: 14,
  RESETACK: 15,
};

/** The names pppd's `debug` packet dump prints (`sent [LCP ConfReq id=0x1 …]`), pppd fsm.c/lcp.c. */
export const PPPD_CODE_NAMES: Readonly<Record<string, number>> = {
  ConfReq: 1,
  ConfAck: 2,
  ConfNak: 3,
  ConfRej: 4,
  TermReq: 5,
  TermAck: 6,
  CodeRej: 7,
  ProtRej: 8,
  EchoReq: 9,
  EchoRep: 10,
  DiscReq: 11,
  Ident: 12,
  TimeRem: 13,
  ResetReq: 14,
  ResetAck: 15,
};

export const LCP_OPTIONS: Readonly<Record<number, string>> = {
  1: 'MRU',
  2: 'ACCM',
  3: 'Authentication-Protocol',
  4: 'Quality-Protocol',
  5: 'Magic-Number',
  7: 'Protocol-Field-Compression',
  8: 'Address-and-Control-Field-Compression',
  13: 'Callback',
  17: 'Multilink-MRRU',
  18: 'Multilink-Short-Sequence',
  19: 'Multilink-Endpoint-Discriminator',
};

export const CCP_OPTIONS: Readonly<Record<number, string>> = {
  0: 'OUI',
  1: 'Predictor-1',
  2: 'Predictor-2',
  17: 'Stac-LZS',
  18: 'MPPE/MPPC',
  21: 'Deflate (draft)',
  24: 'Deflate',
  26: 'BSD-Compress',
};

export const IPCP_OPTIONS: Readonly<Record<number, string>> = {
  2: 'IP-Compression-Protocol',
  3: 'IP-Address',
  129: 'Primary-DNS',
  130: 'Primary-NBNS',
  131: 'Secondary-DNS',
  132: 'Secondary-NBNS',
};

export const CHAP_ALGORITHMS: Readonly<Record<number, string>> = { 0x05: 'CHAP (MD5)', 0x80: 'MS-CHAP', 0x81: 'MS-CHAP v2' };

export const CHAP_CODES: Readonly<Record<number, string>> = { 1: 'Challenge', 2: 'Response', 3: 'Success', 4: 'Failure' };

/** MS-CHAP failure codes in the "E=" field, RFC 2433 §6 and RFC 2759 §6. */
export const MSCHAP_ERRORS: Readonly<Record<number, string>> = {
  646: 'ERROR_RESTRICTED_LOGON_HOURS',
  647: 'ERROR_ACCT_DISABLED',
  648: 'ERROR_PASSWD_EXPIRED',
  649: 'ERROR_NO_DIALIN_PERMISSION',
  691: 'ERROR_AUTHENTICATION_FAILURE',
  709: 'ERROR_CHANGING_PASSWORD',
};

/**
 * MPPE/MPPC "Supported Bits" of CCP option 18, RFC 3078 §2.1 (and RFC 3079 §2 for the keys):
 * C 0x00000001 MPPC compression (RFC 2118), D 0x00000010 obsolete (was 56-bit in early drafts),
 * L 0x00000020 40-bit keys, S 0x00000040 128-bit keys, M 0x00000080 56-bit keys,
 * H 0x01000000 stateless mode (a new key for every packet; what Windows asks for).
 */
export interface MppeBits {
  value: number;
  mppc: boolean;
  obsoleteD: boolean;
  bits40: boolean;
  bits56: boolean;
  bits128: boolean;
  stateless: boolean;
  /** bits outside the ones RFC 3078 defines */
  unknown: number;
}

export function mppeBits(value: number): MppeBits {
  const known = 0x01 | 0x10 | 0x20 | 0x40 | 0x80 | 0x01000000;
  return {
    value: value >>> 0,
    mppc: (value & 0x01) !== 0,
    obsoleteD: (value & 0x10) !== 0,
    bits40: (value & 0x20) !== 0,
    bits56: (value & 0x80) !== 0,
    bits128: (value & 0x40) !== 0,
    stateless: (value & 0x01000000) !== 0,
    unknown: (value & ~known) >>> 0,
  };
}

/**
 * pppd's exit status (pppd/pppd.h EXIT_*; the same numbers are listed in the pppd(8) man page under
 * "EXIT STATUS"). xl2tpd logs them as "pppd exited for call N with code C".
 */
export const PPPD_EXIT_CODES: Readonly<Record<number, string>> = {
  0: 'OK',
  1: 'FATAL_ERROR',
  2: 'OPTION_ERROR',
  3: 'NOT_ROOT',
  4: 'NO_KERNEL_SUPPORT',
  5: 'USER_REQUEST',
  6: 'LOCK_FAILED',
  7: 'OPEN_FAILED',
  8: 'CONNECT_FAILED',
  9: 'PTYCMD_FAILED',
  10: 'NEGOTIATION_FAILED',
  11: 'PEER_AUTH_FAILED',
  12: 'IDLE_TIMEOUT',
  13: 'CONNECT_TIME',
  14: 'CALLBACK',
  15: 'PEER_DEAD',
  16: 'HANGUP',
  17: 'LOOPBACK',
  18: 'INIT_FAILED',
  19: 'AUTH_TOPEER_FAILED',
  20: 'TRAFFIC_LIMIT',
  21: 'CNID_AUTH_FAILED',
};
