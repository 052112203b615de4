/**
 * IKEv1 (ISAKMP) payload types, RFC 2408 §3.1 "Next Payload" (and the IANA "ISAKMP Payload Types" registry): the number a
 * Cisco ASA or IOS prints as `next payload = 4` names the payload an ISAKMP message starts with, in the short form these
 * logs use elsewhere (`HDR + SA (1) + VENDOR (13)` in the ASA's IKE_DECODE lines).
 */
export const ISAKMP_PAYLOADS: Readonly<Record<number, string>> = {
  0: 'NONE',
  1: 'SA',
  2: 'Proposal',
  3: 'Transform',
  4: 'Key Exchange',
  5: 'Identification',
  6: 'Certificate',
  7: 'Certificate Request',
  8: 'Hash',
  9: 'Signature',
  10: 'Nonce',
  11: 'Notification',
  12: 'Delete',
  13: 'Vendor ID',
  // RFC 3947 §3 (NAT-T): NAT-D 20, NAT-OA 21
  20: 'NAT-D',
  21: 'NAT-OA',
};

/** The payload's name with its number (`Key Exchange (4)`), or the number alone where the table has none. */
export const isakmpPayloadName = (n: number): string => (ISAKMP_PAYLOADS[n] ? `${ISAKMP_PAYLOADS[n]} (${n})` : String(n));

/**
 * The IKE (ISAKMP) SA states Cisco IOS names in `show crypto isakmp sa` and `debug crypto isakmp` (Cisco IOS Security Command
 * Reference, "show crypto isakmp sa", tables "Main Mode States", "Aggressive Mode States", "Quick Mode State"); their words are
 * serverLog.iosIkeState.* (describe.ts iosStateText). A state that stays is where the negotiation stopped.
 */
export const IOS_IKE_SA_STATES: ReadonlySet<string> = new Set(['MM_NO_STATE', 'MM_SA_SETUP', 'MM_KEY_EXCH', 'MM_KEY_AUTH', 'AG_NO_STATE', 'AG_INIT_EXCH', 'AG_AUTH', 'QM_IDLE']);

/**
 * ISAKMP exchange types, the number an IKE header carries: RFC 2408 §3.1 (2 Identity Protection, 4 Aggressive, 5 Informational),
 * RFC 2409 §5/§9 (32 Quick Mode), the XAUTH/mode-config drafts' 6 Transaction, RFC 7296 §3.1 (34–37, IKEv2).
 */
export const ISAKMP_EXCHANGES: Readonly<Record<number, string>> = {
  1: 'Base',
  2: 'Identity Protection (Main Mode)',
  3: 'Authentication Only',
  4: 'Aggressive Mode',
  5: 'Informational',
  6: 'Transaction (XAUTH / mode config)',
  32: 'Quick Mode',
  33: 'New Group Mode',
  34: 'IKE_SA_INIT',
  35: 'IKE_AUTH',
  36: 'CREATE_CHILD_SA',
  37: 'INFORMATIONAL',
};

/** The exchange's name with its number (`Quick Mode (32)`), or the number alone where the table has none. */
export const isakmpExchangeName = (n: number): string => (ISAKMP_EXCHANGES[n] ? `${ISAKMP_EXCHANGES[n]} (${n})` : String(n));
