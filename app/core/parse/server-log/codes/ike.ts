/**
 * IKE numbers as IPsec daemons log them.
 * - IKEv2 Notify Message Types (error types 1..16383): RFC 7296 §3.10.1 and the IANA "IKEv2 Notify
 *   Message Types" registry. strongSwan abbreviates them in its message summaries (`N(INVAL_KE)`,
 *   `N(NO_PROP)`, `N(AUTH_FAILED)`): strongSwan src/libcharon/encoding/payloads/notify_payload.c.
 * - IKEv1 Notify Message Types: RFC 2408 §3.14.1 (same numbers for the shared ones: 14
 *   NO-PROPOSAL-CHOSEN, 24 AUTHENTICATION-FAILED; 17 is INVALID-KEY-INFORMATION in IKEv1,
 *   INVALID_KE_PAYLOAD in IKEv2).
 * - IKEv1 Main Mode (6 messages, RFC 2409 §5) and Quick Mode (3 messages, RFC 2409 §5.5); the
 *   state names are Libreswan's (programs/pluto/state names: STATE_MAIN_R0..R3 responder,
 *   I1..I4 initiator, STATE_QUICK_R0..R2).
 * - Oakley groups: RFC 2409 §6 / RFC 3526 / RFC 5903 (IANA "Transform Type 4 - Diffie-Hellman Group").
 */

export interface NotifyType {
  code: number;
  name: string;
  /** strongSwan's abbreviation in `N(...)` */
  short?: string;
  error: boolean;
}

const N = (code: number, name: string, short?: string): NotifyType => ({ code, name, ...(short ? { short } : {}), error: code < 16384 });

export const IKE_NOTIFY_TYPES: readonly NotifyType[] = [
  N(1, 'UNSUPPORTED_CRITICAL_PAYLOAD', 'CRIT'),
  N(4, 'INVALID_IKE_SPI', 'INVAL_IKE_SPI'),
  N(5, 'INVALID_MAJOR_VERSION', 'INVAL_MAJOR'),
  N(7, 'INVALID_SYNTAX', 'INVAL_SYN'),
  N(9, 'INVALID_MESSAGE_ID', 'INVAL_MID'),
  N(11, 'INVALID_SPI', 'INVAL_SPI'),
  N(14, 'NO_PROPOSAL_CHOSEN', 'NO_PROP'),
  N(17, 'INVALID_KE_PAYLOAD', 'INVAL_KE'),
  // IKEv1 only (RFC 2408 §3.14.1; IKEv2 has no type 18): strongSwan's quick_mode.c answers a Quick Mode whose IDs (traffic selectors) no
  // CHILD_SA config takes with it, `N(INVAL_ID)` (notify_payload.c's short name)
  N(18, 'INVALID_ID_INFORMATION', 'INVAL_ID'),
  N(24, 'AUTHENTICATION_FAILED', 'AUTH_FAILED'),
  N(34, 'SINGLE_PAIR_REQUIRED', 'SINGLE_PAIR'),
  N(35, 'NO_ADDITIONAL_SAS', 'NO_ADD_SAS'),
  N(36, 'INTERNAL_ADDRESS_FAILURE', 'INT_ADDR_FAIL'),
  N(37, 'FAILED_CP_REQUIRED', 'FAIL_CP_REQ'),
  N(38, 'TS_UNACCEPTABLE', 'TS_UNACCEPT'),
  N(39, 'INVALID_SELECTORS', 'INVAL_SEL'),
  N(43, 'TEMPORARY_FAILURE', 'TEMP_FAIL'),
  N(44, 'CHILD_SA_NOT_FOUND', 'NO_CHILD_SA'),
  N(16384, 'INITIAL_CONTACT', 'INIT_CONTACT'),
  N(16388, 'NAT_DETECTION_SOURCE_IP', 'NATD_S_IP'),
  N(16389, 'NAT_DETECTION_DESTINATION_IP', 'NATD_D_IP'),
  N(16390, 'COOKIE', 'COOKIE'),
  N(16404, 'MULTIPLE_AUTH_SUPPORTED', 'MULT_AUTH'),
  N(16406, 'REDIRECT_SUPPORTED', 'REDIR_SUP'),
  N(16430, 'IKEV2_FRAGMENTATION_SUPPORTED', 'FRAG_SUP'),
];

export const notifyByName = (name: string): NotifyType | undefined => {
  const n = name.replace(/-/g, '_').toUpperCase();
  return IKE_NOTIFY_TYPES.find((t) => t.name === n || t.short === n);
};
export const notifyByCode = (code: number): NotifyType | undefined => IKE_NOTIFY_TYPES.find((t) => t.code === code);

/**
 * IKEv1 phase states (Libreswan names). `expects` is the message the responder waits for next: a
 * responder stuck in MAIN_R2 never got MI3 — the first message that travels on UDP 4500 once NAT
 * is detected (RFC 3947 §4), and the first encrypted with the pre-shared key. What each state
 * means, in words, is the reader's language's (i18n serverLog.ikeState; describe.ts ikeStateText).
 */
export const IKEV1_STATES: Readonly<Record<string, { mode: 'main' | 'aggressive' | 'quick'; established: boolean; expects?: string }>> = {
  STATE_MAIN_R0: { mode: 'main', established: false, expects: 'MI1' },
  STATE_MAIN_R1: { mode: 'main', established: false, expects: 'MI2' },
  STATE_MAIN_R2: { mode: 'main', established: false, expects: 'MI3' },
  STATE_MAIN_R3: { mode: 'main', established: true },
  STATE_MAIN_I1: { mode: 'main', established: false, expects: 'MR1' },
  STATE_MAIN_I2: { mode: 'main', established: false, expects: 'MR2' },
  STATE_MAIN_I3: { mode: 'main', established: false, expects: 'MR3' },
  STATE_MAIN_I4: { mode: 'main', established: true },
  STATE_AGGR_R1: { mode: 'aggressive', established: false, expects: 'AI2' },
  STATE_AGGR_R2: { mode: 'aggressive', established: true },
  // the Aggressive Mode initiator (Libreswan programs/pluto/ikev1_states.c: AGGR_I1 "sent AI1, expecting AR1", AGGR_I2 "sent AI2,
  // ISAKMP SA established" — CAT_ESTABLISHED_IKE_SA)
  STATE_AGGR_I1: { mode: 'aggressive', established: false, expects: 'AR1' },
  STATE_AGGR_I2: { mode: 'aggressive', established: true },
  STATE_QUICK_R0: { mode: 'quick', established: false },
  STATE_QUICK_R1: { mode: 'quick', established: false, expects: 'QI2' },
  STATE_QUICK_R2: { mode: 'quick', established: true },
  STATE_QUICK_I1: { mode: 'quick', established: false, expects: 'QR1' },
  STATE_QUICK_I2: { mode: 'quick', established: true },
};

/** Diffie-Hellman groups (IANA Transform Type 4); Windows L2TP offers 2, 14, 19, 20 among others. */
export const DH_GROUPS: Readonly<Record<number, string>> = {
  1: 'MODP768',
  2: 'MODP1024',
  5: 'MODP1536',
  14: 'MODP2048',
  15: 'MODP3072',
  16: 'MODP4096',
  19: 'ECP256',
  20: 'ECP384',
  21: 'ECP521',
  24: 'MODP2048s256',
  31: 'Curve25519',
};

/**
 * Vendor IDs (hex prefix) that mark a Windows IKE peer. Names from strongSwan's and Libreswan's
 * vendor tables (`DEC_MD5_VID(VISTA_AUTHIP, "MS-Negotiation Discovery Capable")` …) and ike-scan
 * (`1e2b…e461 00000009` "Windows-8", the version in the last 4 bytes). 01528bbb…: named by neither
 * table, but sent by Windows 10 IKEv1 and IKEv2 clients next to the others (corpus
 * server-logs/strongswan, Zeek ike.log samples) — listed as "Microsoft (unnamed)", assumed.
 */
export const WINDOWS_VENDOR_IDS: Readonly<Record<string, string>> = {
  '1e2b516905991c7d7c96fcbfb587e461': 'MS NT5 ISAKMPOAKLEY',
  fb1de3cdf341b7ea16b7e5be0855f120: 'MS-Negotiation Discovery Capable',
  '26244d38eddb61b3172a36e3d0cfb819': 'Vid-Initial-Contact',
  e3a5966a76379fe707228231e5ce8652: 'IKE CGA version 1',
  '01528bbbc00696121849ab9a1c5b2a51': 'Microsoft (unnamed)',
};

/** The Windows vendor-ID name for a hex ID (colons allowed), or undefined. */
export function windowsVendorId(hex: string): string | undefined {
  const h = hex.replace(/[^0-9a-f]/gi, '').toLowerCase();
  const hit = Object.entries(WINDOWS_VENDOR_IDS).find(([prefix]) => h.startsWith(prefix));
  if (!hit) return undefined;
  const version = h.length === 40 ? parseInt(h.slice(32), 16) : undefined;
  return version !== undefined ? `${hit[1]} v${version}` : hit[1];
}
