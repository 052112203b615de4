import type { TFunction } from 'i18next';
import type { Cause, ServerLogEntry } from '../../parse/server-log/types';
import { causeKey, fromInitiator, saysSideOf, sideOf, type WrittenBy } from './log-side';
import type { ServiceState } from './service-state';

/**
 * Which text a server-log cause is worded with (its i18n key): by the entry's side or the log's, the firewall that dropped the
 * packets, the account's state, the network policy that refused, the service's unit — split from findings.ts, which drafts the
 * findings from these keys.
 */

/**
 * The Windows errors of a refusal for the account's state, not its password (raserror.h; MS-CHAP "E=" codes, RFC 2759 §6;
 * NPS reasons 33–37, 65, 68, 17): 646 logon hours, 647 account disabled or expired, 648 password expired, 649 no dial-in
 * permission, 709 changing the password failed. Each is worded on its own (serverLog.cause.accountRefused.<code>): "re-enter
 * the password" is the wrong advice for them.
 */
export const ACCOUNT_CODES: ReadonlySet<number> = new Set([646, 647, 648, 649, 709]);
/** The NPS reason code an entry's statement carries (nps-log.ts npsReasonValue), if any. */
const npsReasonOf = (e: ServerLogEntry): number | undefined => {
  const r = e.decoded.find((dd) => typeof dd.values?.reason === 'number')?.values?.reason;
  return typeof r === 'number' ? r : undefined;
};
/** A network policy's constraint (NPS reasons 67, 69, 70, 71) is worded by which one refused (serverLog.cause.policyConstraint.<reason>). */
const POLICY_CONSTRAINT_REASONS: ReadonlySet<number> = new Set([67, 69, 70, 71]);
/**
 * A firewall's own record that it dropped the packets — a Linux firewall's (netfilter-log.ts), Windows Firewall's (windows-firewall-log.ts),
 * pfSense's or OPNsense's (filterlog.ts) — by its first statement's key, and the advice for GRE it dropped: that firewall's own rule
 * and command (pfSense's and OPNsense's menu path alike).
 */
const GRE_DROP_ADVICE: ReadonlyMap<string, string> = new Map([
  ['netfilterDropped', 'serverLog.cause.greDroppedByFirewall'],
  ['windowsFirewallDropped', 'serverLog.cause.greDroppedByWindowsFirewall'],
  ['filterlogDropped', 'serverLog.cause.greDroppedByPf'],
]);
const firewallDropAdvice = (e: ServerLogEntry): string | undefined => GRE_DROP_ADVICE.get(e.decoded[0]?.key ?? '');
export const isFirewallDrop = (e: ServerLogEntry): boolean => firewallDropAdvice(e) !== undefined;
/** Whose log says the firewall is the dialling side's own: a PPTP client's (a PC's, a router's), the GRE it drops the server's answer */
const DIALLING: ReadonlySet<WrittenBy> = new Set(['dialling-side', 'dialling-pc', 'dialling-router']);
/**
 * Causes whose statements no family words by side (an IKE notify, an ASA's teardown reason, `No IKEv2 connection found with compatible
 * Traffic Selectors`), while their meaning turns on it: in a log the whole of which is a site's or a dialling side's (logWrittenBy), the
 * log's side words them, as "the log says" does (saysSideOf) — a refused network between two routers is no PC's connection.
 */
const WORDED_BY_LOG: ReadonlySet<Cause> = new Set(['traffic-selector-mismatch']);
export function entryCauseKey(e: ServerLogEntry, whose?: WrittenBy): string {
  // (GRE dropped by the firewall that logged it: that firewall's rule is the fix, on whichever side it stands; Windows Firewall's its own
  // rule and command — the predefined rule's name, Routing and Remote Access (GRE-In), is assumed. On a log that is the dialling side's
  // own (log-side.ts logWrittenBy) the firewall is that side's, and the GRE it drops comes back from the server: worded `…AsDialler`)
  const greDropped = e.cause === 'no-ppp-frames' ? firewallDropAdvice(e) : undefined;
  if (greDropped) return whose && DIALLING.has(whose) ? `${greDropped}AsDialler` : greDropped;
  // (an account's state as the PC's user would meet it; a client's own log is worded as that side's, causeAsInitiator)
  if (e.cause === 'credentials-rejected' && e.code !== undefined && ACCOUNT_CODES.has(e.code) && !fromInitiator(e)) return `serverLog.cause.accountRefused.${e.code}`;
  if (e.cause === 'policy-constraint') {
    const reason = npsReasonOf(e);
    return `serverLog.cause.policyConstraint.${reason !== undefined && POLICY_CONSTRAINT_REASONS.has(reason) ? reason : 71}`;
  }
  const key = causeKey(e.cause!, WORDED_BY_LOG.has(e.cause!) ? saysSideOf(e, whose) : sideOf(e));
  // (a failed log-on whose copy names no code — RemoteAccess 20271 translated, without its XML: remote-access-events.ts — is worded so,
  // not as "Windows error <nothing>")
  if (key === 'serverLog.cause.ras-error' && e.code === undefined) return 'serverLog.cause.rasErrorNoCode';
  // pluto (Libreswan, Openswan) stuck in STATE_MAIN_R2 (mi3NeverCame): a wrong pre-shared key is not what it shows — pluto decrypts
  // the PC's MI3 and, failing, logs a line of its own ("probable authentication failure (mismatch of preshared secrets?)": ikev1.c
  // process_packet_tail, SMF_PSK_AUTH | SMF_FIRST_ENCRYPTED_INPUT; the real pluto-docker-l2tp-psk-mismatch-malformed-id-payload.txt).
  // MI3 that never came is the path: UDP 4500 (MI3 is the first message sent there once NAT is detected, RFC 3947 §4), a Windows PC
  // that will not finish IPsec with a server behind NAT without AssumeUDPEncapsulationContextOnSendRule (error 809: Microsoft KB
  // 926179; hwdsl2/setup-ipsec-vpn docs/clients.md, "Windows error 809"), or a certificate's large MI3 split into fragments dropped
  // on the way. Racoon / MikroTik's time-up keeps the key first: it logs no such line (serverLog.cause.ike-no-mi3)
  if (e.cause === 'ike-no-mi3' && (key === 'serverLog.cause.ike-no-mi3' || key === 'serverLog.causeAsSite.ike-no-mi3') && e.decoded.some((x) => x.key === 'mi3NeverCame')) {
    return key === 'serverLog.cause.ike-no-mi3' ? 'serverLog.cause.ikeNoMi3KeyLoggedApart' : 'serverLog.causeAsSite.ikeNoMi3KeyLoggedApart';
  }
  // a server's refusal of the PC's IKE proposals whose line said which Windows IPsec policy sends one of the server's, or that
  // Windows can send none (families/windows-ike-settings.ts): advice for that, not "set the configuration to what the server allows"
  if (key === 'serverLog.cause.ike-no-proposal') {
    const windows = e.decoded.find((x) => x.key === 'windowsIkeNone' || x.key === 'windowsIkeSetting');
    if (windows) return `serverLog.cause.ikeNoProposal.${windows.key}`;
  }
  return key;
}

/** A VPN service down or up again, worded for its systemd unit, or for a daemon whose lines name none (no `systemctl … UNIT` advice). */
export const serviceKey = (c: Cause, service: ServiceState): string =>
  `serverLog.cause.${service.namesUnits ? c : `${service.windows ? 'windows-service' : 'daemon'}-${c === 'service-down' ? 'down' : 'recovered'}`}`;

/**
 * The services a finding names, as its title and advice show them: systemd's units and daemons as the log names them; Windows
 * services by their names in the reader's language, with the key name `sc`/`Start-Service` take (`keys`).
 */
export function serviceWords(service: ServiceState, t: TFunction): { unit: string; keys: string } {
  if (!service.windows) return { unit: service.units, keys: service.units };
  const keys = service.units.split(', ');
  return { unit: keys.map((k) => t(`serverLog.winService.${k}`)).join(', '), keys: keys.join(', ') };
}
