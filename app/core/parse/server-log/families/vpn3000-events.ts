import type { Cause, Outcome } from '../types';

/**
 * VPN 3000 events by their class and number (`PPP/9`, `IKE/136`): the concentrator numbers each event within its class, so the
 * pair says what happened whatever the text after it (which a copy may cut at 80 characters or wrap, the Reference's "Event
 * strings usually do not exceed 80 characters"). The pairs and their texts are the ones a SIEM's VPN 3030 parser lists (AlienVault
 * OSSIM plugin "cisco-3030", plugin_id 1657: its SIDs are the class's thousand plus the event number — AUTH 0, PPP 1000, PPTP
 * 2000, IKE 3000, HTTP 4000 — e.g. 1009 "PPP User disconnected.. failed authentication ( MSCHAP-V1 )", 3136 "IKE session
 * establishment timed out"); AUTH/5, AUTH/22 and IKE/167 also in the real samples (test/fixtures/real/SOURCES.md).
 *
 * Only events about a user's or a peer's session are here; the rest keep the generic "event CLASS/n" wording (vpn3000.ts).
 */
export interface Vpn3000Event {
  /** i18n serverLog.decode.<key> */
  key: string;
  outcome: Outcome;
  cause?: Cause;
  code?: number;
}

export const VPN3000_EVENTS: Readonly<Record<string, Vpn3000Event>> = {
  // AUTH/23 "User disconnected": a session ended (its reason in the text)
  'AUTH/23': { key: 'vpn3000Disconnected', outcome: 'info' },
  // AUTH/4 "Authentication successful: handle = …, server = …, user = …" and AUTH/28 "User [u] Group [g] disconnected: Session Type: …
  // Reason: …" (a real copy in the IOS-compatible syslog format, SOURCES.md)
  'AUTH/4': { key: 'vpn3000AuthOk', outcome: 'success' },
  'AUTH/28': { key: 'vpn3000Disconnected', outcome: 'info' },
  // PPP (the PPTP and L2TP users' PPP): 6 disconnected, 8 authenticated, 9 failed authentication, 12 sign-in method not allowed
  'PPP/6': { key: 'vpn3000Disconnected', outcome: 'info' },
  'PPP/8': { key: 'vpn3000PppAuthOk', outcome: 'success' },
  'PPP/9': { key: 'vpn3000PppAuthFailed', outcome: 'failure', cause: 'credentials-rejected', code: 691 },
  'PPP/12': { key: 'vpn3000PppAuthNotAllowed', outcome: 'failure', cause: 'auth-protocol-mismatch' },
  // PPTP: 47 tunnel to the peer established, 42 a session (call) started on it, 35 the session closed, 34 the tunnel closed
  'PPTP/47': { key: 'vpn3000PptpTunnelUp', outcome: 'info' },
  'PPTP/42': { key: 'vpn3000PptpSessionUp', outcome: 'info' },
  'PPTP/35': { key: 'vpn3000PptpSessionClosed', outcome: 'info' },
  'PPTP/34': { key: 'vpn3000PptpTunnelClosed', outcome: 'info' },
  // IKE: 41 a new phase 1 begins, 119/120 phase 1/2 completed, 92 a rekey collision (the other side's rekey won), 136 the
  // negotiation timed out before its SA was up
  'IKE/41': { key: 'vpn3000IkePhase1Start', outcome: 'info' },
  'IKE/119': { key: 'vpn3000IkePhase1Done', outcome: 'info' },
  'IKE/120': { key: 'vpn3000IkePhase2Done', outcome: 'success' },
  'IKE/92': { key: 'vpn3000IkeRekeyCollision', outcome: 'info' },
  'IKE/136': { key: 'vpn3000IkeTimedOut', outcome: 'warning' },
};
