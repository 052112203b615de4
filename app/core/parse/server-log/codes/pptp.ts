/**
 * PPTP control connection, RFC 2637 §2 ("Control Connection Protocol Specification"): every
 * control message starts with Length (2 octets), PPTP Message Type (2; 1 = Control Message),
 * Magic Cookie 0x1A2B3C4D (4), Control Message Type (2) — so bytes 9 and 10 name the message,
 * as the Cisco FAQ says. Result and error codes: RFC 2637 §2.2, §2.8, §2.13 and §2.16 (general errors).
 */

export const PPTP_MAGIC = 0x1a2b3c4d;

export const PPTP_CONTROL_TYPES: Readonly<Record<number, { name: string; short: string }>> = {
  1: { name: 'Start-Control-Connection-Request', short: 'SCCRQ' },
  2: { name: 'Start-Control-Connection-Reply', short: 'SCCRP' },
  3: { name: 'Stop-Control-Connection-Request', short: 'StopCCRQ' },
  4: { name: 'Stop-Control-Connection-Reply', short: 'StopCCRP' },
  5: { name: 'Echo-Request', short: 'ECHORQ' },
  6: { name: 'Echo-Reply', short: 'ECHORP' },
  7: { name: 'Outgoing-Call-Request', short: 'OCRQ' },
  8: { name: 'Outgoing-Call-Reply', short: 'OCRP' },
  9: { name: 'Incoming-Call-Request', short: 'ICRQ' },
  10: { name: 'Incoming-Call-Reply', short: 'ICRP' },
  11: { name: 'Incoming-Call-Connected', short: 'ICCN' },
  12: { name: 'Call-Clear-Request', short: 'CCRQ' },
  13: { name: 'Call-Disconnect-Notify', short: 'CDN' },
  14: { name: 'WAN-Error-Notify', short: 'WEN' },
  15: { name: 'Set-Link-Info', short: 'SLI' },
};

/** Cisco IOS `debug vpdn` event names for PPTP control messages (e.g. `CC I ClearRQ`). */
export const IOS_PPTP_NAMES: Readonly<Record<string, number>> = {
  SCCRQ: 1,
  SCCRP: 2,
  StopCCRQ: 3,
  StopCCRP: 4,
  ECHORQ: 5,
  ECHORP: 6,
  OCRQ: 7,
  OCRP: 8,
  ICRQ: 9,
  ICRP: 10,
  ICCN: 11,
  ClearRQ: 12,
  CDN: 13,
  WEN: 14,
  SLI: 15,
};

/** The names pptpd (PoPToP pptpctrl.c) logs for the messages it builds or receives. */
export const PPTPD_NAMES: Readonly<Record<string, number>> = {
  'START CTRL CONN RPLY': 2,
  'STOP CTRL CONN RQST': 3,
  'STOP CTRL CONN RPLY': 4,
  'ECHO RPLY': 6,
  'OUT CALL RPLY': 8,
  'CALL DISCONNECT RPLY': 13, // pptpd answers a Call-Clear-Request with a Call-Disconnect-Notify
  'CALL CLR': 12,
  'SET LINK INFO': 15,
};

/** Result Code of Start-Control-Connection-Reply, RFC 2637 §2.2. */
export const SCCRP_RESULTS: Readonly<Record<number, string>> = {
  1: 'Successful channel establishment',
  2: 'General error',
  3: 'Command channel already exists',
  4: 'Requester is not authorized to establish a command channel',
  5: 'The protocol version of the requester is not supported',
};

/** Result Code of Outgoing-Call-Reply, RFC 2637 §2.8. */
export const OCRP_RESULTS: Readonly<Record<number, string>> = {
  1: 'Connected',
  2: 'General Error',
  3: 'No Carrier',
  4: 'Busy',
  5: 'No Dial Tone',
  6: 'Time-out',
  7: 'Do Not Accept',
};

/** Result Code of Call-Disconnect-Notify, RFC 2637 §2.13. */
export const CDN_RESULTS: Readonly<Record<number, string>> = {
  1: 'Lost Carrier',
  2: 'General Error',
  3: 'Admin Shutdown',
  4: 'Request',
};

/** General error codes, RFC 2637 §2.16. */
export const PPTP_GENERAL_ERRORS: Readonly<Record<number, string>> = {
  0: 'None',
  1: 'Not-Connected',
  2: 'Bad-Format',
  3: 'Bad-Value',
  4: 'No-Resource',
  5: 'Bad-Call ID',
  6: 'PAC-Error',
};

export interface PptpControlMessage {
  length: number;
  messageType: number;
  cookieOk: boolean;
  controlType: number;
  name: string;
  callId?: number;
  /** Result Code (and its meaning) of SCCRP, OCRP and CDN; Error Code when the result is "General Error" */
  result?: { code: number; text: string; error?: number; errorText?: string };
}

/** Decodes the hex dump IOS prints after `PPTP: CC I` (at least the first 10 bytes). */
export function decodePptpHex(hex: string): PptpControlMessage | null {
  const clean = hex.replace(/\s+/g, '');
  if (!/^[0-9a-f]+$/i.test(clean) || clean.length < 20 || clean.length % 2) return null;
  const word = (i: number) => parseInt(clean.slice(i * 2, i * 2 + 4), 16);
  const controlType = word(8);
  const message: PptpControlMessage = {
    length: word(0),
    messageType: word(2),
    cookieOk: parseInt(clean.slice(8, 16), 16) === PPTP_MAGIC,
    controlType,
    name: PPTP_CONTROL_TYPES[controlType]?.name ?? `type ${controlType}`,
  };
  const byte = (i: number) => parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  // Call-Clear-Request and Call-Disconnect-Notify carry the Call ID right after Reserved0 (§2.12, §2.13)
  if ((controlType === 12 || controlType === 13) && clean.length >= 28) message.callId = word(12);
  // Result Code offsets: SCCRP after Protocol Version (§2.2), OCRP after both Call IDs (§2.8), CDN after the Call ID (§2.13)
  const at = controlType === 2 ? 14 : controlType === 8 ? 16 : controlType === 13 ? 14 : undefined;
  const table = controlType === 2 ? SCCRP_RESULTS : controlType === 8 ? OCRP_RESULTS : CDN_RESULTS;
  if (at !== undefined && clean.length >= (at + 2) * 2) {
    const code = byte(at);
    const error = byte(at + 1);
    message.result = { code, text: table[code] ?? `result ${code}`, ...(code === 2 ? { error, errorText: PPTP_GENERAL_ERRORS[error] ?? `error ${error}` } : {}) };
  }
  return message;
}
