import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Windows RRAS / NPS events found in public material (test/fixtures/real/server-logs, sources in
 * test/fixtures/real/SOURCES.md), each read by hand: the event by its id and codes, never by the
 * words of its message, except where a paste has nothing else (an NPS message without its header).
 * (The older IAS/NPS log rows are in server-log.real.test.ts.)
 */
const ROWS: Record<string, RealServerLogRow> = {
  // Snare for Windows' own record (a collector's test data): tab-separated, no syslog header, a Windows 2003 logon audit — one
  // event by its id and source (forwarded-event.ts); the time from Snare's SubmitTime, with its year
  'windows-snare-mswineventlog-2003-security-540-collector-test.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, 'Event 540 from Security.']],
  },
  // Windows NT 4.0 RRAS ("Source : Router") as a Knowledge Base article quotes it, five indented lines, labels spaced
  // `Event ID : 20050`: one event; mprlog.h 20050 ROUTERLOG_AUTH_NO_PROJECTIONS (no network protocol agreed after logging on),
  // which the PC sees as 720
  'rras-nt4-kb-event-20050-router-no-protocols-projected.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'ras-error']],
    says: [[1, 'The user logged on, but the VPN server and the PC agreed on no network protocol (such as IP), so the server hung up (RRAS event 20050, ROUTERLOG_AUTH_NO_PROJECTIONS).']],
  },
  // an Event Viewer copy on a blog, without its XML and without the `Description:` label, NPS's "-" turned into en dashes and the
  // backslash of CONTOSO\tluk lost: 6273 by its header's id, reason code 16 (IAS_AUTH_FAILURE) by its English label, PEAP
  'nps-eventviewer-6273-reason-16-peap-blog-copy-no-xml-en-dashes.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    // (round 42: the Called Station Identifier is an access point's MAC:SSID — a Wi-Fi 802.1X request, not a VPN server's: no VPN cause, was credentials-rejected)
    causes: [],
    says: [[1, 'NPS denied access to CONTOSOtluk (event 6273, authentication PEAP): the user name or password was wrong (NPS reason 16, IAS_AUTH_FAILURE). The request came from a Wi-Fi access point']],
    user: 'CONTOSOtluk',
  },
  // a 20271 as the browser's XML view shows it (`- <Event …>`, `- <System>`), pasted into a GitHub issue: the CoId is `{NA}`,
  // the insertion strings user, address, reason, 0x10, and the binary data B3020000 = 0x2B3 = 691, the code the reason text is
  'rras-event-xml-ie-view-20271-na-coid-binary-691.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'credentials-rejected']],
    says: [[1, 'The user corinne connected from 123.207.87.250 and failed authentication (Windows error 691).']],
    user: 'corinne',
  },
  // the same 20271 as the issue's e-mail reply quoted it, the XML's markup gone (`> 20271 3 0 0x80000000000000 32407 System
  // CITY-VPN16… {NA} corinne 123.207.87.250 The remote connection was denied … 0x10`): was not read at all; now the event by its
  // id in the System log (the provider is lost with the markup), 691 from the reason's English text (the binary data is lost too)
  'rras-event-xml-markup-lost-email-quote-20271-no-provider-reason-text.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'credentials-rejected']],
    says: [[1, 'The user corinne connected from 123.207.87.250 and failed authentication (Windows error 691).']],
    user: 'corinne',
  },
  // the XML `wevtutil qe` and Get-WinEvent's ToXml() print: one line, attributes in single quotes (IPBan's test events); a German
  // server's 20271 whose reason is German text: the 691 from the binary data, the time from TimeCreated (single-quoted, was not read)
  'rras-event-xml-one-line-de-20271-binary-691-german-reason.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'credentials-rejected']],
    says: [[1, 'The user Admin connected from 123.123.123.123 and failed authentication (Windows error 691).']],
    user: 'Admin',
  },
  // an NPS 6272 in the same one-line form: the user, the authentication and the calling station by their Data Name='…' (were not read: `?`)
  'nps-event-xml-one-line-6272-named-data-eap-mschapv2-granted.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, 'NPS granted access to MYSUBDOMAIN.MYDOMAIN.local/username (event 6272, authentication EAP / Microsoft: Secured password (EAP-MSCHAP v2)).']],
    user: 'MYSUBDOMAIN.MYDOMAIN.local/username',
  },
  // an RRAS server's IKEEXT audit 4653 (IPsec main mode failed) in the same form: was "Event 4653 from ?"; now the peer and Windows'
  // own reason text, no cause (the reason is words, its codes unchecked)
  'ikeext-audit-4653-xml-one-line-main-mode-negotiation-timed-out-rras.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, "The server's IPsec main mode negotiation with 88.88.88.82 failed (security audit event 4653; Windows' own reason: Negotiation timed out)."]],
  },
  // only the "Authentication Details:" part of a 6273 a blog quoted: no id, so the reason code says it was a refusal
  'nps-6273-authentication-details-only-reason-16-peap.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'credentials-rejected']],
    says: [[1, "NPS refused access (only the event's details were pasted, authentication PEAP): the user name or password was wrong (NPS reason 16, IAS_AUTH_FAILURE)."]],
  },
  // Windows NT 4.0 RRAS's PPP-module event (20073) as KB 888201 quotes it, its labels run together on one line and the description
  // wrapped: its reason "The PPTP negotiation is not converging" is raserror.h 732 ERROR_PPP_NOT_CONVERGING, over PPTP the KB's
  // GRE (IP protocol 47) blocked by a firewall: the GRE finding, not a bare error number
  'rras-nt4-kb888201-event-20073-pptp-negotiation-not-converging-gre.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'no-ppp-frames']],
    says: [[1, 'Setting up the connection (PPP) failed on the VPN server with Windows error 732 (RRAS event 20073, ROUTERLOG_PPP_FAILURE).']],
  },
  // two NT 4.0 RRAS events a KB quotes, tab-and-two-blank indented, a tab-only line between them: 20014 (mprlog.h
  // ROUTERLOG_AUTH_FAILURE, the PC's 691) and 20049 ROUTERLOG_AUTH_TIMEOUT, which names no cause of its own; the KB's %Name%
  // placeholder is the user as the message gives it
  'rras-nt4-kb191854-router-20014-auth-failed-then-20049-timeout-tab-indent.txt': {
    records: 2,
    understood: 2,
    families: { rras: 2 },
    causes: [[1, 'credentials-rejected']],
    says: [
      [1, 'A user failed to log on to the VPN server (RRAS event 20014, ROUTERLOG_AUTH_FAILURE); the PC shows error 691.'],
      [7, 'The VPN server hung up because logging on took too long (RRAS event 20049, ROUTERLOG_AUTH_TIMEOUT).'],
    ],
    user: '%Name%',
  },
  // start-up events a KB quotes: NT RAS's 20026 and RRAS's 20024, one text under two numberings (read by the text: RRAS's
  // ROUTERLOG_SECURITY_NET_ERROR, a start-up notice on a LAN adapter), and a 7024 the KB labels RemoteAccess; no cause in any
  'rras-nt4-kb150820-ras-20026-rras-20024-security-agent-startup-7024.txt': {
    records: 3,
    understood: 3,
    families: { rras: 3 },
    causes: [],
    says: [
      [1, "A start-up notice of the VPN server's routing service, not about a connection (RRAS event 20026, ROUTERLOG_SECURITY_NET_ERROR)."],
      [8, "A start-up notice of the VPN server's routing service, not about a connection (RRAS event 20024, ROUTERLOG_SECURITY_NET_ERROR)."],
      [13, 'Event 7024 from RemoteAccess.'],
    ],
  },
  // the RRAS service failing to start (KB Q168683): 20070 (a PPP module not loaded) and 20063 (RasMan failed to start: PPP did not
  // initialise) read as the service down (server.service-down); the Service Control Manager's 7024 (RasMan ended with its own error
  // 1114, the Windows error "DLL initialization routine failed" the 20063 quotes) and 7001 (RRAS did not start: RasMan, which it
  // depends on, did not) as the same, each naming its service (before: "Event 7024 from Service Control Manager.")
  'rras-nt4-kb168683-router-20063-ppp-failed-to-initialize-20070-scm-7024-7001.txt': {
    records: 4,
    understood: 4,
    families: { rras: 4 },
    causes: [
      [1, 'service-down'],
      [10, 'service-down'],
      [19, 'service-down'],
      [27, 'service-down'],
    ],
    says: [
      [1, "The VPN server's Routing and Remote Access service could not start: until it does, no VPN connection to this server can start (RRAS event 20070, ROUTERLOG_PPP_CANT_LOAD_DLL)."],
      [10, "The VPN server's Routing and Remote Access service could not start: until it does, no VPN connection to this server can start (RRAS event 20063, ROUTERLOG_CANNOT_INIT_PPP)."],
      [19, "The VPN server's Windows service Remote Access Connection Manager (RasMan) stopped with an error: a program module (DLL) it loads failed to initialise (the service's own error 1114, 0x45A) (Service Control Manager event 7024)."],
      [27, "The VPN server's Windows service Routing and Remote Access (RemoteAccess) could not start: the service Remote Access Connection Manager (RasMan) it depends on did not start: the service gave an error of its own (Windows error 1066) (Service Control Manager event 7001)."],
    ],
  },
  // NT 4.0 RRAS not starting on a multihomed server (KB Q180602): the service manager's 7024 names RRAS by NT 4.0's display name
  // ("Routing And Remote Access Service") and its own error 1003, not one the table words: the number alone (before: "Event 7024
  // from Service Control Manager."); the router's 20103 a start-up notice, IPXRouterManager's 20133 by its id and source
  'rras-nt4-kb180602-router-20103-ipx-scm-7024-rras-service-specific-error-1003.txt': {
    records: 3,
    understood: 3,
    families: { rras: 3 },
    causes: [[11, 'service-down']],
    says: [
      [1, "A start-up notice of the VPN server's routing service, not about a connection (RRAS event 20103, ROUTERLOG_LOAD_DLL_ERROR)."],
      [5, 'Event 20133 from IPXRouterManager.'],
      [11, "The VPN server's Windows service Routing and Remote Access (RemoteAccess) stopped with an error (the service's own error 1003, 0x3EB) (Service Control Manager event 7024)."],
    ],
  },
  // Windows Server 2003's RRAS not starting (KB 840686), the older copy's labels with `Type:` and `Source:` before `Event ID:`: the
  // `Type:` line starts the block, so its source is read with it (a 7024 about RRAS, its own error 16389)
  'rras-2003-kb840686-scm-7024-routing-and-remote-access-service-specific-16389.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'service-down']],
    says: [[1, "The VPN server's Windows service Routing and Remote Access (RemoteAccess) stopped with an error (the service's own error 16389, 0x4005) (Service Control Manager event 7024)."]],
  },
  // the same KB's Windows 2000 pair, back to back: the second `Type:` ends the first event (before, the first block began at its
  // `Event ID:` and took the second's `Type:`/`Source: RemoteAccess` lines: "Event 7024 from RemoteAccess", then "Event 20152 from ?");
  // mprlog.h 20152 ROUTERLOG_AUTHPROVIDER_FAILED_INIT, RRAS's authentication provider not loaded as it starts
  'rras-2000-kb840686-scm-7024-error-87-remoteaccess-20152-auth-provider-failed.txt': {
    records: 2,
    understood: 2,
    families: { rras: 2 },
    causes: [
      [1, 'service-down'],
      [7, 'service-down'],
    ],
    says: [
      [1, "The VPN server's Windows service Routing and Remote Access (RemoteAccess) stopped with an error: a setting (parameter) is wrong (the service's own error 87, 0x57) (Service Control Manager event 7024)."],
      [7, "The VPN server's Routing and Remote Access service could not start: until it does, no VPN connection to this server can start (RRAS event 20152, ROUTERLOG_AUTHPROVIDER_FAILED_INIT)."],
    ],
  },
  // KB 2801679's Markdown table of events (event-markdown-table.ts): header and separator as the table's frame, every row an event by
  // its source and id (before: no line known) — RemoteAccess 20225 a PPP failure and 20271 a failed logon, both with 812 (the server's
  // policy) from the RAS error text they end with; Schannel's and NapAgent's named by id and source; the empty last row as such
  'rras-kb2801679-markdown-events-table-remoteaccess-20225-20271-policy-812.txt': {
    records: 8,
    understood: 8,
    families: { rras: 8 },
    causes: [
      [6, 'ras-error'],
      [7, 'ras-error'],
    ],
    says: [
      [3, 'Event 36885 from Schannel.'],
      [5, 'Event 39 from NapAgent.'],
      [6, 'Setting up the connection (PPP) failed on the VPN server with Windows error 812 (RRAS event 20225, ROUTERLOG_PPP_FAILURE).'],
      [7, 'A user failed to log on to the VPN server (RRAS event 20271, ROUTERLOG_NTAUTH_FAILURE_EX); the PC shows error 812.'],
      [8, 'An empty row of the table.'],
    ],
  },
  // NXLog's JSON record forwarded to rsyslog (forwarded-event.ts): the service manager's 7036 by its id and source, NXLog's own service
  // (not a VPN one: said so, by its param1), at the syslog header's time (before: no line known)
  'nxlog-json-rsyslog-scm-7036-nxlog-service-running.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, 'Service Control Manager event 7036 about the nxlog service: not one of the services a Windows VPN server needs, so not a cause here.']],
  },
  // the syslog-ng Windows agent's line (forwarded-event.ts SCM_TAGS): the id from its `(EventID 7036)` tail, the service and state
  // from the message as 7036's wording gives them — a service not the VPN's (before: "not part of the VPN; ignored", as it was for
  // RRAS itself stopping)
  'syslog-ng-agent-scm-7036-multimedia-class-scheduler-running.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, 'Service Control Manager event 7036 about the Multimedia Class Scheduler service: not one of the services a Windows VPN server needs, so not a cause here.']],
  },
  // a Chinese Windows' 7036 under the bare tag, without its id: zh-CN's "%1 服务处于 %2 状态。" (停止 = stopped) — Windows Time, not the VPN's
  'scm-tag-chinese-7036-windows-time-stopped.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, 'Service Control Manager event 7036 about the Windows Time service: not one of the services a Windows VPN server needs, so not a cause here.']],
  },
  // the same 20063 when RRAS's RADIUS server name does not resolve (KB Q173539): the service does not start
  'rras-nt4-kb173539-router-20063-radius-name-no-logon-servers.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'service-down']],
    says: [[1, "The VPN server's Routing and Remote Access service could not start: until it does, no VPN connection to this server can start (RRAS event 20063, ROUTERLOG_CANNOT_INIT_PPP)."]],
  },
  // NT 3.5's RAS service not starting (KB Q167205): its 20055 by its text (RRAS's 20055 is a NetBIOS name notice)
  'ras-nt35-kb167205-remoteaccess-20055-no-network-adapters-could-not-start.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'service-down']],
    // (NT's RAS, not RRAS: its text is one only NT's RAS wrote, so worded as the Remote Access Service's)
    says: [[1, "The VPN server's Remote Access Service could not start: until it does, no VPN connection to this server can start (RAS event 20055, RASLOG_NO_LANNETS_AVAILABLE)."]],
  },
  // NT 3.5's RAS service under its own source name, "Remote Access Service" (KB Q150153, an account locked out): its 20077 is a PPP
  // failure whose reason is raserror.h 647 — before, the source was read as "Remote Access" and the event left as one by id only
  'ras-nt35-kb150153-remote-access-service-20077-account-disabled.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'credentials-rejected']],
    says: [[1, 'Setting up the connection (PPP) failed on the VPN server with Windows error 647 (RAS event 20077, RASLOG_PPP_FAILURE).']],
  },
  // NT's RAS service out of client licenses (KB Q135680), quoted in the KB's other NT form: the level as the id's label
  // (`Error: 20101`), then `Source:` and `Description:`. errorlog.h's 20101 is RASLOG_LICENSE_LIMIT_EXCEEDED (RRAS's 20101 a registry
  // notice, its license event 20097) — before, `Error: 20101` started no event, and its five lines were five unknown ones
  'ras-nt-kb135680-remote-access-20101-client-license-limit.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, 'The VPN server refused the call: all of its client licenses were in use, so no more connections can be made to it (RAS event 20101, RASLOG_LICENSE_LIMIT_EXCEEDED).']],
  },
  // NT 4.0 RAS/RRAS under the RAS service's two-word source "Remote Access" (KB Q233048, PPTP clients refused when the pool's addresses
  // are reused): 20050 by its text — before, "Remote Access" was no RAS source and the event stayed "Event 20050 from Remote Access"
  'ras-nt4-kb233048-remote-access-20050-pptp-not-projected.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'ras-error']],
    // (worded by its source, the RAS service's: "RAS event", not "RRAS event"; the symbol still mprlog.h's, the text's)
    says: [[1, 'The user logged on, but the VPN server and the PC agreed on no network protocol (such as IP), so the server hung up (RAS event 20050, ROUTERLOG_AUTH_NO_PROJECTIONS).']],
  },
  // Windows NT 4.0 RAS (not RRAS: its own numbering, also "Source: RemoteAccess") as KB Q172215 quotes it after forcing 128-bit
  // encryption: 20107 a user connected with strong encryption, 20077 its PPP failure (RRAS's 20077 would be an expired account)
  // whose reason is raserror.h 742 from the server's side: the PC (here a Windows 95 client, which showed 629) lacks the encryption
  'ras-nt4-kb172215-remoteaccess-20107-strong-encryption-20077-ppp-encryption-type.txt': {
    records: 2,
    understood: 2,
    families: { rras: 2 },
    causes: [[5, 'pc-refused-encryption']],
    says: [
      [1, 'The user "RAS" connected with strong (128-bit) encryption (RAS event 20107).'],
      [5, 'Setting up the connection (PPP) failed on the VPN server with Windows error 742 (RAS event 20077, RASLOG_PPP_FAILURE).'],
    ],
    user: 'RAS',
  },
  // six pretty-printed DTS records (a Cisco device's administrator login against NPS): each <Event> to its </Event> is one record;
  // the Access-Reject (Packet-Type 3) with Reason-Code 16 is the wrong password, the later Access-Accepts (2) succeed; the user is
  // the SAM-Account-Name where User-Name is missing, never the Cyrillic directory path of Fully-Qualifed-User-Name; a
  // Calling-Station-Id of zeros is no address
  'nps-dts-pretty-printed-cyrillic-pap-reject-16-then-accept-device-login.txt': {
    records: 6,
    understood: 6,
    families: { rras: 6 },
    causes: [[23, 'credentials-rejected']],
    says: [
      [1, 'NPS received a sign-in request for andrew (RADIUS Access-Request).'],
      [23, 'NPS refused the sign-in of CORP\\andrew (RADIUS Access-Reject): the user name or password was wrong (NPS reason 16, IAS_AUTH_FAILURE).'],
      [65, 'NPS accepted the sign-in of CORP\\andrew (RADIUS Access-Accept).'],
    ],
    user: 'andrew',
  },
  // `wevtutil qe Security /c:2 /rd:true /f:text` on Windows Server 2022, pasted into a GitHub issue: `Event[0]` without its colon
  // (was an unknown line, and the event's labels after it unread), labels indented by two blanks, the message unindented, the
  // second event's fields all N/A: two events, each by its id and source; ISO dates with a Z
  'wevtutil-text-ws2022-event-index-without-colon-security-4625-then-na-fields.txt': {
    records: 2,
    understood: 2,
    families: { rras: 2 },
    causes: [],
    says: [
      [1, 'Event 4625 from Microsoft-Windows-Security-Auditing.'],
      [30, 'Event 4625 from Microsoft-Windows-Security-Auditing.'],
    ],
  },
  // Event Viewer's "Save All Events As…" Text export quoted in a README: a header row and a row per event, the message quoted over
  // many lines — its closing quote lost to the author's Markdown backtick, so the next header ends it (event-export.ts)
  'eventviewer-tab-export-sysmon-quoted-multiline-messages-closing-quote-lost-markdown-ticks.txt': {
    records: 4,
    understood: 4,
    families: { rras: 4 },
    causes: [],
    says: [
      [1, 'The header row of an Event Viewer export'],
      [2, 'Event 1 from Microsoft-Windows-Sysmon.'],
      [24, 'The header row of an Event Viewer export'],
      [25, 'Event 11 from Microsoft-Windows-Sysmon.'],
    ],
  },
  // the CSV export's header and five rows as a CSV tool's README shows them (no message column): read by id and source, the
  // en-US date with PM month first
  'eventviewer-csv-export-security-4656-4658-five-columns-no-message.txt': {
    records: 6,
    understood: 6,
    families: { rras: 6 },
    causes: [],
    says: [
      [2, 'Event 4658 from Microsoft-Windows-Security-Auditing.'],
      [3, 'Event 4656 from Microsoft-Windows-Security-Auditing.'],
    ],
  },
  // Get-EventLog's default table on a Japanese Windows (a blog's paste): InstanceID 3221225572, the whole event identifier with its
  // severity bits, is MySQL's event 100 (event-table.ts eventIdOf); the Time cell's month a number; the prompt line above it unknown
  'powershell-get-eventlog-table-ja-mysql-instanceid-3221225572-month-number.txt': {
    records: 16,
    understood: 16,
    families: { rras: 16 },
    causes: [],
    says: [
      [3, "The table's column headings."],
      [5, 'Event 100 from MySQL.'],
      [17, 'Event 100 from MySQL.'],
    ],
  },
  // Invoke-Command's Get-EventLog table: PSComputerName after the Message column, each cell cut by the console (`The description
  // f...`); then Get-EventLog -ComputerName's own table. The prompts and the command's wrapped rest (`entLog Security -Newest 5}`) unknown
  'powershell-invoke-command-get-eventlog-pscomputername-after-message-security.txt': {
    records: 27,
    understood: 26,
    families: { rras: 26 },
    causes: [],
    says: [
      [6, 'Event 1901 from HostIDS.'],
      [10, 'Event 5157 from Microsoft-Windows...'],
      [23, 'Event 1901 from HostIDS.'],
    ],
  },
};

describe('real Windows RRAS / NPS events', () => {
  realServerLogTable(ROWS);

  const entry = (file: string) => parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file).entries[0]!;
  it("each block is one entry to its last line; the Windows code each names is the PC's", () => {
    expect([entry('rras-nt4-kb-event-20050-router-no-protocols-projected.txt')].map((e) => [e.endLine, e.code])).toEqual([[5, 720]]);
    // the calling station is a Wi-Fi client's MAC address: no peer, and no PC's VPN error (round 42: an 802.1X request, no 691); the blog's "–" is no EAP type
    const blog = entry('nps-eventviewer-6273-reason-16-peap-blog-copy-no-xml-en-dashes.txt');
    expect([blog.endLine, blog.code, blog.peer, blog.decoded[0]!.values!.auth]).toEqual([38, undefined, undefined, 'PEAP']);
    const xml = entry('rras-event-xml-ie-view-20271-na-coid-binary-691.txt');
    expect([xml.endLine, xml.code, xml.peer, xml.time]).toEqual([22, 691, '123.207.87.250', { year: 2020, month: 3, day: 23, hour: 19, minute: 40, second: 8 }]);
    expect([entry('nps-6273-authentication-details-only-reason-16-peap.txt')].map((e) => [e.endLine, e.code, e.outcome])).toEqual([[11, 691, 'failure']]);
    // single-quoted attributes (wevtutil qe's XML): the time, the peer, the calling station read as from double-quoted ones
    const one = entry('rras-event-xml-one-line-de-20271-binary-691-german-reason.txt');
    expect([one.code, one.peer, one.time]).toEqual([691, '123.123.123.123', { year: 2020, month: 3, day: 6, hour: 11, minute: 47, second: 14 }]);
    expect(entry('nps-event-xml-one-line-6272-named-data-eap-mschapv2-granted.txt').peer).toBe('98.196.175.165');
    const mm = entry('ikeext-audit-4653-xml-one-line-main-mode-negotiation-timed-out-rras.txt');
    expect([mm.outcome, mm.peer, mm.cause]).toEqual(['failure', '88.88.88.82', undefined]);
    // KB 888201's three lines are one event, its 732 read from the reason text
    expect([entry('rras-nt4-kb888201-event-20073-pptp-negotiation-not-converging-gre.txt')].map((e) => [e.endLine, e.code])).toEqual([[3, 732]]);
  });

  it('a one-line XML event ends at its </Event>, though longer than a plain record; an XML of another id is no text copy\'s own XML', () => {
    const text = (f: string) => readRepoText(`${REAL_SERVER_LOGS}/${f}`);
    // (the 6272 line is 2 400 characters: cut at a plain record's 2 000 it lost its `</Event>` and took the next paste as its text)
    const nps = parseServerLog(text('nps-event-xml-one-line-6272-named-data-eap-mschapv2-granted.txt') + text('rasclient-win11-20227-809-no-coid-domain-backslash-user.txt'), 'joined');
    expect(nps.entries.map((e) => [e.line, e.endLine])).toEqual([[1, 1], [2, 2]]);
    // (a Knowledge Base quote of event 20049, then a 20271's XML: two events, not the quote's XML)
    const kb = parseServerLog(text('rras-nt4-kb191854-router-20014-auth-failed-then-20049-timeout-tab-indent.txt') + text('rras-event-xml-one-line-de-20271-binary-691-german-reason.txt'), 'joined');
    expect(kb.entries.map((e) => [e.line, e.endLine, e.code])).toEqual([[1, 5, 691], [7, 11, undefined], [12, 12, 691]]);
  });

  it('a pretty-printed DTS log: each record from <Event> to </Event>, its time, and no peer from a Calling-Station-Id of zeros', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/nps-dts-pretty-printed-cyrillic-pap-reject-16-then-accept-device-login.txt`), 'in.log');
    expect(r.entries.map((e) => [e.line, e.endLine, e.outcome])).toEqual([
      [1, 22, 'info'],
      [23, 38, 'failure'],
      [39, 64, 'info'],
      [65, 88, 'success'],
      [89, 114, 'info'],
      [115, 138, 'success'],
    ]);
    expect(r.entries[1]!.time).toEqual({ year: 2019, month: 1, day: 18, hour: 13, minute: 4, second: 47 });
    expect(r.entries.every((e) => e.peer === undefined)).toBe(true);
  });
});
