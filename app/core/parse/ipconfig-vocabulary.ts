/**
 * The vocabulary of `ipconfig` in the languages we have seen (and a few neighbours), as printed. ipconfig
 * output is localised word by word, so a label is recognised by meaning, not by position: every label,
 * section title and adapter-type phrase is listed here, and anything not listed is reported.
 * Data only: ipconfig-labels.ts builds its lookup tables from these lists the first time a line is
 * read, not when the module loads (a command that never reads ipconfig pays nothing for them).
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

export const LABEL_NAMES: Readonly<Record<Exclude<LabelMeaning, 'info'>, readonly string[]>> = {
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
export const INFO_LABEL_NAMES: readonly string[] = [
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

/** "Windows IP Configuration" in each language (the cp850 form normalises through labelKey). */
export const TITLE_NAMES: readonly string[] = [
  'Windows IP Configuration', 'Windows-IP-Konfiguration', 'Konfiguracja IP systemu Windows',
  'Configuración IP de Windows', 'Настройка протокола IP для Windows', 'Windows IP 配置',
  'Configuration IP de Windows', 'Windows IP-configuratie', 'Configurazione IP di Windows',
  'Configuração de IP do Windows', 'Configuração IP do Windows', 'Windows IP 構成', 'Windows 95/98/Me IP Configuration', 'Windows 98 IP Configuration',
  'Windows 2000 IP Configuration', 'Windows NT IP Configuration',
];

/**
 * Section-type phrases that start an adapter header ("<phrase> <connection name>:"). Matched longest
 * first (ipconfig-labels.ts), so "Adaptador de LAN inalámbrica" wins over a shorter prefix.
 */
export const HEADER_PHRASE_NAMES: readonly string[] = [
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
];

/**
 * Russian XP writes the connection name first: "Подключение по локальной сети 2 - Ethernet адаптер:".
 * These are the type words after " - " (test/fixtures/real/ipconfig/xp-ru-name-first-ethernet-adapter-header.txt).
 */
export const HEADER_SUFFIX_NAMES: readonly string[] = ['Ethernet адаптер', 'PPP адаптер', 'адаптер PPP', 'адаптер Ethernet'];

