import { CAPTURE_FILES, CAPTURE_FOLDERS, type Capture, type CaptureFile } from '../capture/capture';
import type { Policy } from '../model/policy';
import { isIpAddress } from './redact-addresses';
import type { SensitiveValue } from './redact';
import type { Snapshot } from '../model/snapshot';
import { serverLogTextNames } from '../parse/server-log/names';
import { DNS_TOKEN, labelKey, lookupLabel } from '../parse/ipconfig-labels';
import { makeAdders, type Adders } from './redact-adders';
import { labelledLine, namesByShape } from './redact-shapes';

/**
 * The names `--redact` must hide, read from where Windows prints them: `ipconfig /all`,
 * `systeminfo`, registry values (Winlogon, Tcpip parameters), RasClient events, phonebooks, LMHOSTS,
 * profile paths, the snapshot and the policy. Shapes (SIDs, MACs, public addresses) are found by
 * the Redactor itself; this only lists names, which have no shape.
 */
export function sensitiveValues(input: { capture?: Capture; snapshot?: Snapshot; policy?: Policy }): SensitiveValue[] {
  const out: SensitiveValue[] = [];
  const { add, addFqdn, addAccount } = makeAdders(out);

  const { capture, snapshot, policy } = input;
  if (capture) {
    addFqdn(capture.meta.hostname);
    for (const file of inCaptureOrder(capture.files.values())) collectFromText(file.name, file.text, { add, addFqdn, addAccount });
  }
  if (snapshot) {
    addFqdn(snapshot.hostname);
    for (const profile of snapshot.vpnProfiles) {
      if (profile && typeof profile === 'object') {
        for (const [key, value] of Object.entries(profile)) {
          if (/server|phone/i.test(key) && typeof value === 'string') addFqdn(value, 'vpnServer');
        }
      }
    }
  }
  if (policy) {
    for (const s of policy.vpnServers ?? []) addFqdn(s, 'vpnServer');
    add('domain', policy.domain?.netbiosName);
    add('dnsDomain', policy.domain?.dnsName);
    for (const dc of policy.domain?.controllers ?? []) addFqdn(dc.name);
  }
  // last, so that a value a label named keeps the kind the label gave it (Redactor.addName: the first wins)
  if (capture) out.push(...shapedValues(capture));
  return out;
}

/**
 * The names the capture gives by shape and field order behind labels no word list holds
 * (redact-shapes.ts): a systeminfo, an event copy or an ipconfig in any language.
 */
export function shapedValues(capture: Capture): SensitiveValue[] {
  const out: SensitiveValue[] = [];
  const adders = makeAdders(out);
  const known = (label: string) => lookupLabel(label) !== undefined || SYSTEMINFO_INDEX.has(labelKey(label));
  for (const file of inCaptureOrder(capture.files.values())) namesByShape(file.name, file.text, adders, known);
  return out;
}

/**
 * The files in the order the capture reader lists them (its fixed names, then each folder's files
 * by name), not the order their reads finished: the first file to name a value decides its kind
 * (Redactor.addName), so the token ("HOST-1" or "domain-1.example") must not depend on timing.
 */
function inCaptureOrder(files: Iterable<CaptureFile>): CaptureFile[] {
  const fixed: readonly string[] = Object.values(CAPTURE_FILES);
  const rank = (name: string) => {
    const at = fixed.indexOf(name);
    if (at >= 0) return at;
    const folder = (CAPTURE_FOLDERS as readonly string[]).indexOf(name.slice(0, name.indexOf('/')));
    return folder >= 0 ? fixed.length + folder : fixed.length + CAPTURE_FOLDERS.length;
  };
  return [...files].sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * systeminfo / wevtutil labels in the languages Windows ships (en, ru, zh-CN from
 * ../shared/corpus/systeminfo-ver; the others assumed from Windows' translations). ipconfig's
 * labels come from the parser's own vocabulary (ipconfig-labels.ts), so every language the parser
 * understands is redacted too. Compared with `labelKey` (case, accents and dot leaders ignored).
 */
const SYSTEMINFO_LABELS: [string[], (v: string, a: Adders) => void][] = [
  [['Host Name', 'Hostname', "Nom de l'hôte", 'Nombre de host', 'Hostnaam', 'Nome host', 'Nome do host', 'Nazwa hosta', 'Имя узла', 'Имя компьютера', '主机名', 'Ana Bilgisayar Adı', 'ホスト名', 'Computer', 'Computername'], (v, a) => a.addFqdn(v)],
  [['Domain', 'Domäne', 'Domaine', 'Dominio', 'Domein', 'Domínio', 'Domena', 'Домен', '域', 'Etki Alanı', 'ドメイン'], (v, a) => (v.includes('.') ? a.add('dnsDomain', v) : a.add('domain', v))],
  [['Logon Server', 'Anmeldeserver', "Serveur d'ouverture de session", 'Servidor de inicio de sesión', 'Aanmeldingsserver', 'Server di accesso', 'Servidor de Logon', 'Serwer logowania', 'Сервер входа в сеть', '登录服务器', 'Oturum Açma Sunucusu', 'ログオン サーバー'], (v, a) => a.addFqdn(v)],
  [['Registered Owner', 'Registrierter Benutzer', 'Propriétaire enregistré', 'Propiedad de', 'Geregistreerde eigenaar', 'Proprietario registrato', 'Proprietário registrado', 'Zarejestrowany właściciel', 'Зарегистрированный владелец', '注册的所有人', 'Kayıtlı Sahip', '登録されている所有者'], (v, a) => a.add('user', v)],
  [['Registered Organization', 'Registrierte Organisation', 'Organisation enregistrée', 'Organización registrada', 'Geregistreerde organisatie', 'Organizzazione registrata', 'Organização registrada', 'Zarejestrowana organizacja', 'Зарегистрированная организация', '注册的组织', 'Kayıtlı Kuruluş', '登録されている組織'], (v, a) => a.add('org', v)],
  [['User Name', 'Benutzername', "Nom d'utilisateur", 'Nombre de usuario', 'Gebruikersnaam', 'Nome utente', 'Nome de usuário', 'Nazwa użytkownika', 'Имя пользователя', '用户名', 'Kullanıcı Adı', 'ユーザー名', 'Dial-in User'], (v, a) => a.addAccount(v)],
  // a PowerShell transcript's header around a pasted output (Start-Transcript, PowerShell 5.1: `Username: FILES\Administrator`,
  // `RunAs User: …`, `Machine: FILES (Microsoft Windows NT 10.0.20348.0)`; a real one: search index file id 67122445850, the header
  // route-print-pasted.test.ts reads) — English; a localised PowerShell's words are assumed to differ and are not listed
  [['Username', 'RunAs User'], (v, a) => a.addAccount(v)],
  [['Machine'], (v, a) => a.addFqdn(v.replace(/\s*\(.*$/, ''))],
  // Get-EventLog / Get-WinEvent | Format-List: `MachineName : on-premises-vm` (test/fixtures/real/events); PowerShell prints an
  // object's .NET property names (EventLogEntry.MachineName, EventRecord.MachineName), which no Windows language translates
  [['MachineName'], (v, a) => a.addFqdn(v)],
  // Get-VpnConnection's list view (`DnsSuffix             : corp.example.com`, the shared corpus's powershell/ copies of
  // Microsoft's examples): a property name too, never translated
  [['DnsSuffix'], (v, a) => a.add('dnsDomain', v)],
  // ipconfig's per-adapter suffix, which the parser reads as "info" (no meaning of its own there)
  [['Connection-specific DNS Suffix', 'Verbindungsspezifisches DNS-Suffix', 'Suffixe DNS propre à la connexion', 'Sufijo DNS específico para la conexión', 'Verbindingsspecifiek DNS-achtervoegsel', 'Suffisso DNS specifico per connessione', 'Sufixo DNS específico de conexão', 'Sufiks DNS konkretnego połączenia', 'DNS-суффикс подключения', '连接特定的 DNS 后缀', 'Bağlantıya özgü DNS Soneki'], (v, a) => a.add('dnsDomain', v)],
];
const SYSTEMINFO_INDEX = new Map(SYSTEMINFO_LABELS.flatMap(([labels, rule]) => labels.map((l) => [labelKey(l), rule] as const)));

/**
 * A label in no language the readers know, holding `DNS` as a word: translations keep that token
 * (`주 DNS 접미사`, `主要 DNS 尾碼`, `Primární přípona DNS`; the ipconfig parser reads such labels by it,
 * ipconfig-inferred.ts). Its value is a DNS suffix when it has a DNS name's shape (dotted labels, not
 * an address: `DNS servers` hold addresses, `Register with DNS` a yes or no).
 */
const DNS_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+\.?$/;
const unknownDnsLabel = (label: string): boolean => DNS_TOKEN.test(label) && lookupLabel(label) === undefined && !SYSTEMINFO_INDEX.has(labelKey(label));
const isDnsName = (v: string): boolean => DNS_NAME.test(v) && !isIpAddress(v);

/** The rule for a "Label . . . : value" line, or undefined when the label names nothing sensitive. */
function labelRule(label: string): ((v: string, a: Adders) => void) | undefined {
  const meaning = lookupLabel(label);
  if (meaning === 'hostname') return (v, a) => a.addFqdn(v);
  if (meaning === 'primaryDnsSuffix' || meaning === 'dnsSuffixSearchList') return (v, a) => a.add('dnsDomain', v);
  const known = SYSTEMINFO_INDEX.get(labelKey(label));
  if (known) return known;
  // (an ipconfig in a language without a word list: its DNS suffixes, primary, per connection or searched)
  if (unknownDnsLabel(label)) return (v, a) => (isDnsName(v) ? a.add('dnsDomain', v) : undefined);
  return undefined;
}

/** Registry value names whose data is a name (reg query rows and .reg lines alike). */
const REGISTRY_NAMES: Record<string, (v: string, a: Adders) => void> = {
  defaultusername: (v, a) => a.addAccount(v),
  altdefaultusername: (v, a) => a.addAccount(v),
  lastusedusername: (v, a) => a.addAccount(v),
  lastloggedonuser: (v, a) => a.addAccount(v),
  lastloggedonsamuser: (v, a) => a.addAccount(v),
  lastloggedondisplayname: (v, a) => a.add('user', v),
  defaultdomainname: (v, a) => a.add('domain', v),
  altdefaultdomainname: (v, a) => a.add('domain', v),
  cacheprimarydomain: (v, a) => a.add('domain', v),
  computername: (v, a) => a.addFqdn(v),
  hostname: (v, a) => a.addFqdn(v),
  'nv hostname': (v, a) => a.addFqdn(v),
  domain: (v, a) => a.add('dnsDomain', v),
  'nv domain': (v, a) => a.add('dnsDomain', v),
  dhcpdomain: (v, a) => a.add('dnsDomain', v),
  searchlist: (v, a) => v.split(/[,\s]+/).forEach((d) => a.add('dnsDomain', d)),
  registeredowner: (v, a) => a.add('user', v),
  registeredorganization: (v, a) => a.add('org', v),
};

const PROFILE_PATH = /\\(?:Users|Documents and Settings|Profiles)\\([^\\\r\n"<>|:*?]+)/gi;
const SKIP_PROFILES = /^(public|default|default user|all users|defaultuser0|systemprofile|localservice|networkservice)$/i;

/**
 * What one file names, line by line (lines end at CR LF, LF or CR). Every rule of collectFromLine
 * needs a ":", "=", "\\" or "REG_" on its line, but an LMHOSTS line (its own rules) and the lines
 * under a DNS suffix search list label: any other line changes nothing, so the lines between two
 * of these are passed over, not split out one by one (a 20 000-route print has a dozen lines with
 * a colon). Each search runs forward from where the last one stopped: linear in the text.
 */
function collectFromText(name: string, text: string, a: Adders): void {
  const everyLine = name === 'lmhosts';
  /** per marker, where it next occurs at or after the position last asked (-1: nowhere) */
  const markers = MARKERS.map(() => -2);
  let nextCr = -2;
  let nextLf = -2;
  let inSearchList = false;
  for (let start = 0; start <= text.length; ) {
    if (!everyLine && !inSearchList) {
      let at = -1;
      for (let k = 0; k < MARKERS.length; k++) {
        let found = markers[k]!;
        if (found !== -1 && found < start) markers[k] = found = text.indexOf(MARKERS[k]!, start);
        if (found !== -1 && (at === -1 || found < at)) at = found;
      }
      if (at < 0) break;
      // back to the start of the line holding it (a line ends at CR or LF; never before `start`)
      while (at > start && !isLineBreak(text.charCodeAt(at - 1))) at--;
      start = at;
    }
    if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
    if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf('\n', start);
    const end = nextCr === -1 ? (nextLf === -1 ? text.length : nextLf) : nextLf === -1 ? nextCr : Math.min(nextCr, nextLf);
    inSearchList = collectFromLine(name, text.slice(start, end), inSearchList, a);
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  if (name.startsWith('powershell/') && /^\s*[[{]/.test(text)) collectFromJson(text, a);
  // what the VPN server logged (capture server-logs/): its users, host names, the PC's name in LCP Ident
  // (every record's, not only the entries a parse keeps: the bundle holds the whole log)
  if (name.startsWith('server-logs/')) for (const v of serverLogTextNames(text, name)) (v.kind === 'user' ? a.addAccount(v.value) : v.kind === 'domain' || v.kind === 'org' ? a.add(v.kind, v.value) : a.addFqdn(v.value));
}


/** what a line needs for any rule of collectFromLine but LMHOSTS' and a search list's continuation */
const MARKERS = [':', '=', '\\', 'REG_'];

const isLineBreak = (c: number) => c === 0x0a || c === 0x0d;

/** One line's names; returns whether the next line may continue a DNS suffix search list. */
function collectFromLine(name: string, line: string, inSearchList: boolean, a: Adders): boolean {
  // linear on purpose: a capture line may be 100 000 blanks long, where nested quantifiers backtrack for minutes
  const labelled = labelledLine(line);
  let searchList = false;
  if (labelled) {
    labelRule(labelled.label)?.(labelled.value, a);
    // (the search list's further domains stand alone on the lines below; an unknown language's DNS label with a name may be that list)
    searchList = lookupLabel(labelled.label) === 'dnsSuffixSearchList' || (isDnsName(labelled.value) && unknownDnsLabel(labelled.label));
  } else if (inSearchList && /^\s{20,}/.test(line) && line.trim() && !/\s/.test(line.trim())) {
    a.add('dnsDomain', line.trim());
    searchList = true;
  }

  // every pattern below needs an "=" or a backslash: most lines of a big capture (route rows,
  // LMHOSTS entries) have neither, and are not tried against each
  const equals = line.includes('=');
  const backslash = line.includes('\\');

  // reg query: "    Name    REG_SZ    data"; .reg: "\"Name\"=\"data\""
  const reg = regQueryString(line) ?? (equals ? line.match(/^"([^"]+)"="((?:[^"\\]|\\.)*)"\s*$/)?.slice(1) : undefined);
  if (reg) REGISTRY_NAMES[reg[0]!.toLowerCase()]?.(reg[1]!.replace(/\\\\/g, '\\').replace(/\\0/g, ' '), a);

  if (equals) {
    if (/^\s*dnssuffix\s*=/i.test(line) && name.startsWith('pbk/')) a.add('dnsDomain', line.split('=').slice(1).join('='));
    if (/^\s*phonenumber\s*=/i.test(line)) a.addFqdn(line.split('=').slice(1).join('=').trim(), 'vpnServer');
    if (/^\s*(user|domain)\s*=/i.test(line) && name.startsWith('pbk/')) {
      const [key, ...rest] = line.split('=');
      a.add(key!.trim().toLowerCase() === 'user' ? 'user' : 'domain', rest.join('='));
    }
  }
  if (backslash) {
    for (const m of line.matchAll(/\bthe user ([^\s\\]+)\\(\S+?)(?= |$)/gi)) a.addAccount(`${m[1]}\\${m[2]}`);
    for (const m of line.matchAll(PROFILE_PATH)) if (!SKIP_PROFILES.test(m[1]!)) a.add('user', m[1]);
  }
  if (name === 'lmhosts') collectLmhostsLine(line, a);
  return searchList;
}

/** "    Name    REG_SZ    data" → [name, data] (the first type column, as reg.exe prints it). */
function regQueryString(line: string): [string, string] | undefined {
  if (!/^\s/.test(line) || !line.includes('REG_')) return undefined;
  const m = /\s{4}REG_(?:SZ|EXPAND_SZ|MULTI_SZ)\s{4}/.exec(line);
  if (!m) return undefined;
  const name = line.slice(0, m.index).trim();
  const data = line.slice(m.index + m[0].length).trim();
  return name && data ? [name, data] : undefined;
}

/** Get-VpnConnection JSON keys whose text is a server, and those that are DNS names. */
const JSON_SERVER_KEYS = new Set(['serveraddress', 'friendlyaddress', 'address', 'server', 'servername']);
const JSON_DNS_KEYS = new Set(['dnssuffix', 'dnssuffixsearchlist']);

/**
 * Every server name in a PowerShell JSON file, ServerList[].FriendlyAddress included, at any depth.
 * The walk is iterative: the JSON is untrusted and may be nested 100 000 deep.
 */
function collectFromJson(text: string, a: Adders): void {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return;
  }
  const stack: unknown[] = [data];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (v && typeof v === 'object') {
      for (const [key, x] of Object.entries(v)) {
        const k = key.toLowerCase();
        if (typeof x === 'string' && JSON_SERVER_KEYS.has(k)) a.addFqdn(x, 'vpnServer');
        // the computer a CIM cmdlet (Get-NetRoute, Get-NetIPInterface) asked, when it was a remote one
        else if (typeof x === 'string' && k === 'pscomputername') a.addFqdn(x);
        else if (typeof x === 'string' && JSON_DNS_KEYS.has(k)) x.split(/[,\s]+/).forEach((d) => a.add('dnsDomain', d));
        else if (Array.isArray(x) && JSON_DNS_KEYS.has(k)) x.forEach((d) => typeof d === 'string' && a.add('dnsDomain', d));
        else if (x && typeof x === 'object') stack.push(x);
      }
    }
  }
}

/** "10.13.1.10  DC1  #PRE #DOM:CORP" and the padded `"CORP           \0x1B"` domain line. */
function collectLmhostsLine(line: string, a: Adders): void {
  const body = line.trimStart(); // (what /^\s+/ takes off: white space and line ends)
  if (!body || (body.startsWith('#') && !/^#(PRE|DOM)/i.test(body))) return;
  // (tested first: matchAll copies its regex on every call, and few lines name a domain)
  if (/#DOM:/i.test(body)) for (const m of body.matchAll(/#DOM:([^\s#]+)/gi)) a.add('domain', m[1]);
  const entry = body.match(/^\d{1,3}(?:\.\d{1,3}){3}\s+("([^"]+)"|(\S+))/);
  if (entry) {
    const name = entry[2] ?? entry[3] ?? '';
    // (the regex only where it can match: it read every name of 5 000 to its end)
    const raw = (name.includes('\\') ? name.replace(/\\0x[0-9a-f]{2}$/i, '') : name).trim();
    if (entry[2]) a.add('domain', raw);
    else a.addFqdn(raw);
  }
}
