import type { InputVerdict } from './types';

/**
 * What a whole input is when it is not a server log: nothing, binary, or a Windows output pasted
 * into the wrong box (route print, ipconfig). Judged on the first lines only, so it is bounded.
 */

export const SNIFF_LINES = 400;

/**
 * A route print judged by its shape, in any language and behind any log prefix (openconnect-gui's `date | pid | `): the interface
 * list's rows (`17...00 28 f8 39 61 6b ......Wi-Fi`, `1...........................Software Loopback Interface 1`, ISATAP's eight
 * bytes) and the IPv4 table's rows (destination, mask, gateway or its localised on-link word — `Auf Verbindung`, `En vínculo`,
 * `В канале` —, interface, metric): the headers are translated (corpus route-print/win-fr-…, win11-es-…, win7-ru-…).
 */
const ROUTE_HEADER = /^\s*(?:IPv4 Route Table|IPv6 Route Table|Interface List|Active Routes:|Persistent Routes:|Network Destination\s+Netmask\s+Gateway|Netwerkadres|Netzwerkziel)/i;
const IFACE_ROW = /(?:^|\s)\d{1,3} ?\.{3}(?:(?:[0-9a-f]{2} ){6,8}\.*|\.{6,})\S/i;
const V4_ROUTE_ROW = /(?:^|\s)\d{1,3}(?:\.\d{1,3}){3}\s+\d{1,3}(?:\.\d{1,3}){3}\s+\S.*?\s\d{1,3}(?:\.\d{1,3}){3}\s+\d+\s*$/;
/**
 * Longer than any route row, even behind a log prefix (five columns of at most 15 characters and their blanks): V4_ROUTE_ROW's
 * lazy middle, tried from every address in a line, made a glued line of 80 000 characters of addresses take seconds.
 */
const MAX_ROUTE_ROW = 1024;
/**
 * ipconfig judged by its shape too: every value behind a label and a dotted leader, `IPv4 Address. . . . . . : 10.0.0.5`,
 * `主机名  . . . . . . . . : DESKTOP-B7MJ4LC`, `Physikalische Adresse . . . : …` (the labels are translated, the leader is not).
 */
const IPCONFIG_HEADER = /^\s*(?:Windows IP Configuration|Windows-IP-Konfiguratie|Windows-IP-Konfiguration|Ethernet adapter |PPP adapter |Wireless LAN adapter )/i;
const IPCONFIG_LEADER = /\S ?(?:\. ){3,}\.? ?: /;
/**
 * Where in a line an ipconfig leader can end: a label and its leader fit in the line's start (the longest translated label is
 * under 60 characters). Tried on the whole line, the leader's `(?:\. ){3,}` ran over a run of `. . .` from each of its points:
 * 80 000 characters of them took 1.5 s, in any log's first lines (found by timing lines of repeated pairs; round 43).
 */
const MAX_IPCONFIG_LEADER_END = 256;

/**
 * The other files of a PC's capture (../shared/DESIGN.md "Capture directory"), pasted or dropped into the server-log box by mistake
 * (round 43: the box answered them with "no line is in a server log format" and a list of formats), judged by their structure:
 * - TunnelMedic's own JSON: capture.json (`{"schemaVersion":1,"collectedAt"?,"tool"?,"codepage"?,"hostname"?}`, DESIGN.md) and the
 *   report (`--json`: `"schemaVersion"`, `"tool": {"name": "tunnelmedic"…}`, `"generatedAt"`) — its keys, never translated;
 * - `systeminfo`: every field a label, a colon and a run of blanks up to the value's column (the labels are translated: `主机名:`,
 *   `Имя узла:`), and its lists (processors, hotfixes, network cards) as indented `[01]: …` rows (corpus systeminfo-ver/*);
 * - a rasphone.pbk phonebook: an INI `[entry name]` and the phonebook's own keys, which are not translated (`Encoding=1`,
 *   `PBVersion=`, `Type=`, `MEDIA=`, `DEVICE=`, `VpnStrategy=` …; corpus pbk/*, samples/demo/pbk);
 * - `reg query` output (a key's full path `HKEY_LOCAL_MACHINE\…`, values as `    Name    REG_SZ    value`) and a .reg export
 *   (`Windows Registry Editor Version 5.00` / `REGEDIT4`, `[HKEY_…]`, `"Name"=dword:…`; Microsoft, "How to add, modify, or delete
 *   registry subkeys and values by using a .reg file");
 * - `netsh interface ipv4 show interfaces`: a dashed rule of five columns and rows of index, metric, MTU, state and name.
 * A line is tested only after a one-character check, and only in the first SNIFF_LINES lines; the verdict is given only where (almost)
 * no line was understood, as for a route print.
 */
// (`(?:\{\s*)?`, not `\{?\s*`: two blank runs side by side split a line of blanks every way — a 300 000-blank line took 78 s)
const TM_SCHEMA = /^\s*(?:\{\s*)?"schemaVersion"\s*:\s*1\b/;
const TM_REPORT_KEY = /"(?:generatedAt|name"\s*:\s*"tunnelmedic)"/;
const TM_CAPTURE_KEY = /"(?:collectedAt|codepage)"\s*:/;
const SYSTEMINFO_FIELD = /^[^\s:][^:]{0,60}:\s{2,}\S/;
const SYSTEMINFO_LIST_ROW = /^\s{8,}\[\d{2,3}\]: \S/;
const PBK_KEY = /^(?:Encoding|PBVersion|Type|AutoLogon|UseRasCredentials|DialParamsUID|Guid|VpnStrategy|ExcludedProtocols|MEDIA|DEVICE|PhoneNumber|IpPrioritizeRemote|IpInterfaceMetric|PreSharedKey|CustomIPSecPolicies|BaseProtocol|Port|Device|NumCustomPolicy|NumServerEntries)=/;
const INI_SECTION = /^\[[^\]]+\]\s*$/;
const REG_KEY = /^\[?-?HKEY_(?:LOCAL_MACHINE|CURRENT_USER|CLASSES_ROOT|USERS|CURRENT_CONFIG)(?:\\|\]|$)/;
const REG_VALUE = /^ {4}\S.*? {4}REG_(?:SZ|EXPAND_SZ|MULTI_SZ|DWORD|QWORD|BINARY|NONE)(?: {4}|$)/;
const REG_FILE = /^(?:Windows Registry Editor Version \d|REGEDIT4\s*$|"[^"]*"=(?:"|dword:|hex))/;
const NETSH_RULE = /^-{3,}(?:\s+-{3,}){4}\s*$/;
const NETSH_ROW = /^\s*\d+\s+\d+\s+\d+\s+\S+\s+\S/;
/**
 * `netsh interface show interface` (round 44): its header (`Admin State  State  Type  Interface Name`, translated: `Состояние адм.
 * Состояние  Тип  Имя интерфейса`) stands over ONE unbroken run of dashes, then a row per interface of three one-word columns (admin
 * state, state, type — translated: `Разрешен  Подключен  Выделенный`) at least two blanks apart and the name, which may hold blanks
 * (corpus netsh/win7-en-netsh-show-interface-anyconnect-disabled.txt, test/fixtures/real/netsh/win10-ru-show-interface-…).
 */
const NETSH_LONG_RULE = /^-{40,}\s*$/;
const NETSH_IF_ROW = /^\S+ {2,}\S+ {2,}\S+ {2,}\S/;
/**
 * PowerShell's view of the PC's network settings (round 44): Get-VpnConnection, Get-NetIPConfiguration, Get-NetIPAddress,
 * Get-NetRoute, Get-NetIPInterface, Get-NetAdapter, Get-DnsClientGlobalSetting — in Format-List (`ServerAddress         : 10.1.1.2`),
 * Format-Table (a header of property names over dashes, `ifIndex DestinationPrefix  NextHop  RouteMetric …`) or ConvertTo-Json
 * (`"DestinationPrefix":  "0.0.0.0/0"`). Judged by the objects' property names, which PowerShell never translates (they are the CIM
 * classes' properties — MSFT_NetRoute, MSFT_NetIPInterface, MSFT_NetIPAddress, MSFT_NetAdapter, and the VpnClient module's
 * VpnConnection; Microsoft Learn, each cmdlet's "Outputs"): a German or Russian Windows prints the same names (real:
 * test/fixtures/real/powershell/get-netipinterface-ft-ru-header-wrapped-80-columns.txt). Names any program's JSON may use (Name,
 * Status, Guid, Type, Protocol, Store, Publish, Dhcp) are not in the list: three DISTINCT names of it make the verdict.
 */
const PS_PROPERTIES = new Set([
  'ServerAddress', 'AllUserConnection', 'TunnelType', 'AuthenticationMethod', 'EncryptionLevel', 'L2tpIPsecAuth', 'UseWinlogonCredential',
  'EapConfigXmlStream', 'ConnectionStatus', 'RememberCredential', 'SplitTunneling', 'IdleDisconnectSeconds', 'DnsSuffix',
  'ifIndex', 'InterfaceIndex', 'InterfaceAlias', 'InterfaceDescription', 'InterfaceMetric', 'ifMetric', 'DestinationPrefix', 'NextHop',
  'RouteMetric', 'PolicyStore', 'AddressFamily', 'NlMtu', 'NlMtu(Bytes)', 'ConnectionState', 'DadTransmits', 'ValidLifetime',
  'PreferredLifetime', 'IPAddress', 'PrefixLength', 'PrefixOrigin', 'SuffixOrigin', 'AddressState', 'SkipAsSource', 'InterfaceIP',
  'IPv4Address', 'IPv6Address', 'IPv4DefaultGateway', 'IPv6DefaultGateway', 'IPv6LinkLocalAddress', 'DNSServer', 'NetProfile.Name',
  'NetAdapter.Status', 'MacAddress', 'LinkSpeed', 'ifDesc', 'MediaConnectionState', 'UseSuffixSearchList', 'SuffixSearchList',
  'UseDevolution', 'DevolutionLevel',
  // Test-NetConnection (a network test: TEST_PROPERTIES)
  'ComputerName', 'RemoteAddress', 'RemotePort', 'SourceAddress', 'PingSucceeded', 'TcpTestSucceeded', 'NameResolutionResults',
]);
/**
 * Get-NetRoute's table rows without their header (a paste that starts below it: corpus powershell/get-netroute-*-headerless.txt):
 * ifIndex, the destination as a prefix with its length, the next hop, the route metric and, if shown, the interface metric and the
 * policy store — no log writes a prefix/length right after a number and before a bare address and two numbers.
 */
const PS_ROUTE_ROW = /^ *\d{1,5} +[\d.:a-fA-F]{2,39}\/\d{1,3} +[\d.:a-fA-F]{2,39} +\d{1,10}(?: +\d{1,10})?(?: +[A-Za-z]+)? *$/;
/** Test-NetConnection's results: the properties that make its output a network test rather than settings */
const TEST_PROPERTIES = new Set(['PingSucceeded', 'TcpTestSucceeded']);
/** a Format-List row (`PingReplyDetails (RTT) : 0 ms` too) and a ConvertTo-Json key; the name is looked up in PS_PROPERTIES */
const PS_LIST_ROW = /^[ \t]*([A-Za-z][\w.]{1,40})(?: \(RTT\))? *:(?: |$)/;
const PS_JSON_KEY = /^[ \t]*"([A-Za-z][\w.]{1,40})"\s*:/;
/** a Format-Table header: names one blank or more apart, nothing else on the line */
const PS_TABLE_HEADER = /^[ \t]*[A-Za-z][\w().]*(?: +[A-Za-z][\w().]*){2,} *$/;
/**
 * ping, tracert and traceroute (round 44), in any language: Windows ping's reply row ends in `TTL=n` after the time, whatever the
 * words (`Reply from …: bytes=32 time<1ms TTL=128`, `Réponse de … : octets=32 temps=1 ms TTL=128`, `Ответ от …: число байт=32
 * время=15мс TTL=117`); Linux ping's `icmp_seq=1 ttl=64 time=1.72 ms`; tracert's hop rows, a hop number and three times or stars
 * (`  1     1 ms     2 ms    <1 мс  192.168.0.1`, `  3     *        *        *     Превышен интервал…`); traceroute's
 * `  1  gate (192.168.3.1)  5.823 ms`. Assumed from the samples (test/fixtures/real/server-logs/pc-output-*.txt), no vendor spec.
 */
// the time's unit is letters (`ms`, `мс`): a firewall's `PREC=0x00 TTL=64` is no ping row
const WIN_PING_ROW = /[=<]\d{1,6} ?[^\s=\d]{1,4} TTL=\d{1,3}(?:\s|$)/;
const UNIX_PING_ROW = /icmp_[sr]eq=\d+ ttl=\d+ time[=<]/;
const TRACERT_ROW = /^ {0,3}\d{1,3}(?: +(?:<?\d{1,6} \S{1,3}|\*)){3} +\S/;
const TRACEROUTE_ROW = /^ {0,3}\d{1,3} +\S+ \([\d.:a-fA-F]+\) +[\d.]+ ms/;
/**
 * A VPN server's or router's STATUS output pasted instead of its log (round 44, hLH): a snapshot of the tunnels as they are now, with
 * no time and no event — it cannot say why a PC's connection failed. Judged by each command's own structure, not its words:
 * - FortiGate `diagnose vpn ike gateway list`: per gateway `IKE SA: created 2/2  established 2/2  time …` and `IPsec SA: created …`,
 *   per IKE SA `id/spi: 10 <16 hex>/<16 hex>`; `diagnose vpn tunnel list`: `list all ipsec tunnel in vd 0`, `proxyid_num=1 child_num=0`,
 *   `stat: rxp=0 txp=0 rxb=0 txb=0` (Fortinet Document Library, FortiOS CLI reference "diagnose vpn ike gateway" / "diagnose vpn
 *   tunnel list"; real: test/fixtures/real/server-logs/fortigate-diagnose-vpn-ike-gateway-list-…);
 * - FortiGate `get vpn ipsec tunnel summary`: `'name' 100.64.15.1:0  selectors(total,up): 1/1  rx(pkt,err): 0/0  tx(pkt,err): 0/4`;
 * - MikroTik RouterOS `print` of the VPN menus (`/ip ipsec active-peers print`, `/ppp active print`; RouterOS manual, "IPsec" →
 *   Active Peers, "PPP" → Active): the column header under `Flags: R - responder, N - natt-peer`, `#` then upper-case column
 *   names of which one is a VPN menu's own (PH2-TOTAL; SERVICE with CALLER-ID), or `print detail`'s `ph2-total=` / `caller-id=`.
 * Cisco's `show crypto isakmp sa` / `show crypto ikev1 sa` and strongSwan's `ipsec statusall` / `swanctl --list-sas` are read line by
 * line by their families (ios-crypto.ts, asa-show-ikev1-sa.ts, strongswan-statusall.ts, swanctl-list-sas.ts), their states decoded.
 */
const FORTI_GW_ROW = /^\s*(?:(?:IKE|IPsec) SA: created \d+\/\d+ +established \d+\/\d+|id\/spi: \d+ [0-9a-f]{16}\/[0-9a-f]{16}|list all ipsec tunnel in vd \d+|proxyid_num=\d+ child_num=\d+|stat: rxp=\d+ txp=\d+)\b/;
const FORTI_SUMMARY_ROW = /^\s*'[^']{1,80}' \S{1,60}:\d{1,5} +selectors\(total,up\): \d+\/\d+/;
const ROS_FLAGS = /^\s*Flags: [A-Z] - [a-z][\w-]*(?:, [A-Z] - [a-z][\w-]*)*\s*$/;
const ROS_HEADER = /^\s*#\s+[A-Z][A-Z0-9-]*(?:\s+[A-Z][A-Z0-9-]*){2,}\s*$/;
const ROS_VPN_COLUMNS = /\s(?:PH2-TOTAL|CALLER-ID)(?:\s|$)/;
const ROS_DETAIL = /(?:^|\s)(?:ph2-total=\d|caller-id=\S)/;

/** lines this long are no field of these outputs (a value is a path or a list at most) */
const MAX_PC_FILE_LINE = 1024;

/**
 * A binary file named by its first bytes, as the first line holds them (a binary file reaches the parser as Latin-1 text: the CLI's
 * server-log-file.ts and the paste box's dropped-log.ts; a NUL may have been taken out, chunk-lines.ts):
 * - a Windows XML event log, `.evtx`: its file header's signature "ElfFile\0" (libyal libevtx, "Windows XML Event Log (EVTX)
 *   format", file header) — what Event Viewer's "Save All Events As…" writes unless told otherwise;
 * - NT 4.0 – Windows 2003's `.evt`: header size 0x30, then the signature "LfLe" (libyal libevt, "Windows Event Log (EVT) format");
 * - a pcap capture (tcpdump, Wireshark): magic 0xA1B2C3D4 or, nanosecond, 0xA1B23C4D, in either byte order (pcap-savefile(5));
 *   pcapng: a Section Header Block, type 0x0A0D0D0A, whose byte-order magic 0x1A2B3C4D (either order) follows the block length
 *   (draft-ietf-opsawg-pcapng, 4.1) — its CR LF bytes cut the first line, so the magic is looked for in the first lines' starts.
 */
const EVT = /^0\u0000{0,3}LfLe/;
const PCAP_MAGIC = new Set(['\u00d4\u00c3\u00b2\u00a1', '\u00a1\u00b2\u00c3\u00d4', 'M<\u00b2\u00a1', '\u00a1\u00b2<M']);
const PCAPNG_MAGIC = /^[^]{0,4}(?:\u001a\+<M|M<\+\u001a)/;

function binaryKind(line: string, index: number): InputVerdict | undefined {
  if (index === 0 && (line.startsWith('ElfFile') || EVT.test(line))) return 'windows-event-log';
  if (index === 0 && PCAP_MAGIC.has(line.slice(0, 4))) return 'packet-capture';
  if (index < 4 && PCAPNG_MAGIC.test(line)) return 'packet-capture';
  return undefined;
}

export class InputSniffer {
  private lines = 0;
  private binaryLines = 0;
  /** what the binary file's first bytes said it is (binaryKind) */
  private kind: InputVerdict | undefined;
  private routePrint = 0;
  private ipconfig = 0;
  private tmSchema = false;
  private tmReport = false;
  private tmCapture = false;
  private systeminfoFields = 0;
  private systeminfoList = 0;
  private pbkKeys = 0;
  private iniSections = 0;
  private registry = 0;
  private netshRule = false;
  private netshRows = 0;
  private netshLongRule = false;
  private netshIfRows = 0;
  /** the distinct PowerShell property names seen (PS_PROPERTIES: bounded by its size) */
  private psNames = new Set<string>();
  private networkTest = false;
  private psRouteRows = 0;
  private testRows = 0;
  /** a VPN server's status output (FORTI_GW_ROW, FORTI_SUMMARY_ROW, ROS_HEADER …): its rows seen */
  private statusRows = 0;
  private rosFlags = false;

  see(line: string): void {
    if (this.lines >= SNIFF_LINES) return;
    if (this.lines < 4 && this.kind === undefined) this.kind = binaryKind(line, this.lines);
    this.lines++;
    if (line.length === 0) return;
    let control = 0;
    for (let i = 0; i < Math.min(line.length, 512); i++) {
      const c = line.charCodeAt(i);
      if ((c < 32 && c !== 9 && c !== 12 && c !== 13 && c !== 27) || c === 0xfffd) control++;
    }
    if (line.includes('\u0000') || control > Math.min(line.length, 512) * 0.1) this.binaryLines++;
    if (ROUTE_HEADER.test(line) || IFACE_ROW.test(line) || (line.length <= MAX_ROUTE_ROW && V4_ROUTE_ROW.test(line))) this.routePrint++;
    else if (IPCONFIG_HEADER.test(line) || IPCONFIG_LEADER.test(line.length > MAX_IPCONFIG_LEADER_END ? line.slice(0, MAX_IPCONFIG_LEADER_END) : line)) this.ipconfig++;
    else this.seePcFile(line);
  }

  /** the other files of a PC's capture (see TM_SCHEMA …): a first-character check before each shape */
  private seePcFile(line: string): void {
    const c = line.charCodeAt(0);
    if (c === 0x7b /* { */ || c === 0x22 /* " */ || c === 0x20 || c === 0x09) {
      if (!this.tmSchema && TM_SCHEMA.test(line)) this.tmSchema = true;
      // a one-line capture.json or a minified report holds its keys on the schemaVersion's line
      if (line.includes('"generatedAt"') || line.includes('"tunnelmedic"')) this.tmReport ||= TM_REPORT_KEY.test(line);
      if (line.includes('"collectedAt"') || line.includes('"codepage"')) this.tmCapture ||= TM_CAPTURE_KEY.test(line);
    }
    if (line.length > MAX_PC_FILE_LINE) return;
    this.seePcOutput(line, c);
    if (c === 0x20) {
      if (REG_VALUE.test(line)) this.registry++;
      else if (SYSTEMINFO_LIST_ROW.test(line)) this.systeminfoList++;
      else if (NETSH_ROW.test(line)) this.netshRows++;
    } else if (c === 0x5b /* [ */) {
      if (REG_KEY.test(line)) this.registry++;
      else if (INI_SECTION.test(line)) this.iniSections++;
    } else if (c === 0x48 /* H */ && REG_KEY.test(line)) this.registry++;
    else if (c === 0x2d /* - */ && NETSH_RULE.test(line)) this.netshRule = true;
    else if (c === 0x22 || c === 0x57 /* W */ || c === 0x52 /* R */) {
      if (REG_FILE.test(line)) this.registry++;
    }
    if (c > 0x20 && line.indexOf('=') > 0 && PBK_KEY.test(line)) this.pbkKeys++;
    else if (c > 0x20 && c !== 0x5b && SYSTEMINFO_FIELD.test(line)) this.systeminfoFields++;
  }

  /**
   * PowerShell's network settings, `netsh interface show interface`, and ping/tracert/Test-NetConnection (see PS_PROPERTIES,
   * NETSH_LONG_RULE, WIN_PING_ROW): each behind a one-character or substring check.
   */
  private seePcOutput(line: string, c: number): void {
    if (c === 0x2d /* - */) {
      if (NETSH_LONG_RULE.test(line)) this.netshLongRule = true;
      return;
    }
    if (this.seeVpnStatus(line, c)) return;
    if (line.includes('TTL=') || line.includes(' ttl=')) {
      if (WIN_PING_ROW.test(line) || UNIX_PING_ROW.test(line)) this.testRows++;
      return;
    }
    if (line.includes(' ms') || line.includes('*')) {
      if (TRACERT_ROW.test(line) || TRACEROUTE_ROW.test(line)) {
        this.testRows++;
        return;
      }
    }
    if (line.includes(':')) {
      const m = PS_LIST_ROW.exec(line) ?? PS_JSON_KEY.exec(line);
      if (m && PS_PROPERTIES.has(m[1]!)) {
        this.psNames.add(m[1]!);
        if (TEST_PROPERTIES.has(m[1]!)) this.networkTest = true;
      }
    } else if (PS_TABLE_HEADER.test(line)) {
      for (const name of line.trim().split(/ +/)) if (PS_PROPERTIES.has(name)) this.psNames.add(name);
    } else if (line.includes('/') && PS_ROUTE_ROW.test(line)) this.psRouteRows++;
    if (this.netshLongRule && c > 0x20 && NETSH_IF_ROW.test(line)) this.netshIfRows++;
  }

  /** a VPN server's status output (see FORTI_GW_ROW): a substring or first-character check before each shape */
  private seeVpnStatus(line: string, c: number): boolean {
    if (line.includes(' SA: created ') || line.includes('id/spi: ') || line.includes('list all ipsec') || line.includes('proxyid_num=') || line.includes('stat: rxp=')) {
      if (FORTI_GW_ROW.test(line)) this.statusRows++;
      return false;
    }
    if (line.includes('selectors(total,up)')) {
      if (FORTI_SUMMARY_ROW.test(line)) this.statusRows++;
      return true;
    }
    if (line.includes('Flags: ')) {
      if (ROS_FLAGS.test(line)) this.rosFlags = true;
      return false;
    }
    if ((c === 0x20 || c === 0x23 /* # */) && line.includes('#') && ROS_VPN_COLUMNS.test(line) && ROS_HEADER.test(line)) {
      this.statusRows += 2;
      return true;
    }
    if ((line.includes('ph2-total=') || line.includes('caller-id=')) && ROS_DETAIL.test(line)) this.statusRows++;
    return false;
  }

  /** which other file of a PC's capture the text is, if its structure says so */
  private pcFile(): InputVerdict | undefined {
    if (this.tmSchema && this.tmReport) return 'tunnelmedic-report';
    if (this.tmSchema && this.tmCapture) return 'tunnelmedic-capture';
    if (this.registry >= 2) return 'registry';
    if (this.pbkKeys >= 3 && this.iniSections >= 1) return 'phonebook';
    if (this.systeminfoFields >= 5 && this.systeminfoList >= 1) return 'systeminfo';
    if (this.netshRule && this.netshRows >= 1) return 'netsh-interfaces';
    if (this.netshLongRule && this.netshIfRows >= 2) return 'netsh-interfaces';
    if (this.statusRows >= 2) return 'vpn-status';
    if (this.networkTest || this.testRows >= 2) return 'network-test';
    if (this.psNames.size >= 3 || this.psRouteRows >= 2) return 'powershell-network';
    return undefined;
  }

  /** `inFormat`: records in a known family's format whose message was not understood (a log, listed line by line — not "not a log") */
  verdict(records: number, understood: number, inFormat = 0): InputVerdict {
    if (records === 0) return this.binaryLines > 0 ? (this.kind ?? 'binary') : 'empty';
    if (this.binaryLines > 0 && this.binaryLines >= Math.min(this.lines, SNIFF_LINES) * 0.1) return this.kind ?? 'binary';
    if (understood === 0 || understood < records * 0.05) {
      if (this.routePrint >= 2) return 'route-print';
      if (this.ipconfig >= 2) return 'ipconfig';
      const pc = this.pcFile();
      if (pc) return pc;
      if (understood === 0 && inFormat === 0) return 'not-a-log';
    }
    return 'ok';
  }
}
