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
 * Normalises a label, title or header phrase for lookup: lower case, accents dropped, dot leaders and
 * spacing collapsed. cp850 output read as Latin-1 turns ó í ú ñ into ¢ ¡ £ ¤ (and á into NBSP, which
 * pastes often turn into a plain space — those few forms are listed as aliases below).
 */
export function labelKey(text: string): string {
  return text
    .replace(/[¢]/g, 'o')
    .replace(/[¡]/g, 'i')
    .replace(/[£]/g, 'u')
    .replace(/[¤]/g, 'n')
    .replace(/\u00a0/g, 'a')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s.]+$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

const LABELS: Record<Exclude<LabelMeaning, 'info'>, string[]> = {
  hostname: ['Host Name', 'Hostname', 'Nazwa hosta', 'Nombre de host', 'Имя компьютера', '主机名', "Nom de l'hôte", 'Nome host', 'Hostnaam'],
  primaryDnsSuffix: [
    'Primary Dns Suffix', 'Primäres DNS-Suffix', 'Sufiks podstawowej domeny DNS', 'Sufijo DNS principal',
    'Основной DNS-суффикс', '主 DNS 后缀', 'Suffixe DNS principal', 'Primair DNS-achtervoegsel',
  ],
  dnsSuffixSearchList: [
    'DNS Suffix Search List', 'DNS-Suffixsuchliste', 'Lista przeszukiwania sufiksów DNS',
    'Lista de búsqueda de sufijos DNS', 'Порядок просмотра суффиксов DNS', 'DNS 后缀搜索列表',
    'Liste de recherche du suffixe DNS', 'Zoeklijst voor DNS-achtervoegsel',
    // per-adapter form (Windows 10+): same meaning for our purposes, values on continuation lines
    'Connection-specific DNS Suffix Search List',
  ],
  mediaState: ['Media State', 'Medienstatus', 'Stan nośnika', 'Estado de los medios', 'Состояние среды', '媒体状态', 'Statut du média', 'Mediastatus'],
  description: ['Description', 'Beschreibung', 'Opis', 'Descripción', 'Описание', '描述', 'Beschrijving'],
  physicalAddress: ['Physical Address', 'Physische Adresse', 'Adres fizyczny', 'Dirección física', 'Физический адрес', '物理地址', 'Adresse physique', 'Fysiek adres'],
  dhcpEnabled: ['DHCP Enabled', 'DHCP aktiviert', 'DHCP włączone', 'DHCP habilitado', 'DHCP включен', 'DHCP 已启用', 'DHCP activé', 'DHCP ingeschakeld'],
  ipv4Address: [
    'IPv4 Address', 'IP Address', 'Autoconfiguration IP Address', 'Autoconfiguration IPv4 Address',
    'IPv4-Adresse', 'IP-Adresse', 'Autokonfigurations-IPv4-Adresse', 'Adres IP', 'Adres IPv4',
    'Dirección IPv4', 'Dirección IP', 'Dirección IPv4 de configuración automática', 'IPv4-адрес', 'IP-адрес',
    'Автонастройка IPv4-адреса', 'IPv4 地址', 'IP 地址', '自动配置 IPv4 地址', 'Adresse IPv4', 'Adresse IP', 'IPv4-adres',
  ],
  subnetMask: [
    'Subnet Mask', 'Subnetzmaske', 'Maska podsieci', 'Máscara de subred', 'M scara de subred',
    'Маска подсети', '子网掩码', 'Masque de sous-réseau', 'Subnetmasker',
  ],
  ipv6Address: [
    'IPv6 Address', 'Temporary IPv6 Address', 'Link-local IPv6 Address', 'Site-local IPv6 Address',
    'IPv6-Adresse', 'Temporäre IPv6-Adresse', 'Verbindungslokale IPv6-Adresse', 'Adres IPv6',
    'Tymczasowy adres IPv6', 'Adres IPv6 połączenia lokalnego', 'Dirección IPv6', 'Dirección IPv6 temporal',
    'Vínculo: dirección IPv6 local', 'IPv6-адрес', 'Временный IPv6-адрес', 'Локальный IPv6-адрес канала',
    'IPv6 地址', '临时 IPv6 地址', '本地链接 IPv6 地址', 'Adresse IPv6', 'Adresse IPv6 temporaire',
    'Adresse IPv6 de liaison locale', 'Link-local IPv6-adres',
  ],
  defaultGateway: [
    'Default Gateway', 'Standardgateway', 'Brama domyślna', 'Puerta de enlace predeterminada',
    'Основной шлюз', '默认网关', 'Passerelle par défaut', 'Standaardgateway',
  ],
  dnsServers: ['DNS Servers', 'DNS-Server', 'Serwery DNS', 'Servidores DNS', 'DNS-серверы', 'DNS 服务器', 'Serveurs DNS', 'DNS-servers'],
  winsServers: [
    'Primary WINS Server', 'Secondary WINS Server', 'Primärer WINS-Server', 'Sekundärer WINS-Server',
    'Podstawowy serwer WINS', 'Pomocniczy serwer WINS', 'Servidor WINS principal', 'Servidor WINS secundario',
    'Основной WINS-сервер', 'Дополнительный WINS-сервер', '主 WINS 服务器', '辅助 WINS 服务器',
    'Serveur WINS principal', 'Serveur WINS secondaire',
  ],
  lease: [
    'Lease Obtained', 'Lease Expires', 'Lease erhalten', 'Lease läuft ab', 'Dzierżawa uzyskana',
    'Dzierżawa wygasa', 'Concesión obtenida', 'La concesión expira', 'Аренда получена',
    'Срок аренды истекает', '获得租约的时间', '租约过期的时间', 'Bail obtenu', 'Bail expirant',
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
];

const LABEL_INDEX = new Map<string, LabelMeaning>();
for (const [meaning, names] of Object.entries(LABELS) as [LabelMeaning, string[]][]) {
  for (const n of names) LABEL_INDEX.set(labelKey(n), meaning);
}
for (const n of INFO_LABELS) if (!LABEL_INDEX.has(labelKey(n))) LABEL_INDEX.set(labelKey(n), 'info');

export function lookupLabel(rawLabel: string): LabelMeaning | undefined {
  return LABEL_INDEX.get(labelKey(rawLabel));
}

/** "Windows IP Configuration" in each language (the cp850 form normalises through labelKey). */
const TITLES = [
  'Windows IP Configuration', 'Windows-IP-Konfiguration', 'Konfiguracja IP systemu Windows',
  'Configuración IP de Windows', 'Настройка протокола IP для Windows', 'Windows IP 配置',
  'Configuration IP de Windows', 'Windows IP-configuratie', 'Configurazione IP di Windows',
  'Configuração de IP do Windows', 'Windows 95/98/Me IP Configuration', 'Windows 98 IP Configuration',
  'Windows 2000 IP Configuration', 'Windows NT IP Configuration',
].map(labelKey);

export function isTitle(line: string): boolean {
  return TITLES.includes(labelKey(line));
}

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
  'Ethernet-adapter', 'Draadloos LAN-adapter', 'PPP-adapter', 'Onbekende adapter', 'Tunnel-adapter',
]
  .map((p) => ({ phrase: p, key: labelKey(p) }))
  .sort((a, b) => b.key.length - a.key.length);

/** Header phrases whose section Windows prints for non-Ethernet virtual interfaces (Wintun, DCO, TAP…). */
export const UNKNOWN_HEADER_KEYS = [
  'Unknown adapter', 'Unbekannter Adapter', 'Nieznana karta', 'Adaptador desconocido', 'Неизвестный адаптер',
  '未知适配器', 'Carte inconnue', 'Onbekende adapter',
].map(labelKey);

/**
 * Splits "Ethernet adapter Local Area Connection:" into phrase and connection name; undefined when the
 * line is not an adapter header. Headers sit at column 0, but the line is trimmed because pastes move them.
 */
export function parseHeader(line: string): { header: string; name: string } | undefined {
  const t = line.trim();
  if (!t.endsWith(':') || /\.\s*\.\s*:?$/.test(t)) return undefined;
  const header = t.slice(0, -1).trimEnd();
  const key = labelKey(header);
  for (const { key: pk } of HEADER_PHRASES) {
    if (key === pk || key.startsWith(pk + ' ')) {
      // the phrase normalises word for word, so the name is what follows that many words (its own
      // spacing kept: "Conexi¢n de  rea local" lost a letter, not a space)
      let name = header;
      for (let i = 0; i < pk.split(' ').length; i++) name = name.replace(/^\S+\s*/u, '');
      return { header, name: name || header };
    }
  }
  return undefined;
}

const YES = ['yes', 'ja', 'tak', 'si', 'да', '是', 'oui'].map(labelKey);
const NO = ['no', 'nein', 'nie', 'нет', '否', 'non', 'nee'].map(labelKey);

export function parseYesNo(value: string): boolean | undefined {
  const k = labelKey(value);
  if (YES.includes(k)) return true;
  if (NO.includes(k)) return false;
  return undefined;
}

const DISCONNECTED = [
  'Media disconnected', 'Medium getrennt', 'Nośnik odłączony', 'medios desconectados',
  'Среда передачи недоступна', '媒体已断开连接', '媒体已断开', 'Média déconnecté', 'Medium niet verbonden',
].map(labelKey);
const CONNECTED = ['Media connected', 'Medium verbunden'].map(labelKey);

export function parseMediaState(value: string): boolean | undefined {
  const k = labelKey(value);
  if (DISCONNECTED.includes(k)) return false;
  if (CONNECTED.includes(k)) return true;
  return undefined;
}
