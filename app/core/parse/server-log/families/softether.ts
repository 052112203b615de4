import { SSTP_MESSAGES } from '../codes/sstp';
import { PPP_PROTOCOLS } from '../codes/ppp';
import { LCP_OPTIONS } from '../codes/ppp';
import { applyRules, d, fallback, step, tagged, type FamilyParser, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import { SOFTETHER_DEBUG_RULES } from './softether-debug';
import { AUTH_FAILED, pppAuthFailed, SOFTETHER_LOG_RULES } from './softether-log';

/**
 * SoftEther VPN Server: one server with an L2TP/IPsec, an SSTP and an OpenVPN side (and its own protocol), so its own family —
 * read as an "SSTP server" before, its L2TP/IPsec lines misled a help desk about what the PC dials. Its debug log's SSTP lines
 * (`SSTP Control Packet Recv: Msg = 1`, `Rejected LCP option = 0x5, proto = 0xc021`; message numbers: [MS-SSTP] §2.2.2), its
 * server_log for the L2TP/IPsec side (`IPsec Client 14 (ip:port -> ip:port):
 * …`, `IPsec IKE Session (IKE SA) 9 (Client: 14) (…): A new IKE SA (Main Mode) is created. … DH Group:
 * MODP 3072 (Group 15), …`, `L2TP PPP Session [ip:port]: Acquiring an IP address from the DHCP server
 * failed.`): texts as SoftEther writes them (test/fixtures/real/server-logs). And its connection and
 * hub lines: a client connecting (with its client name — "L2TP VPN Client", "SSTP VPN Client",
 * "OpenVPN Client" — the auth type and user), user authentication failed or succeeded, the
 * connection's end and its cause.
 */

/**
 * `IPsec Client 14 (ip:port -> ip:port): …`: created; the port update that moves it to UDP 4500 — the client's port or the
 * server's, a NAT in front of the PC changes the client's (SoftEther issue #192: `…:64916 -> …:4500`) — NAT traversal; deleted;
 * an empty message (bookkeeping); any other said as written.
 */
function ipsecClient(m: RegExpMatchArray): Hit {
  const values = { n: m[1]!, peer: m[2]!, port: m[3]! };
  const text = m[6] ?? '';
  if (/^A new IPsec client is created\.?$/.test(text)) return step('seIpsecClientNew', values);
  if ((m[3] === '4500' || m[5] === '4500') && /port number information .* updated/.test(text)) return step('seIpsecNatT', values, 'success');
  if (/^This IPsec Client is deleted\.?$/.test(text)) return step('seIpsecClientDeleted', values, 'warning');
  if (text.trim() === '') return step('seIpsecClientEmpty', values);
  return step('seIpsecClient', { ...values, text });
}

/** The IKE SAs this log saw created, by number: established yet or not (per input) */
const IKE_SAS = 'seIkeSas';
const ikeSas = (state: FamilyState): Map<string, boolean> => (state[IKE_SAS] as Map<string, boolean> | undefined) ?? ((state[IKE_SAS] = new Map<string, boolean>()) as Map<string, boolean>);

/**
 * An IKE SA's established, Quick Mode and deleted lines. Deleted when this log saw it created and never established: phase 1
 * (Main Mode) did not finish. SoftEther logs no reason for that; after the client's move to UDP 4500 (its fifth message, the
 * first encrypted one, came) the usual one is a pre-shared key that differs, so the last messages do not check out (assumed:
 * SoftEther issue #1002, a Mac's L2TP client whose IKE SAs were deleted ten seconds after the port update, again and again).
 */
function ikeSaLater(sa: string, n: string, what: string, state: FamilyState): Hit {
  if (what.startsWith('This IKE SA is established')) {
    ikeSas(state).set(sa, true);
    return step('seIkeSaEstablished', { sa, n }, 'success');
  }
  if (what.startsWith('The client')) return step('seQuickMode', { sa, n });
  // the server starting Quick Mode itself: a new IPsec SA for one that expires (its rekey; SoftEther issue #459, right after an
  // IPsec SA was deleted)
  if (what.startsWith('The server')) return step('seQuickModeServer', { sa, n });
  return ikeSas(state).get(sa) === false ? step('seIkeSaDeletedUnfinished', { sa, n }, 'warning') : step('seIkeSaDeleted', { sa, n }, 'warning');
}

const RULES: Rule[] = [
  // (newer builds add the attribute count: `SSTP Control Packet Recv: Msg = 1, Num = 1`, SoftEther issue #1169)
  [/^SSTP Control Packet (Recv|Send): Msg = (\d+)(?:, Num = \d+)?$/i, (m) => step('sstpControl', { dir: /recv/i.test(m[1]!) ? 'in' : 'out', name: `${SSTP_MESSAGES[+m[2]!] ?? `type ${m[2]}`} (${m[2]})` })],
  // SoftEther's Configure-Reject of an LCP option the PC asked for that it does not implement (its debug console prints
  // "Unsupported LCP option = 0x5" first, SoftEther issue #1169): a normal step of the negotiation, not a failure
  [/^Rejected LCP option = 0x([0-9a-f]+), proto = 0x([0-9a-f]+)$/i, (m) => ({ decoded: [d('lcpOptionRejected', { option: LCP_OPTIONS[parseInt(m[1]!, 16)] ?? `option ${parseInt(m[1]!, 16)}`, proto: PPP_PROTOCOLS[parseInt(m[2]!, 16)] ?? m[2]! })], outcome: 'info' })],
  // SoftEther server_log: an IPsec client (the PC) and its move to UDP 4500 (NAT traversal)
  // (the message may be empty: SoftEther writes `IPsec Client 271 (…):` with nothing after it right after the port update, SoftEther
  // issues #192 and #2110; assumed to be a log string of its own left empty — bookkeeping)
  [/^IPsec Client (\d+) \((\S+?):(\d+) -> (\S+?):(\d+)\):(?: (.*))?$/, (m) => tagged(ipsecClient(m), { peer: m[2] })],
  [/^IPsec IKE Session \(IKE SA\) (\d+) \(Client: (\d+)\) \((\S+?):\d+ -> \S+?:\d+\): A new IKE SA \((Main|Aggressive) Mode\) is created\.(.*)$/, (m, _pre, state) => {
    ikeSas(state).set(m[1]!, false);
    const field = (name: string) => m[5]!.match(new RegExp(`${name}: ([^,]+)`))?.[1]?.trim() ?? '?';
    return tagged(step('seIkeSa', { sa: m[1]!, n: m[2]!, mode: m[4]!, dh: field('DH Group'), hash: field('Hash Algorithm'), cipher: field('Cipher Algorithm'), bits: field('Cipher Key Size').replace(/ bits$/, '') }), { peer: m[3] });
  }],
  // the IKE SA's and the IPsec SA's later lines (SoftEther issues #192, #2110; texts as SoftEther writes them, meanings assumed from
  // them): phase 1 established, Quick Mode started, an IPsec SA per direction, deletions
  [/^IPsec IKE Session \(IKE SA\) (\d+) \(Client: (\d+)\) \((\S+?):\d+ -> \S+?:\d+\): (This IKE SA is established between the server and the client|The (?:client|server) initiates a QuickMode negotiation|This IKE SA is deleted)\.$/, (m, _pre, state) =>
    tagged(ikeSaLater(m[1]!, m[2]!, m[4]!, state), { peer: m[3] })],
  [/^IPsec ESP Session \(IPsec SA\) (\d+) \(Client: (\d+)\) \((\S+?):\d+ -> \S+?:\d+\): A new IPsec SA \(Direction: ([^)]+)\) is created\.(.*)$/, (m) => {
    const field = (name: string) => m[5]!.match(new RegExp(`${name}: ([^,]+)`))?.[1]?.trim() ?? '?';
    return tagged(step('seIpsecSa', { sa: m[1]!, n: m[2]!, dir: m[4]!, hash: field('Hash Algorithm'), cipher: field('Cipher Algorithm'), bits: field('Cipher Key Size').replace(/ bits$/, '') }, 'success'), { peer: m[3] });
  }],
  [/^IPsec ESP Session \(IPsec SA\) (\d+) \(Client: (\d+)\) \((\S+?):\d+ -> \S+?:\d+\): This IPsec SA is deleted\.$/, (m) => tagged(step('seIpsecSaDeleted', { sa: m[1]!, n: m[2]! }), { peer: m[3] })],
  [/^L2TP PPP Session \[(\S+?):\d+\]: Acquiring an IP address from the DHCP server failed\./, (m) => tagged({ decoded: [d('seDhcpFailed', { peer: m[1]! })], outcome: 'failure', cause: 'address-pool' }, { peer: m[1] })],
  // SoftEther server_log and hub logs (strtable_en.stb LH_CONNECT_CLIENT, LH_AUTH_NG — newer builds add ", from <ip>" for Fail2Ban —,
  // LH_AUTH_OK, the connection's end and its cause); a hub's lines start `[HUB "name"] `
  // (the port may be a poster's placeholder: `Port number: <REDACTED>`, SoftEther issue #844)
  [/^(?:\[HUB "[^"]*"\] )?The connection "(CID-[\w-]+)" \(IP address: ([^,]+), Host name: [^,]*, Port number: ([^,]+), Client name: "([^"]*)", Version: [^)]*\) is attempting to connect to the Virtual Hub\. The auth(?:entication)? type provided is "([^"]*)" and the user name is "([^"]*)"\.$/, (m) =>
    tagged(step('seConnecting', { cid: m[1]!, peer: m[2]!, port: m[3]!, client: m[4]!, auth: m[5]!, user: m[6]! }), { peer: m[2], user: m[6] || undefined })],
  [/^(?:\[HUB "[^"]*"\] )?Connection "(CID-[\w-]+)": User authentication failed\. The user name that has been provided was "([^"]*)"(?:, from ([^\s,]+))?\.$/, (m) =>
    // (an empty user name: the client sent none at all — SoftEther issue #844, an OpenVPN 3 client; a PC's VPN profile without a saved user name alike)
    tagged({ decoded: [m[2] ? d('seAuthFailed', { cid: m[1]!, user: m[2] }) : d('seAuthFailedNoUser', { cid: m[1]! })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user: m[2] || undefined, peer: m[3] })],
  [/^(?:\[HUB "[^"]*"\] )?Connection "(CID-[\w-]+)": Successfully authenticated as user "([^"]*)"\.$/, (m) => tagged(step('seAuthOk', { cid: m[1]!, user: m[2]! }, 'success'), { user: m[2] })],
  // a connection's end with its error code, a hub's sessions, the L2TP/SSTP PPP sessions' addresses (families/softether-log.ts)
  ...SOFTETHER_LOG_RULES,
  // the TCP listener on port 0 is no port on the network: SoftEther's in-process listener (src/Cedar/Cedar.h LISTENER_INPROC, "In-process
  // communication"), through which its L2TP, SSTP and OpenVPN servers hand a PC's PPP session to a Virtual Hub (SoftEther issues
  // #1396, #2110: right after the PPP session starts, from the PC's own address and port)
  [/^On the TCP Listener \(Port 0\), a Client \(IP address ([^,]+), Host name "[^"]*", Port number \d+\) has connected\.$/, (m) => tagged(step('seInprocConnected', { peer: m[1]! }), { peer: m[1] })],
  [/^On the TCP Listener \(Port [1-9]\d*\), a Client \(IP address ([^,]+), Host name "[^"]*", Port number \d+\) has connected\.$|^For the client \(IP address: ([^,]+), host name: "[^"]*", port number: \d+\), connection "CID-[\w-]+" has been created\.$/, (m) =>
    tagged(step('seTcpConnected', { peer: (m[1] ?? m[2])! }), { peer: m[1] ?? m[2] })],
  // (an ISO-timestamped line's "SSL" reads as its level word: the message starts after it)
  // (newer builds name the TLS version before the cipher, "(null)" on the internal connection of a PPP session: SoftEther issue #1854)
  [/^(?:SSL )?communication for connection "(CID-[\w-]+)" has been started\.(?: The protocol version is ([^\s]+?)\.)? The encryption algorithm name is "([^"]*)"\.$/, (m) =>
    m[3] === '(null)' ? step('seInprocTls', { cid: m[1]! }) : step('seTls', { cid: m[1]!, cipher: m[2] && m[2] !== '(null)' ? `${m[3]!}, ${m[2]}` : m[3]! })],
  // TLS did not start: "Failed to start SSL communication for connection "CID-3". Error: Failed to find an available cipher that is
  // supported by both sides, or the cipher specified is not compatible with the server certificate. (code 151)" (SoftEther issue #1926:
  // Windows 10's SSTP client against a server whose cipher setting it does not share). Any client's failed handshake reads so —
  // a scanner's too — so it is a warning naming the reason, not a cause; SoftEther's text is quoted as logged. Windows 7's SChannel
  // has TLS 1.1/1.2 disabled by default as a client (learn.microsoft.com, "Protocols in TLS/SSL (Schannel SSP)").
  [/^Failed to start SSL communication for connection "(CID-[\w-]+)"\. Error: (.+?)\.? \([Cc]ode (\d+)\)\.?$/, (m) => {
    const hit = step('seTlsFailed', { cid: m[1]!, reason: m[2]!, code: m[3]! }, 'warning');
    hit.decoded.push(...step('seTlsFailedMeans').decoded);
    return hit;
  }],
  // "SSTP PPP Session [ip:port]: A new PPP session (Upper protocol: SSTP) is started. … Client Software Name: "Microsoft SSTP VPN
  // Client", …" (SoftEther issues #1396, #1854; L2TP alike): the PC's PPP session begins, the name says which client it is (an
  // ISO-timestamped line's "SSTP" reads as its level word, like "SSL" above: the protocol word is optional, Upper protocol names it)
  [/^(?:(\w+) )?PPP Session \[(\S+?):(\d+)\]: A new PPP session \(Upper protocol: (\w+)\) is started\.(.*)$/, (m) => {
    const client = m[5]!.match(/Client Software Name: "([^"]*)"/)?.[1] ?? '?';
    return tagged(step('sePppSessionNew', { proto: m[4]!, peer: m[2]!, port: `${m[4] === 'SSTP' ? 'TCP' : 'UDP'} ${m[3]}`, client }), { peer: m[2] });
  }],
  [/^Connection "(CID-[\w-]+)" has been terminated\.$|^The connection with the client \(IP address ([^,]+), Port number \d+\) has been disconnected\.$/, (m) => (m[1] ? step('seConnectionClosed', { cid: m[1] }) : step('seClientDisconnected', { peer: m[2]! }))],
  // any other line of a SoftEther connection or session (a hub's policy notes, session parameters): bookkeeping, after the rules above
  fallback(/^(?:\[HUB "[^"]*"\] )?(?:Session "SID-[^"]+"|Connection "CID-[\w-]+"): /, () => step('sstpHousekeeping')),
  // SoftEther 5's protocol sessions (`[SSTP] <PC>:52918 -> <server>:443 (TCP): Session created.`, SoftEther issue #1396): said as written
  [/^\[(\w+)\] (\S+?):(\d+) -> \S+?:\d+ \((TCP|UDP)\): (.+)$/, (m) => tagged(step('seProtoSession', { proto: m[1]!, peer: m[2]!, port: `${m[4]} ${m[3]}`, text: m[5]! }), { peer: m[2] })],
  // an administrator's connection (the server manager, vpncmd: SoftEther issue #1403), not a VPN client: its log-in and what it changes
  [/^Connection "CID-[\w-]+" (?:connected using server admin mode|successfully logged in using administration mode|created a new remote procedure call session "RPC-\d+" for the purpose of administration mode)\.$|^(?:\[HUB "[^"]*"\] )?Administration mode \[RPC-\d+\]/, () => step('seAdminMode')],
  // SoftEther's debug console prints its server_log lines behind `LOG: ` (families/softether-debug.ts): read the line behind it
  [/^LOG: (.+)$/, (m, pre, state) => applyRules(RULES, m[1]!.trim(), pre, state)],
  ...SOFTETHER_DEBUG_RULES,
];

/**
 * What claims looks for first, after `SSTP` anywhere (a plain search: in one regex with these, the
 * unanchored word made the engine try every alternative at every position of every record no
 * program tag names). A module constant: a regex literal in a function is a new RegExp per call.
 */
const SSTP_MARK = /^(?:IPsec (?:Client|IKE Session|ESP Session) |L2TP PPP Session \[|(?:\[HUB "[^"]*"\] )?(?:The )?[Cc]onnection "CID-|On the TCP Listener \(Port \d+\)|For the client \(IP address: |(?:SSL |Failed to start SSL )?communication for connection "CID-|(?:\[HUB "[^"]*"\] )?Session "SID-|The connection with the client \(IP address )/;

/**
 * A SoftEther line whose copy lost the first digits of its date (`019-10-11 17:37:02.473 [HUB "VPN"] …`, SoftEther issue #993: a code
 * block's first line without its leading "2"): no header is read, so the time is gone, but the message after it is SoftEther's own.
 * SoftEther always writes four-digit years with milliseconds (its server_log); only a shorter year before such a time is cut.
 */
const CUT_DATE = /^\d{1,3}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} /;
const messageOf = (pre: Prefixed): string => {
  const text = pre.message.trim();
  return pre.shape === 'none' && CUT_DATE.test(text) ? text.replace(CUT_DATE, '') : text;
};

/**
 * Whether some rule's pattern takes the message, by one regex test per flag set (the rules' patterns joined), where applyRules
 * makes a match per rule: a rule gives a hit only where its pattern matched, so a message none takes gets none. claims runs
 * the rules on every ISO-timed record no program tag names (an RFC 3339 log's `kernel:`, `systemd:` lines): there they were
 * ≈ 7 % of the read. Undefined (always try the rules) when a pattern could mean another thing joined: a backreference, a
 * named group, a global or sticky flag.
 */
const anyRulePattern = (rules: readonly Rule[]): RegExp[] | undefined => {
  const byFlags = new Map<string, string[]>();
  for (const [re] of rules) {
    if (/\\[1-9k]|\(\?<[^=!]/.test(re.source) || /[gy]/.test(re.flags)) return undefined;
    byFlags.set(re.flags, [...(byFlags.get(re.flags) ?? []), `(?:${re.source})`]);
  }
  return [...byFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
};
const ANY_RULE = anyRulePattern(RULES);
/** @internal (tests) */
export const SOFTETHER_RULES: readonly Rule[] = RULES;
/** @internal (tests: held to the rules one by one) */
export const mayMatchRule = (message: string): boolean => ANY_RULE === undefined || ANY_RULE.some((re) => re.test(message));

/**
 * SoftEther's PPP log-in refusal whose head a copy cut (`assword authentication protocol) user authentication failed.`: SoftEther
 * issue #459, a search excerpt of a paragraph of server_log records that begins mid-word): no date, no `L2TP PPP Session [peer]:`,
 * but its parenthesised protocol name and the refusal after it are SoftEther's own words (softether-log.ts pppAuthFailed). Two
 * string tests, for a header-less line only; no peer is read (the head held it).
 */
const CUT_AUTH_TAIL = ` authentication protocol)${AUTH_FAILED}`;
const isCutAuthTail = (pre: Prefixed): boolean => pre.shape === 'none' && pre.message.endsWith(CUT_AUTH_TAIL) && pre.message.indexOf('[') < 0;

/**
 * A server_log record a copy wrapped after a field's name (`… A new IPsec SA (Direction: Server -> Client) is created. SPI:` / ` 0x0,
 * DH Group: (null), Hash Algorithm: SHA-1, …`, SoftEther issue #459): the indented line under it holds that field's value and the
 * record's further `, Name: value` fields (the IKE SA's and IPsec SA's field lists, softether.ts field()). detect.ts continues asks
 * it for an indented line, after a blank-free gap: the record's last character first, then the line's shape, then the record's.
 */
const FIELD_VALUE_THEN_FIELDS = /^[ \t]+\S+, [A-Z][\w ]*: /;
const SOFTETHER_SA_RECORD = /(?:^|\s)IPsec (?:IKE|ESP) Session \((?:IKE|IPsec) SA\) \d+ \(Client: \d+\) /;
export const continuesSoftEtherRecord = (pending: string, line: string): boolean =>
  pending.charCodeAt(pending.length - 1) === 58 /* : */ && FIELD_VALUE_THEN_FIELDS.test(line) && / [A-Z][\w ]*:$/.test(pending.slice(-40)) && SOFTETHER_SA_RECORD.test(pending.slice(-400));

export const softetherFamily: FamilyParser = {
  family: 'softether',
  claims: (pre: Prefixed) =>
    ((pre.program === undefined || !pre.program.startsWith('accel-')) && (pre.message.indexOf('SSTP') >= 0 || SSTP_MARK.test(pre.message))) ||
    ((pre.shape === 'iso' || pre.shape === 'none') && claimedByRules(messageOf(pre), pre)) ||
    isCutAuthTail(pre),
  parse: (pre, state) => (isCutAuthTail(pre) ? pppAuthFailed(pre.message, undefined) : applyRules(RULES, messageOf(pre), pre, state)),
};

/** A rule gives the message a hit (applyRules, tried only when some rule's pattern takes it). */
const claimedByRules = (message: string, pre: Prefixed): boolean => mayMatchRule(message) && applyRules(RULES, message, pre, {}) !== null;
