import { readMisread } from './code-page-misreadings';
import { hasLostLetters, lostLetterForm, lostLetterKey, LostLetterIndex } from './lost-letters';
/**
 * The vocabulary of `ipconfig` in the languages we have seen (and a few neighbours). ipconfig output
 * is localised word by word, so a label is recognised by meaning, not by position: every label,
 * section title and adapter-type phrase is listed here, and anything not listed is reported.
 */

/** What a label means to the parser. `info` = understood but not needed by TunnelMedic. */
export type LabelMeaning =
  | 'hostname'
  | 'primaryDnsSuffix'
  | 'dnsSuffixSearchList'
  | 'mediaState'
  | 'description'
  | 'physicalAddress'
  | 'dhcpEnabled'
  | 'ipv4Address'
  | 'subnetMask'
  | 'ipv6Address'
  | 'defaultGateway'
  | 'dnsServers'
  | 'winsServers'
  | 'lease'
  | 'info';

/**
 * "DNS" as a word of a label, in either case and not inside a longer Latin word: translations keep the
 * token (`주 DNS 접미사`, `主要 DNS 尾碼`, `Primární přípona DNS`, `DNS-серверы`, `Serwery DNS`;
 * ipconfig-inferred.ts reads unknown labels by it, and redact-values.ts a DNS suffix behind them).
 */
export const DNS_TOKEN = /(?<![A-Za-z])DNS(?![A-Za-z])/i;

/**
 * Normalises a label, title or header phrase for lookup: lower case, accents dropped, dot leaders and
 * spacing collapsed. cp850 output read as Latin-1 turns ó í ú ñ into ¢ ¡ £ ¤ (and á into NBSP, which
 * pastes often turn into a plain space — those few forms are listed as aliases below).
 */
export function labelKey(text: string): string {
  // ASCII text (every English label and most lines): the replacements, NFD and mark removal below
  // change nothing in it, so it takes the short way to the same key (a scan calls this for every
  // ipconfig line and the vocabulary's ~400 entries at start-up; issue 16.2)
  if (!NON_ASCII.test(text)) return stripLeaderTail(text).toLowerCase().replace(/\s+/gu, ' ').trim();
  // one pass for the five cp850 misreadings (five chained replaces were half of the vocabulary's
  // keys at start-up, 6.7 M of 13 M instructions; the letters put in are ASCII, so the order is moot)
  const decoded = text.replace(MOJIBAKE, (c) => MOJIBAKE_LETTER[c]!);
  return stripLeaderTail(decoded)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * What follows a label up to its colon: a dot leader, possibly with other filler that pastes and
 * re-encodings leave in it (French XP prints `Adresse IP. . . . . . . . .*. . . :`, a cp1252 copy of
 * the same line `.†.`, Dutch XP `DHCP ingeschakeld:. . . :`). Anything that is neither a letter, a
 * digit nor a closing bracket at the end of a label is filler.
 */
export function stripLeaderTail(text: string): string {
  // scanned by hand: a regex anchored at the end retries from every position of a long filler run
  let end = text.length;
  while (end > 0) {
    const code = text.charCodeAt(end - 1);
    if (code < 0x80) {
      // in ASCII, \p{L} is A-Z a-z and \p{N} is 0-9: a code test answers what the regex below does
      if (isAsciiLetterDigitOrClosing(code)) break;
      end--;
      continue;
    }
    // the letters of the vocabulary's scripts, without compiling the \p{L} class (≈ 2 ms per
    // string encoding, on every start; issue 16.2)
    if (isCommonLetter(code)) break;
    // a surrogate pair (a CJK extension letter) is judged as one character
    const pair = end >= 2 && /[\udc00-\udfff]/u.test(text[end - 1]!) && /[\ud800-\udbff]/u.test(text[end - 2]!);
    const ch = pair ? text.slice(end - 2, end) : text[end - 1]!;
    if (/[\p{L}\p{N})\]]/u.test(ch)) break;
    end -= ch.length;
  }
  return text.slice(0, end);
}

const NON_ASCII = /[^\x00-\x7f]/;
/**
 * cp850's ó í ú ñ shown in Latin-1, and its á (a no-break space there) where a letter follows: inside a
 * word ("M\u00a0scara", "\u00a0rea"). A no-break space before a blank or a dot is a blank — cp850's
 * 0xFF inside a French leader ("Passerelle par défaut. . . .\u00a0. . . :", shown as "ÿ" in
 * Windows-1252 in index file id 25480054067) — and is cut with the leader. No label of the vocabulary
 * has an á before a blank or at its end. The letters are those of the Latin scripts and the
 * misread ones, not \p{L}: that class costs ≈ 2 ms to compile at start-up (issue 16.2).
 */
const MOJIBAKE = /[¢¡£¤]|\u00a0(?=[A-Za-z\u00a1-\u00a4\u00c0-\u024f])/g;
const MOJIBAKE_LETTER: Record<string, string> = { '¢': 'o', '¡': 'i', '£': 'u', '¤': 'n', '\u00a0': 'a' };
/**
 * Code units that are letters (\p{L}) in every Unicode version since 11: Latin-1 and Latin
 * Extended-A letters, Cyrillic, kana, CJK ideographs and Hangul syllables (test: every one of them
 * against the regex). Anything else is asked of the regex.
 */
export const COMMON_LETTER_RANGES: readonly (readonly [number, number])[] = [
  [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x17f], [0x400, 0x481], [0x48a, 0x52f], [0x3041, 0x3096], [0x30a1, 0x30fa], [0x30fc, 0x30ff], [0x4e00, 0x9fef], [0xac00, 0xd7a3],
];
const COMMON_LETTER_BOUNDS = COMMON_LETTER_RANGES.flat();
function isCommonLetter(c: number): boolean {
  for (let i = 0; i < COMMON_LETTER_BOUNDS.length; i += 2) if (c >= COMMON_LETTER_BOUNDS[i]! && c <= COMMON_LETTER_BOUNDS[i + 1]!) return true;
  return false;
}
const isAsciiLetterDigitOrClosing = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x29 || c === 0x5d;

const LABELS: Record<Exclude<LabelMeaning, 'info'>, string[]> = {
  hostname: ['Host Name', 'Hostname', 'Nazwa hosta', 'Nombre de host', 'Имя компьютера', '主机名', "Nom de l'hôte", 'Nome host', 'Hostnaam',
    'Nom de l\'hôte', 'Nombre del host', 'Nome do sistema anfitrião', 'Nome do host', 'Host-naam', 'Имя компьютера', 'ホスト名',
  ],
  primaryDnsSuffix: [
    'Primary Dns Suffix', 'Primäres DNS-Suffix', 'Sufiks podstawowej domeny DNS', 'Sufijo DNS principal',
    'Основной DNS-суффикс', '主 DNS 后缀', 'Suffixe DNS principal', 'Primair DNS-achtervoegsel',
    'Suffisso DNS primario', 'Sufixo DNS principal', 'Sufixo DNS primário', 'プライマリ DNS サフィックス',
  ],
  dnsSuffixSearchList: [
    'DNS Suffix Search List', 'DNS-Suffixsuchliste', 'Lista przeszukiwania sufiksów DNS',
    'Lista de búsqueda de sufijos DNS', 'Порядок просмотра суффиксов DNS', 'DNS 后缀搜索列表',
    'Liste de recherche du suffixe DNS', 'Zoeklijst voor DNS-achtervoegsel',
    // per-adapter form (Windows 10+): same meaning for our purposes, values on continuation lines
    'Connection-specific DNS Suffix Search List',
    'DNS-Suffixsuchliste', 'Elenco di ricerca suffissi DNS', 'Lista de búsqueda de sufijo DNS', 'Lista de pesquisa de sufixo DNS', 'DNS-achtervoegselzoeklijst', 'DNS サフィックス検索一覧',
  ],
  mediaState: ['Media State', 'Medienstatus', 'Stan nośnika', 'Estado de los medios', 'Состояние среды', '媒体状态', 'Statut du média', 'Mediastatus',
    'Stato supporto', 'Estado de los medios', 'Estado da mídia', 'Mediumstatus', 'メディアの状態',
  ],
  description: ['Description', 'Beschreibung', 'Opis', 'Descripción', 'Описание', '描述', 'Beschrijving',
    'Descrizione', 'Descrição', '説明',
  ],
  physicalAddress: ['Physical Address', 'Physische Adresse', 'Adres fizyczny', 'Dirección física', 'Физический адрес', '物理地址', 'Adresse physique', 'Fysiek adres',
    'Physikalische Adresse', 'Indirizzo fisico', 'Endereço físico', '物理アドレス',
  ],
  dhcpEnabled: ['DHCP Enabled', 'DHCP aktiviert', 'DHCP włączone', 'DHCP habilitado', 'DHCP включен', 'DHCP 已启用', 'DHCP activé', 'DHCP ingeschakeld',
    'DHCP-aktiviert', 'DHCP abilitato', 'DHCP activado', 'DHCP habilitado', 'DHCP ingeshakeld', 'DHCP 有効',
  ],
  ipv4Address: [
    'IPv4 Address', 'IP Address', 'Autoconfiguration IP Address', 'Autoconfiguration IPv4 Address',
    'IPv4-Adresse', 'IP-Adresse', 'Autokonfigurations-IPv4-Adresse', 'Adres IP', 'Adres IPv4',
    'Dirección IPv4', 'Dirección IP', 'Dirección IPv4 de configuración automática', 'IPv4-адрес', 'IP-адрес',
    'Автонастройка IPv4-адреса', 'IPv4 地址', 'IP 地址', '自动配置 IPv4 地址', 'Adresse IPv4', 'Adresse IP', 'IPv4-adres',
    'Indirizzo IP', 'Indirizzo IPv4', 'Endereço IP', 'Endereço IPv4', 'IP-adres', 'IPv4 アドレス', 'IP アドレス', 'Autokonfigurations-IP-Adresse', 'Dirección IPv4 de configuración automática', 'Adresse IPv4 d\'autoconfiguration',
  ],
  subnetMask: [
    'Subnet Mask', 'Subnetzmaske', 'Maska podsieci', 'Máscara de subred', 'M scara de subred',
    'Маска подсети', '子网掩码', 'Masque de sous-réseau', 'Subnetmasker',
    'Subnet mask', 'Máscara de sub-rede', 'サブネット マスク',
  ],
  ipv6Address: [
    'IPv6 Address', 'Temporary IPv6 Address', 'Link-local IPv6 Address', 'Site-local IPv6 Address',
    'IPv6-Adresse', 'Temporäre IPv6-Adresse', 'Verbindungslokale IPv6-Adresse', 'Adres IPv6',
    'Tymczasowy adres IPv6', 'Adres IPv6 połączenia lokalnego', 'Dirección IPv6', 'Dirección IPv6 temporal',
    'Vínculo: dirección IPv6 local', 'IPv6-адрес', 'Временный IPv6-адрес', 'Локальный IPv6-адрес канала',
    'IPv6 地址', '临时 IPv6 地址', '本地链接 IPv6 地址', 'Adresse IPv6', 'Adresse IPv6 temporaire',
    'Adresse IPv6 de liaison locale', 'Link-local IPv6-adres',
    'Indirizzo IPv6', 'Indirizzo IPv6 locale rispetto al collegamento', 'Indirizzo IPv6 temporaneo', 'Endereço IPv6', 'Endereço IPv6 de link local', 'Endereço IPv6 temporário', 'IPv6-adres', 'Tijdelijk IPv6-adres', 'Link-local IPv6 address', 'Локальный IPv6-адрес канала', 'リンクローカル IPv6 アドレス', 'IPv6 アドレス', '一時 IPv6 アドレス',
  ],
  defaultGateway: [
    'Default Gateway', 'Standardgateway', 'Brama domyślna', 'Puerta de enlace predeterminada',
    'Основной шлюз', '默认网关', 'Passerelle par défaut', 'Standaardgateway',
    'Gateway predefinito', 'Gateway predefinido', 'Gateway Padrão', 'デフォルト ゲートウェイ',
  ],
  dnsServers: ['DNS Servers', 'DNS-Server', 'Serwery DNS', 'Servidores DNS', 'DNS-серверы', 'DNS 服务器', 'Serveurs DNS', 'DNS-servers',
    'DNS-Servers', 'Server DNS', 'Servidores DNS', 'DNS サーバー',
  ],
  winsServers: [
    'Primary WINS Server', 'Secondary WINS Server', 'Primärer WINS-Server', 'Sekundärer WINS-Server',
    'Podstawowy serwer WINS', 'Pomocniczy serwer WINS', 'Servidor WINS principal', 'Servidor WINS secundario',
    'Основной WINS-сервер', 'Дополнительный WINS-сервер', '主 WINS 服务器', '辅助 WINS 服务器',
    'Serveur WINS principal', 'Serveur WINS secondaire',
    'Server WINS primario', 'Server WINS secondario', 'Servidor WINS primário', 'Servidor WINS secundário', 'Primaire WINS-server', 'Secundaire WINS-server', 'プライマリ WINS サーバー', 'セカンダリ WINS サーバー',
  ],
  lease: [
    'Lease Obtained', 'Lease Expires', 'Lease erhalten', 'Lease läuft ab', 'Dzierżawa uzyskana',
    'Dzierżawa wygasa', 'Concesión obtenida', 'La concesión expira', 'Аренда получена',
    'Срок аренды истекает', '获得租约的时间', '租约过期的时间', 'Bail obtenu', 'Bail expirant',
    'Lease ottenuto', 'Scadenza lease', 'Concesión obtenida', 'Concesión expira', 'Concessão Obtida', 'Concessão Expira', 'Lease verkregen', 'Lease verloopt', 'リース取得', 'リースの有効期限', 'Аренда получена', 'Срок аренды истекает',
  ],
};

/** Understood, not needed: routing/proxy flags, DHCPv6 identities, NetBIOS settings, per-adapter suffix. */
const INFO_LABELS = [
  'Node Type', 'IP Routing Enabled', 'WINS Proxy Enabled', 'NetBIOS Scope ID', 'Connection-specific DNS Suffix',
  'Autoconfiguration Enabled', 'DHCP Server', 'DHCPv6 IAID', 'DHCPv6 Client DUID', 'NetBIOS over Tcpip', 'DHCP Class ID',
  'Knotentyp', 'IP-Routing aktiviert', 'WINS-Proxy aktiviert', 'Verbindungsspezifisches DNS-Suffix',
  'Autokonfiguration aktiviert', 'DHCP-Server', 'DHCPv6-IAID', 'DHCPv6-Client-DUID', 'NetBIOS über TCP/IP',
  'Typ węzła', 'Routing IP włączony', 'Serwer WINS Proxy włączony', 'Sufiks DNS konkretnego połączenia',
  'Autokonfiguracja włączona', 'Serwer DHCP', 'NetBIOS przez Tcpip', 'Identyfikator IAID DHCPv6', 'Identyfikator DUID klienta DHCPv6',
  'Tipo de nodo', 'Enrutamiento IP habilitado', 'Proxy WINS habilitado', 'Sufijo DNS específico para la conexión',
  'Configuración automática habilitada', 'Configuraci¢n autom tica habilitada', 'Servidor DHCP', 'IAID DHCPv6',
  'DUID de cliente DHCPv6', 'NetBIOS sobre TCP/IP',
  'Тип узла', 'IP-маршрутизация включена', 'WINS-прокси включен', 'DNS-суффикс подключения', 'Автонастройка включена',
  'DHCP-сервер', 'IAID DHCPv6', 'DUID клиента DHCPv6', 'NetBios через TCP/IP', 'NetBIOS через TCP/IP',
  '节点类型', 'IP 路由已启用', 'WINS 代理已启用', '连接特定的 DNS 后缀', '自动配置已启用', 'DHCP 服务器',
  'DHCPv6 客户端 DUID', 'TCPIP 上的 NetBIOS',
  'Type de noeud', 'Routage IP activé', 'Proxy WINS activé', 'Suffixe DNS propre à la connexion',
  'Configuration automatique activée', 'Serveur DHCP', 'DUID de client DHCPv6', 'NetBIOS sur Tcpip',
  // Older and other localisations, from real outputs (test/fixtures/real/SOURCES.md)
  'Type de nœud', 'Suffixe DNS propre à la connexion', 'IAID DHCPv6', 'DHCP-aktiviert',
  'Tipo nodo', 'Routing IP abilitato', 'Proxy WINS abilitato', 'Suffisso DNS specifico per connessione',
  'Configurazione automatica abilitata', 'Server DHCP', 'NetBIOS su TCP/IP', 'DUID client DHCPv6',
  'Enrutamiento habilitado', 'Sufijo de conexión específica DNS', 'Autoconfiguración habilitada',
  'Sufijo DNS específico para la conexión', 'NetBIOS sobre TCP/IP',
  'Tipo de nó', 'Rota IP activado', 'WINS Proxy activado', 'Sufixo DNS específico da ligação',
  'Configuração automática activada', 'Roteamento de IP ativado', 'Proxy WINS ativado',
  'Sufixo DNS específico de conexão', 'Configuração Automática Habilitada', 'Servidor DHCP',
  'IAID de DHCPv6', 'DUID de Cliente DHCPv6', 'NetBIOS em Tcpip',
  'Knooppunttype', 'IP-routering ingeschakeld', 'WINS-proxy ingeschakeld', 'Verbindingsspec. DNS-achtervoegsel',
  'Verbindingsspecifiek DNS-achtervoegsel', 'Autom. configuratie ingeschakeld', 'Automatische configuratie ingeschakeld',
  'DHCP-server', 'NetBIOS over TCPIP', 'DHCPv6-client-DUID',
  'DNS-суффикс этого подключения', 'NetBios через TCP/IP',
  'ノード タイプ', 'IP ルーティング有効', 'WINS プロキシ有効', '接続固有の DNS サフィックス', '自動構成有効',
  'DHCP サーバー', 'DHCPv6 クライアント DUID', 'NetBIOS over TCP/IP',
];

const LABEL_INDEX = new Map<string, LabelMeaning>();
for (const [meaning, names] of Object.entries(LABELS) as [LabelMeaning, string[]][]) {
  for (const n of names) LABEL_INDEX.set(labelKey(n), meaning);
}
for (const n of INFO_LABELS) if (!LABEL_INDEX.has(labelKey(n))) LABEL_INDEX.set(labelKey(n), 'info');

/** The labels by the shape they keep when their other letters are lost ("Direcci?n IPv4"; lost-letters.ts). */
const LOST_LETTER_LABELS = new LostLetterIndex<LabelMeaning>();
for (const [meaning, names] of Object.entries(LABELS) as [LabelMeaning, string[]][]) for (const n of names) LOST_LETTER_LABELS.add(n, meaning);
for (const n of INFO_LABELS) LOST_LETTER_LABELS.add(n, LABEL_INDEX.get(labelKey(n))!);

export function lookupLabel(rawLabel: string): LabelMeaning | undefined {
  const meaning = labelAsPrinted(rawLabel);
  return meaning !== undefined || !NON_ASCII.test(rawLabel) ? meaning : misreadLabel(rawLabel)?.value;
}

/** The text a label read before it was shown in the wrong code page, when it is known only so. */
export function rereadLabel(rawLabel: string): string | undefined {
  return labelAsPrinted(rawLabel) === undefined ? misreadLabel(rawLabel)?.reread : undefined;
}

/**
 * A label shown in the wrong code page ("Passerelle par dÃ©faut", "Prim„res DNS-Suffix"), perhaps with
 * a letter lost on the way as well, looked up re-read. A parse asks for the same label from several
 * places (the line's kind, its wrap, the next line's context): each is re-read once.
 */
function misreadLabel(rawLabel: string): { reread: string; value: LabelMeaning } | undefined {
  if (MISREAD_LABELS.has(rawLabel)) return MISREAD_LABELS.get(rawLabel);
  const hit = readMisread(rawLabel, labelAsPrinted);
  if (MISREAD_LABELS.size >= 2048) MISREAD_LABELS.clear();
  MISREAD_LABELS.set(rawLabel, hit);
  return hit;
}
const MISREAD_LABELS = new Map<string, { reread: string; value: LabelMeaning } | undefined>();

function labelAsPrinted(rawLabel: string): LabelMeaning | undefined {
  const meaning = LABEL_INDEX.get(labelKey(rawLabel));
  if (meaning !== undefined || !hasLostLetters(rawLabel)) return meaning;
  return LOST_LETTER_LABELS.get(lostLetterKey(rawLabel, stripLeaderTail));
}

/** "Windows IP Configuration" in each language (the cp850 form normalises through labelKey). */
const TITLES = [
  'Windows IP Configuration', 'Windows-IP-Konfiguration', 'Konfiguracja IP systemu Windows',
  'Configuración IP de Windows', 'Настройка протокола IP для Windows', 'Windows IP 配置',
  'Configuration IP de Windows', 'Windows IP-configuratie', 'Configurazione IP di Windows',
  'Configuração de IP do Windows', 'Configuração IP do Windows', 'Windows IP 構成', 'Windows 95/98/Me IP Configuration', 'Windows 98 IP Configuration',
  'Windows 2000 IP Configuration', 'Windows NT IP Configuration',
].map(labelKey);

export function isTitle(line: string): boolean {
  if (line.length > 120) return false;
  if (TITLES.includes(labelKey(line)) || TITLE_SHAPE.test(line.trim())) return true;
  // a title has no colon (TITLE_SHAPE); one shown in the wrong code page is looked up re-read
  return NON_ASCII.test(line) && !line.includes(':') && readMisread(line, (t) => (TITLES.includes(labelKey(t)) ? true : undefined)) !== undefined;
}

/**
 * The title in a language without a table: every translation we have keeps the words "Windows" and
 * "IP" and has no colon ("Windows IP 구성", "Windows IP 設定", "Windows IP Yapılandırması",
 * "Настройка протокола IP для Windows", "Konfiguracja IP systemu Windows"; test/fixtures/real,
 * the corpus).
 */
const TITLE_SHAPE = /^(?=[^:]{0,60}$)(?=.*(?:^|\s)Windows(?:\s|$))(?=.*(?:^|\s)IP(?:\s|$)).*$/u;

/**
 * Section-type phrases that start an adapter header ("<phrase> <connection name>:"). Longest first so
 * "Adaptador de LAN inalámbrica" wins over a shorter prefix.
 */
const HEADER_PHRASES = [
  'Ethernet adapter', 'Wireless LAN adapter', 'PPP adapter', 'Unknown adapter', 'Tunnel adapter', 'SLIP adapter',
  'Ethernet-Adapter', 'Drahtlos-LAN-Adapter', 'PPP-Adapter', 'Unbekannter Adapter', 'Tunneladapter',
  'Karta Ethernet', 'Karta bezprzewodowej sieci LAN', 'Karta PPP', 'Karta tunelowa', 'Nieznana karta',
  'Adaptador de Ethernet', 'Adaptador de LAN inalámbrica', 'Adaptador PPP', 'Adaptador desconocido', 'Adaptador de túnel',
  'Адаптер Ethernet', 'Адаптер беспроводной локальной сети', 'Адаптер PPP', 'Неизвестный адаптер',
  'Адаптер туннельного подключения',
  '以太网适配器', '无线局域网适配器', 'PPP 适配器', '未知适配器', '隧道适配器',
  'Carte Ethernet', 'Carte réseau sans fil', 'Carte PPP', 'Carte inconnue', 'Carte Tunnel',
  'Ethernet-adapter', 'Draadloos LAN-adapter', 'PPP-adapter', 'Onbekende adapter', 'Tunnel-adapter', 'Tunneladapter',
  // XP and other localisations (test/fixtures/real/SOURCES.md): German XP writes "Ethernetadapter"
  'Ethernetadapter', 'Scheda Ethernet', 'Scheda LAN wireless', 'Scheda PPP', 'Scheda Tunnel', 'Scheda sconosciuta',
  'Adaptador Ethernet', 'Adaptador de Rede sem Fio', 'Adaptador desconhecido', 'Adaptador de Túnel',
  'イーサネット アダプター', '無線 LAN アダプター', 'PPP アダプター', 'トンネル アダプター', '不明なアダプター',
  // Korean (win10-ko-*.txt in test/fixtures/real/ipconfig; "PPP 어댑터 VNetData" in Microsoft Learn's
  // Korean point-to-site article, index file id 6081533412)
  '이더넷 어댑터', '무선 LAN 어댑터', 'PPP 어댑터',
  // Traditional Chinese (win11-zh-tw-powershell-indent-lost-plain.txt); the PPP form is assumed
  '乙太網路卡', '無線區域網路介面卡', 'PPP 介面卡',
  // Turkish (win-tr-ethernet-bagdastiricisi-fragment.txt); the wireless and PPP forms are assumed
  'Ethernet bağdaştırıcısı', 'Kablosuz LAN bağdaştırıcısı', 'PPP bağdaştırıcısı',
]
  .map((p) => ({ phrase: p, key: labelKey(p) }))
  .sort((a, b) => b.key.length - a.key.length);

/** Header phrases whose section Windows prints for non-Ethernet virtual interfaces (Wintun, DCO, TAP…). */
export const UNKNOWN_HEADER_KEYS = [
  'Unknown adapter', 'Unbekannter Adapter', 'Nieznana karta', 'Adaptador desconocido', 'Неизвестный адаптер',
  '未知适配器', 'Carte inconnue', 'Onbekende adapter', 'Scheda sconosciuta', 'Adaptador desconhecido', '不明なアダプター',
].map(labelKey);

/**
 * Russian XP writes the connection name first: "Подключение по локальной сети 2 - Ethernet адаптер:".
 * These are the type words after " - " (test/fixtures/real/ipconfig/xp-ru-name-first-ethernet-adapter-header.txt).
 */
const HEADER_SUFFIXES = ['Ethernet адаптер', 'PPP адаптер', 'адаптер PPP', 'адаптер Ethernet'].map(labelKey);

/**
 * Splits "Ethernet adapter Local Area Connection:" into phrase and connection name; undefined when the
 * line is not an adapter header. Headers sit at column 0, but the line is trimmed because pastes move them.
 */
export function parseHeader(line: string): { header: string; name: string } | undefined {
  const t = line.trim();
  if (t.length > 200) return undefined; // headers are a phrase and a connection name
  if (!t.endsWith(':') || /\.\s*\.\s*:?$/.test(t)) return undefined;
  const header = t.slice(0, -1).trimEnd();
  return parseHeaderPhrase(header) ?? nameFirstHeader(header) ?? rereadHeader(header) ?? lostLetterHeader(header);
}

const LOST_LETTER_PHRASES = new LostLetterIndex<string>({ same: (a, b) => a.toLowerCase() === b.toLowerCase() });
for (const { phrase } of HEADER_PHRASES) LOST_LETTER_PHRASES.add(phrase, phrase);

/** A header whose phrase lost letters ("Carte r?seau sans fil Wi-Fi"): given back in the phrase's own letters, so the kind is judged as for the intact output; the name kept as printed. */
function lostLetterHeader(header: string): { header: string; name: string } | undefined {
  if (!hasLostLetters(header)) return undefined;
  const hit = LOST_LETTER_PHRASES.prefixOf(lostLetterForm(header));
  if (!hit) return undefined;
  let name = header;
  for (let i = 0; i < hit.form.split(' ').length; i++) name = name.replace(/^\S+\s*/u, '');
  return { header: name ? `${hit.value} ${name}` : hit.value, name: name || header };
}

/** "<phrase> <connection name>" with a phrase of HEADER_PHRASES. */
function parseHeaderPhrase(header: string): { header: string; name: string } | undefined {
  const key = labelKey(header);
  for (const { key: pk } of HEADER_PHRASES) {
    if (key === pk || key.startsWith(pk + ' ')) {
      // the phrase normalises word for word, so the name is what follows that many words (its own
      // spacing kept: "Conexi¢n de  rea local" lost a letter, not a space), split at ASCII blanks:
      // cp850's á shown in Latin-1 is a no-break space inside a word ("inal\u00a0mbrica")
      let name = header;
      for (let i = 0; i < pk.split(' ').length; i++) name = name.replace(/^[^ \t]+[ \t]*/u, '');
      return { header, name: name || header };
    }
  }
  return undefined;
}

/** Russian XP: "<connection name> - Ethernet адаптер". */
function nameFirstHeader(header: string): { header: string; name: string } | undefined {
  const dash = header.lastIndexOf(' - ');
  if (dash > 0 && HEADER_SUFFIXES.includes(labelKey(header.slice(dash + 3)))) return { header, name: header.slice(0, dash).trim() };
  return undefined;
}

/**
 * A header shown in the wrong code page (code-page-misreadings.ts): "Ђ¤ ЇвҐа Ethernet" is cp866's
 * "Адаптер Ethernet" read as Windows-1251, "Carte rÃ©seau sans fil Wi-Fi" UTF-8's "Carte réseau sans
 * fil" read as Windows-1252. The header is looked up reread; the connection name is kept as printed
 * (it must match the other files of the same capture, misread the same way).
 */
function rereadHeader(header: string): { header: string; name: string } | undefined {
  const hit = readMisread(header, (t) => parseHeaderPhrase(t) ?? lostLetterHeader(t) ?? nameFirstHeader(t));
  if (!hit) return undefined;
  const { reread, value } = hit;
  // a single-byte misreading keeps every character in its place; a UTF-8 one is shorter by each
  // letter's extra bytes, so the name is cut from the printed header by what stays ASCII: the " - "
  // of a name-first header, or as many words as the phrase had (split at ASCII blanks: a misread
  // letter may be shown as a no-break space, "Ã\u00a0" for "à")
  const dash = header.lastIndexOf(' - ');
  if (dash > 0 && value.name !== reread && reread.startsWith(value.name)) return { header: value.header, name: header.slice(0, dash).trim() };
  if (reread.length === header.length) return { header: value.header, name: header.slice(header.length - value.name.length) };
  const phraseWords = reread.slice(0, reread.length - value.name.length).trim().split(/[ \t]+/u).length;
  const name = header.trim().split(/[ \t]+/u).slice(phraseWords).join(' ');
  return { header: value.header, name: name || header };
}
