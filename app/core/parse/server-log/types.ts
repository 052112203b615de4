/** What a server-side (or peer-side) VPN log line says, decoded; see index.ts for the pipeline. */

export type LogFamily = 'pppd' | 'strongswan' | 'libreswan' | 'rras' | 'rasman' | 'mikrotik' | 'ios' | 'asa' | 'vpn3000' | 'fortigate' | 'sonicwall' | 'draytek' | 'sstp' | 'softether' | 'junos' | 'sophos' | 'sfos' | 'zyxel' | 'racoon' | 'syslog';

export const LOG_FAMILIES: readonly LogFamily[] = ['pppd', 'strongswan', 'libreswan', 'rras', 'rasman', 'mikrotik', 'ios', 'asa', 'vpn3000', 'fortigate', 'sonicwall', 'draytek', 'sstp', 'softether', 'junos', 'sophos', 'sfos', 'zyxel', 'racoon', 'syslog'];

/** A log timestamp as far as the line gives it (syslog has no year, IOS uptime stamps no date). */
export interface LogTime {
  year?: number;
  month?: number; // 1..12
  day?: number;
  hour: number;
  minute: number;
  second: number;
  ms?: number;
  /** the log gave hours and minutes only (a strongSwan filelog time_format without %S): `second` is 0 and says nothing */
  minuteOnly?: true;
}

/**
 * The cause a line shows, in the server's terms. The rules (diagnose/server-log) map causes to
 * finding ids; a line without a cause is context (a step, a packet, a state).
 */
export type Cause =
  | 'credentials-rejected' // CHAP/MS-CHAP failure, RADIUS reject: user name or password (the PC's 691 …)
  | 'xauth-rejected' // IKEv1 XAUTH refused the user name or password (or group): a device that is no Windows built-in client (iPhone, Mac, Android, Cisco client)
  | 'auth-protocol-mismatch' // no authentication method both sides accept (LCP, IKEv2 EAP vs PSK)
  | 'sstp-binding-failed' // SSTP's crypto binding (Compound MAC) did not check out: the keys of the PPP log-in differ on the two sides
  | 'pc-refused-encryption' // the PC rejected CCP/MPPE the server requires
  | 'server-refused-encryption' // the server rejected the CCP/MPPE the PC asked for
  | 'mppe-unavailable' // one side requires MPPE, the other cannot provide it
  | 'mppe-stateful-only' // the server offers stateful MPPE only; Windows needs stateless
  | 'mppe-renegotiated' // pppd ended a link whose MPPE was up because the other side restarted the encryption negotiation (CCP): the PC's 734
  | 'no-ppp-frames' // PPP over GRE never answered: GRE blocked on the way
  | 'radius-unreachable'
  | 'ike-no-proposal'
  | 'traffic-selector-mismatch' // phase 2 (Quick Mode, CHILD_SA) refused over the networks asked for: traffic selectors / proxy identities that fit no policy, crypto map or connection of the side that answered (IKE itself succeeded)
  | 'ike-no-connection' // no connection on the server takes the PC's first message (its addresses, IKE version or log-in method): nothing was compared, so no proposal is at fault
  | 'ike-auth-failed' // pre-shared key / certificate rejected
  | 'ike-no-tunnel-group' // the VPN server (a Cisco ASA) has no tunnel group (connection profile) for the peer's address or group name: nothing was checked
  | 'ike-no-mi3' // Main Mode stalls waiting for MI3 (UDP 4500 / NAT-T)
  | 'ike-auth-never-came' // IKEv2: IKE_SA_INIT answered, IKE_AUTH never arrived
  | 'ike-init-unanswered' // the PC's first IKE message (IKE_SA_INIT / Main Mode MI1) or this server's answer to it does not get through: UDP 500/4500 blocked, or NAT-T
  | 'ike-responder-unreachable' // this side initiated (a router, a gateway, a strongSwan client) and its first IKE message got no answer from the other side (the responder)
  | 'pptp-control-blocked' // a firewall dropped the start of a PPTP control connection (TCP 1723): the PC cannot reach the server's PPTP port (its 800)
  | 'esp-blocked' // a firewall dropped ESP (IP protocol 50): IKE completes, then the IPsec data (L2TP inside it) never arrives (809 assumed)
  | 'pptp-server-unreachable' // this side is a PPTP client (pptp-linux) and could not open its control connection (TCP 1723) to the server at all
  | 'address-pool'
  | 'ppp-setup-failed'
  | 'decrypt-failure' // VPN 3000 "excessive packet decrypt failure" (NT4 SP5 128-bit MPPE)
  | 'certificate-missing'
  | 'l2tp-tunnel-auth' // xl2tpd's L2TP tunnel authentication (challenge = yes) failed or has no secret for the peer: a Windows PC does none
  | 'l2tp-peer-refused' // xl2tpd refused the PC's tunnel request (SCCRQ): no [lns] section of its xl2tpd.conf takes the PC's address — a server setting; the PC sees the server not answer
  | 'ipsec-config-error' // strongSwan's starter left a connection of ipsec.conf out (charon runs without it; a fatal refusal is service-down)
  | 'sstp-server-certificate' // the SSTP server's TLS certificate/key cannot be loaded (accel-ppp ssl-pemfile): the PC's TLS check fails
  | 'certificate-rejected' // NPS refused the certificate a PC logs in with (EAP-TLS/PEAP-TLS): untrusted root or issuer, expired, revoked, wrong purpose or name, or its revocation list (CRL) could not be checked
  | 'radius-misconfigured' // the VPN server's RADIUS client cannot start (config, dictionary, server line): no password can be checked
  | 'policy-constraint' // NPS refused where the PC connects from or to, or how (its caller ID, the called address, the port type): not the password
  | 'eap-method-unavailable' // strongSwan cannot run the EAP method its connection asks for (its plugin is not loaded): no user name or password can be checked
  | 'eap-timeout' // NPS: the EAP log-in stopped half-way, the PC (or the way to NPS) never answered its last challenge
  | 'service-down' // the server's VPN daemon (its systemd unit: xl2tpd, pptpd, accel-ppp, ipsec, strongswan; or its own lines: strongSwan's starter, Libreswan's addconn start check) exited with an error, crashed, failed or could not be started: it answers no PC
  | 'service-recovered' // systemd started that daemon again after it was down (the outage is over; families/systemd-units.ts UnitWatch)
  | 'tunnel-traffic-dropped' // the tunnel is up, and the server's own firewall drops what the PC sends through it (connected, nothing behind the server answers)
  | 'ras-error' // a Windows RAS error code logged by RRAS / RASMAN
  | 'pc-no-chap-response';

export type Outcome = 'failure' | 'warning' | 'success' | 'info';

/** One readable statement: an i18n key under serverLog.decode and its values. */
export interface Decoded {
  key: string;
  values?: Record<string, string | number>;
}

export interface ServerLogEntry {
  /** 1-based physical line where the record starts, and where it ends (continuations) */
  line: number;
  endLine: number;
  family: LogFamily;
  time?: LogTime;
  host?: string;
  program?: string;
  /** the session the line belongs to: pid, IOS link (Vi1, ppp22), pluto #serial, charon IKE_SA */
  session?: string;
  peer?: string;
  user?: string;
  /** the record as it appears in the log (continuations joined with a space), max 400 chars */
  text: string;
  decoded: Decoded[];
  outcome: Outcome;
  cause?: Cause;
  /** a Windows RAS / MS-CHAP error code the line carries (691, 734, 809 …) */
  code?: number;
}

export interface UnknownLine {
  line: number;
  endLine: number;
  text: string;
  /** the family whose line format matched, when only the message was not understood */
  family?: LogFamily;
}

/**
 * Why a whole input is refused instead of explained. A binary file the help desk is often sent instead of a log's text is named:
 * a Windows event log file (.evtx, or NT's .evt), a network capture (pcap, pcapng) — each says what to send instead.
 */
export type InputVerdict = 'ok' | 'empty' | 'binary' | 'windows-event-log' | 'packet-capture' | 'route-print' | 'ipconfig' | 'tunnelmedic-capture' | 'tunnelmedic-report' | 'systeminfo' | 'phonebook' | 'registry' | 'netsh-interfaces' | 'powershell-network' | 'network-test' | 'vpn-status' | 'not-a-log';

/** The verdicts of a file that is not text (app/shared, where the paste box reads it too). */
export { isBinaryVerdict } from '../../../shared/binary-verdicts';

export interface ServerLogResult {
  source: string;
  verdict: InputVerdict;
  /** physical lines read, blank ones among them, and records (glued lines split, continuations joined) */
  lines: number;
  blank: number;
  records: number;
  understood: number;
  unknown: number;
  families: Partial<Record<LogFamily, number>>;
  /** entries kept: every one with a cause, then the rest up to the cap */
  entries: ServerLogEntry[];
  unknownLines: UnknownLine[];
  /** true when entries or unknownLines were capped (counts stay exact) */
  truncated: boolean;
  /** the log is newest-first (some router web pages) */
  newestFirst?: boolean;
}
