/**
 * The Windows generations and display languages the route-table simulator speaks: what route.exe
 * prints on success and failure, the words of `route print`, and how metrics are shown.
 *
 * Every text carries its source. "seen" = quoted from real output or Microsoft's own text in public
 * material; "assumed" = not found anywhere we could look (written by analogy, marked so that nobody
 * mistakes it for a fact). The engine and the scripts never decide anything from these words: they
 * exist so that the tests prove exactly that (judgement by the table's numbers, not by messages).
 */

export type WindowsGeneration = 'xp' | '7' | '10';
export type DisplayLanguage = 'en' | 'de' | 'fr' | 'zh-CN' | 'ru';

export interface WindowsCell {
  generation: WindowsGeneration;
  language: DisplayLanguage;
}

export const GENERATIONS: readonly WindowsGeneration[] = ['xp', '7', '10'];
export const LANGUAGES: readonly DisplayLanguage[] = ['en', 'de', 'fr', 'zh-CN', 'ru'];

/** Every generation × language pair: the matrix the property test walks. */
export const WINDOWS_MATRIX: readonly WindowsCell[] = GENERATIONS.flatMap((generation) => LANGUAGES.map((language) => ({ generation, language })));

export const DEFAULT_CELL: WindowsCell = { generation: '10', language: 'en' };

export const cellName = (c: WindowsCell) => `${c.generation}/${c.language}`;

/**
 * Metric semantics. XP: `route print` shows the metric exactly as given (connected routes carry
 * the interface metric itself; corpus winxp-en-jc-persistent: 10 on the LAN, 1 for an added route).
 * Vista+: shown metric = route metric + interface metric (windows-reference.md §9; Learn unattend
 * "Metric"; KB 947216), on-link routes have route metric 256 (corpus: 281 = 256 + 25).
 */
export const addsInterfaceMetric = (g: WindowsGeneration) => g !== 'xp';

/** The loopback interface metric: 331 = 256 + 75 on 10/11 (win11 corpus), 306 = 256 + 50 on 7/2008 (de corpus, server2008 corpus). */
export const loopbackInterfaceMetric = (g: WindowsGeneration) => (g === '10' ? 75 : 50);

/** `ver` as each generation prints it (localised words around the same number; parseVer keys on the number). */
export function verText(cell: WindowsCell): string {
  const version = { xp: '5.1.2600', '7': '6.1.7601', '10': '10.0.19045.5131' }[cell.generation];
  const name = cell.generation === 'xp' ? 'Microsoft Windows XP' : 'Microsoft Windows';
  // "[Version …]" en/de/ru, "[version …]" fr, "[版本 …]" zh-CN: assumed (systeminfo corpus shows localised labels, not ver).
  const word = { en: 'Version', de: 'Version', fr: 'version', 'zh-CN': '版本', ru: 'Version' }[cell.language];
  return `\r\n${name} [${word} ${version}]\r\n`;
}

export type FailureReason = 'exists' | 'notFound' | 'parameter' | 'unreachable' | 'maskMismatch';
export type RouteVerb = 'add' | 'delete' | 'change';

export interface RouteExeMessages {
  /** Vista+ success line; XP prints nothing on success (windows-reference.md §9, route-scripts Wine test) */
  ok: string;
  elevation: string;
  failure(verb: RouteVerb, reason: FailureReason): string;
}

type Catalog = { prefix: Record<RouteVerb, string>; reasons: Record<FailureReason, string>; elevation: string; ok: string };

/*
 * Sources ("seen"):
 *  en  " OK!": fivesheep/chnroutes#6 and OpenVPN logs; "The route addition failed: The parameter is
 *      incorrect." fivesheep/chnroutes#6 (Windows 7 and 8.1); "… The object already exists." OpenVPN/
 *      openvpn-gui#532 (system text) and public route.exe test doubles ("route.exe exits 0 even on
 *      this error"); "… The specified mask parameter is invalid. (Destination & Mask) != Destination."
 *      route /? (windowsserverdocs route_ws2008); "The requested operation requires elevation."
 *      windows-reference.md §12 (jimmyxu/chnroutes#23).
 *  de  "Der angeforderte Vorgang erfordert erhöhte Rechte." (ERROR_ELEVATION_REQUIRED, 740) seen in
 *      public `wsl --install` output and CreateProcess error=740 logs. Route failure words: assumed.
 *  fr  "L'opération demandée nécessite une élévation." (740) seen in public PowerShell/netsh output
 *      (e.g. a Go test of netsh's fr-FR text). Route failure words: assumed.
 *  zh-CN "路由添加失败: 指定的掩码参数无效。 (Destination & Mask) != Destination。" seen in the zh-CN
 *      `route /?` text (published Windows command reference article); "请求的操作需要提升。" (740) seen
 *      in public WinError 740 logs. Other reasons: assumed (system texts by analogy).
 *  ru  "Сбой добавления маршрута: Сетевая папка недоступна" seen in a public Python tool's comment on
 *      real `route add` output (exit code 0 on that failure); "Запрошенная операция требует повышения."
 *      (740) seen in Microsoft Learn ru-RU system error codes and ARP's "Сбой удаления записи таблицы
 *      ARP: Запрошенная операция требует повышения.". Delete/change prefixes and other reasons: assumed.
 *  " OK!" in other languages: assumed identical (documented nowhere we found) — the judge does not use it.
 */
const CATALOGS: Record<DisplayLanguage, Catalog> = {
  en: {
    ok: ' OK!',
    prefix: { add: 'The route addition failed: ', delete: 'The route deletion failed: ', change: 'The route change failed: ' },
    reasons: {
      exists: 'The object already exists.',
      notFound: 'Element not found.',
      parameter: 'The parameter is incorrect.',
      unreachable: 'Either the interface index is wrong or the gateway does not lie on the same network as the interface. Check the IP Address Table for the machine.',
      maskMismatch: 'The specified mask parameter is invalid. (Destination & Mask) != Destination.',
    },
    elevation: 'The requested operation requires elevation.',
  },
  de: {
    ok: ' OK!',
    prefix: { add: 'Fehler beim Hinzufügen der Route: ', delete: 'Fehler beim Löschen der Route: ', change: 'Fehler beim Ändern der Route: ' }, // assumed
    reasons: {
      exists: 'Das Objekt ist bereits vorhanden.', // assumed
      notFound: 'Element nicht gefunden.', // assumed
      parameter: 'Falscher Parameter.', // assumed
      unreachable: 'Entweder ist der Schnittstellenindex falsch, oder das Gateway befindet sich nicht im selben Netzwerk wie die Schnittstelle.', // assumed
      maskMismatch: 'Der angegebene Maskenparameter ist ungültig. (Destination & Mask) != Destination.', // assumed
    },
    elevation: 'Der angeforderte Vorgang erfordert erhöhte Rechte.',
  },
  fr: {
    ok: ' OK!',
    prefix: { add: "L'ajout de l'itinéraire a échoué : ", delete: "La suppression de l'itinéraire a échoué : ", change: "La modification de l'itinéraire a échoué : " }, // assumed
    reasons: {
      exists: "L'objet existe déjà.", // assumed
      notFound: 'Élément introuvable.', // assumed
      parameter: 'Paramètre incorrect.', // assumed
      unreachable: "L'index de l'interface est incorrect ou la passerelle ne se trouve pas sur le même réseau que l'interface.", // assumed
      maskMismatch: 'Le paramètre de masque spécifié est non valide. (Destination & Mask) != Destination.', // assumed
    },
    elevation: "L'opération demandée nécessite une élévation.",
  },
  'zh-CN': {
    ok: ' OK!',
    prefix: { add: '路由添加失败: ', delete: '路由删除失败: ', change: '路由更改失败: ' }, // add seen; delete/change assumed
    reasons: {
      exists: '对象已存在。', // assumed
      notFound: '找不到元素。', // assumed
      parameter: '参数错误。', // assumed
      unreachable: '接口索引错误，或网关与接口不在同一网络中。', // assumed
      maskMismatch: '指定的掩码参数无效。 (Destination & Mask) != Destination。', // seen (zh-CN route /?)
    },
    elevation: '请求的操作需要提升。',
  },
  ru: {
    ok: ' OK!',
    prefix: { add: 'Сбой добавления маршрута: ', delete: 'Сбой удаления маршрута: ', change: 'Сбой изменения маршрута: ' }, // add seen; delete/change assumed
    reasons: {
      exists: 'Объект уже существует.', // assumed
      notFound: 'Элемент не найден.', // assumed
      parameter: 'Параметр задан неверно.', // assumed
      unreachable: 'Сетевая папка недоступна', // seen (route add via a gateway not yet reachable)
      maskMismatch: 'Указан недопустимый параметр маски. (Destination & Mask) != Destination.', // assumed
    },
    elevation: 'Запрошенная операция требует повышения.',
  },
};

export function routeExeMessages(cell: WindowsCell): RouteExeMessages {
  const c = CATALOGS[cell.language];
  return {
    // XP's route.exe prints nothing on success (windows-reference.md §9: "NT4–XP print nothing").
    ok: cell.generation === 'xp' ? '' : c.ok,
    elevation: c.elevation,
    failure: (verb, reason) => `${c.prefix[verb]}${c.reasons[reason]}`,
  };
}

/** Every failure text a cell can print: the tests check the judge never needs any of them. */
export function allFailureTexts(cell: WindowsCell): string[] {
  const m = routeExeMessages(cell);
  const verbs: RouteVerb[] = ['add', 'delete', 'change'];
  const reasons = Object.keys(CATALOGS.en.reasons) as FailureReason[];
  return [m.elevation, ...verbs.flatMap((v) => reasons.map((r) => m.failure(v, r)))];
}

/** The words of `route print` per display language. */
export interface RoutePrintLabels {
  interfaceList: string;
  ipv4Table: string;
  activeRoutes: string;
  routeHeader: string;
  onLink: string;
  persistentRoutes: string;
  persistentHeader: string;
  none: string;
  ipv6Table: string;
  defaultMetric: string;
}

/*
 * de: corpus win-de-parallels-ipv6-auf-verbindung (apache/plc4x) — all labels but the persistent
 * header and "Standard" (assumed). fr: corpus win-fr-gateway-trimmed (jackpal/gateway) — the
 * persistent header, IPv6 title and on-link word are assumed. ru: "Список интерфейсов" seen (corpus
 * win7-ru-outline-tap-iflist-partial); the rest assumed. zh-CN: assumed throughout (no zh-CN route
 * print found). en: every Vista+ corpus file.
 */
const LABELS: Record<DisplayLanguage, RoutePrintLabels> = {
  en: {
    interfaceList: 'Interface List',
    ipv4Table: 'IPv4 Route Table',
    activeRoutes: 'Active Routes:',
    routeHeader: 'Network Destination        Netmask          Gateway       Interface  Metric',
    onLink: 'On-link',
    persistentRoutes: 'Persistent Routes:',
    persistentHeader: '  Network Address          Netmask  Gateway Address  Metric',
    none: '  None',
    ipv6Table: 'IPv6 Route Table',
    defaultMetric: 'Default',
  },
  de: {
    interfaceList: 'Schnittstellenliste',
    ipv4Table: 'IPv4-Routentabelle',
    activeRoutes: 'Aktive Routen:',
    routeHeader: '     Netzwerkziel    Netzwerkmaske          Gateway    Schnittstelle Metrik',
    onLink: 'Auf Verbindung',
    persistentRoutes: 'Ständige Routen:',
    persistentHeader: '  Netzwerkadresse          Netzmaske  Gatewayadresse  Metrik',
    none: '  Keine',
    ipv6Table: 'IPv6-Routentabelle',
    defaultMetric: 'Standard',
  },
  fr: {
    interfaceList: "Liste d'Interfaces",
    ipv4Table: 'IPv4 Table de routage',
    activeRoutes: 'Itinéraires actifs :',
    routeHeader: 'Destination réseau    Masque réseau  Adr. passerelle   Adr. interface Métrique',
    onLink: 'On-link',
    persistentRoutes: 'Itinéraires persistants :',
    persistentHeader: '  Adresse réseau    Masque réseau  Adresse passerelle Métrique',
    none: '  Aucun',
    ipv6Table: 'IPv6 Table de routage',
    defaultMetric: 'Par défaut',
  },
  'zh-CN': {
    interfaceList: '接口列表',
    ipv4Table: 'IPv4 路由表',
    activeRoutes: '活动路由:',
    routeHeader: '网络目标        网络掩码          网关       接口   跃点数',
    onLink: '在链路上',
    persistentRoutes: '永久路由:',
    persistentHeader: '  网络地址          网络掩码  网关地址  跃点数',
    none: '  无',
    ipv6Table: 'IPv6 路由表',
    defaultMetric: '默认',
  },
  ru: {
    interfaceList: 'Список интерфейсов',
    ipv4Table: 'IPv4 таблица маршрута',
    activeRoutes: 'Активные маршруты:',
    routeHeader: 'Сетевой адрес           Маска сети      Адрес шлюза       Интерфейс  Метрика',
    onLink: 'On-link',
    persistentRoutes: 'Постоянные маршруты:',
    persistentHeader: '  Сетевой адрес            Маска    Адрес шлюза      Метрика',
    none: '  Отсутствует',
    ipv6Table: 'IPv6 таблица маршрута',
    defaultMetric: 'По умолчанию',
  },
};

export const routePrintLabels = (language: DisplayLanguage): RoutePrintLabels => LABELS[language];
