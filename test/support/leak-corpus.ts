/**
 * The leak corpus (issue 12 item 11): per language, a capture full of identifying values behind
 * that language's labels. test/redaction-leaks.test.ts checks none survives --redact;
 * test/redacted-bundle-identity.test.ts pins the redacted bundles byte for byte.
 */

export interface Lang {
  code: string;
  title: string;
  host: string;
  primary: string;
  specific: string;
  physical: string;
  sysHost: string;
  owner: string;
  org: string;
  domain: string;
  logon: string;
  /** "the user X\\y" as the localised RasClient message says it */
  userPhrase: string;
}

/**
 * ipconfig labels of the parser's vocabulary (app/core/parse/ipconfig-labels.ts); systeminfo labels
 * from ../shared/corpus/systeminfo-ver (en, ru, zh-CN), the others assumed from Windows' translations.
 */
export const LANGS: Lang[] = [
  { code: 'en', title: 'Windows IP Configuration', host: 'Host Name', primary: 'Primary Dns Suffix', specific: 'Connection-specific DNS Suffix', physical: 'Physical Address', sysHost: 'Host Name', owner: 'Registered Owner', org: 'Registered Organization', domain: 'Domain', logon: 'Logon Server', userPhrase: 'The user' },
  { code: 'de', title: 'Windows-IP-Konfiguration', host: 'Hostname', primary: 'Primäres DNS-Suffix', specific: 'Verbindungsspezifisches DNS-Suffix', physical: 'Physische Adresse', sysHost: 'Hostname', owner: 'Registrierter Benutzer', org: 'Registrierte Organisation', domain: 'Domäne', logon: 'Anmeldeserver', userPhrase: 'Der Benutzer' },
  { code: 'fr', title: 'Configuration IP de Windows', host: "Nom de l'hôte", primary: 'Suffixe DNS principal', specific: 'Suffixe DNS propre à la connexion', physical: 'Adresse physique', sysHost: "Nom de l'hôte", owner: 'Propriétaire enregistré', org: 'Organisation enregistrée', domain: 'Domaine', logon: "Serveur d'ouverture de session", userPhrase: "L'utilisateur" },
  { code: 'es', title: 'Configuración IP de Windows', host: 'Nombre de host', primary: 'Sufijo DNS principal', specific: 'Sufijo DNS específico para la conexión', physical: 'Dirección física', sysHost: 'Nombre de host', owner: 'Propiedad de', org: 'Organización registrada', domain: 'Dominio', logon: 'Servidor de inicio de sesión', userPhrase: 'El usuario' },
  { code: 'nl', title: 'Windows IP-configuratie', host: 'Hostnaam', primary: 'Primair DNS-achtervoegsel', specific: 'Verbindingsspecifiek DNS-achtervoegsel', physical: 'Fysiek adres', sysHost: 'Hostnaam', owner: 'Geregistreerde eigenaar', org: 'Geregistreerde organisatie', domain: 'Domein', logon: 'Aanmeldingsserver', userPhrase: 'De gebruiker' },
  { code: 'it', title: 'Configurazione IP di Windows', host: 'Nome host', primary: 'Suffisso DNS primario', specific: 'Suffisso DNS specifico per connessione', physical: 'Indirizzo fisico', sysHost: 'Nome host', owner: 'Proprietario registrato', org: 'Organizzazione registrata', domain: 'Dominio', logon: 'Server di accesso', userPhrase: "L'utente" },
  { code: 'pt', title: 'Configuração de IP do Windows', host: 'Nome do host', primary: 'Sufixo DNS primário', specific: 'Sufixo DNS específico de conexão', physical: 'Endereço Físico', sysHost: 'Nome do host', owner: 'Proprietário registrado', org: 'Organização registrada', domain: 'Domínio', logon: 'Servidor de Logon', userPhrase: 'O usuário' },
  { code: 'pl', title: 'Konfiguracja IP systemu Windows', host: 'Nazwa hosta', primary: 'Sufiks podstawowej domeny DNS', specific: 'Sufiks DNS konkretnego połączenia', physical: 'Adres fizyczny', sysHost: 'Nazwa hosta', owner: 'Zarejestrowany właściciel', org: 'Zarejestrowana organizacja', domain: 'Domena', logon: 'Serwer logowania', userPhrase: 'Użytkownik' },
  { code: 'ru', title: 'Настройка протокола IP для Windows', host: 'Имя компьютера', primary: 'Основной DNS-суффикс', specific: 'DNS-суффикс подключения', physical: 'Физический адрес', sysHost: 'Имя узла', owner: 'Зарегистрированный владелец', org: 'Зарегистрированная организация', domain: 'Домен', logon: 'Сервер входа в сеть', userPhrase: 'Пользователь' },
  { code: 'zh', title: 'Windows IP 配置', host: '主机名', primary: '主 DNS 后缀', specific: '连接特定的 DNS 后缀', physical: '物理地址', sysHost: '主机名', owner: '注册的所有人', org: '注册的组织', domain: '域', logon: '登录服务器', userPhrase: '用户' },
  { code: 'tr', title: 'Windows IP Yapılandırması', host: 'Ana Bilgisayar Adı', primary: 'Birincil DNS Soneki', specific: 'Bağlantıya özgü DNS Soneki', physical: 'Fiziksel Adres', sysHost: 'Ana Bilgisayar Adı', owner: 'Kayıtlı Sahip', org: 'Kayıtlı Kuruluş', domain: 'Etki Alanı', logon: 'Oturum Açma Sunucusu', userPhrase: 'Kullanıcı' },
];

/** The identifying values of one language's capture; `n` keeps them unique across languages. */
export function secrets(l: Lang, n: number) {
  const hex = (v: number) => v.toString(16).padStart(2, '0').toUpperCase();
  return {
    host: l.code === 'tr' ? `İSTANBUL-PC${n}` : `WS-${l.code.toUpperCase()}-KARPOV${n}`,
    user: l.code === 'tr' ? `ilkay.yildiz${n}` : `mvandijk${n}`,
    fullName: l.code === 'tr' ? `İlkay Yıldız ${n}` : `Maarten van Dijk ${n}`,
    org: l.code === 'tr' ? `Işık Lojistik ${n}` : `Grubbenvorst Logistiek ${n}`,
    netbios: l.code === 'tr' ? `IŞIKLOJ${n}` : `GRUBBEN${n}`,
    dns: `grubben${n}-corp.example.net`,
    logonServer: `DCGRUB${n}`,
    vpnServer: `vpn${n}.grubben-remote.net`,
    friendly: `gw${n}.fjordline-partner.org`,
    macDashed: `8C-16-45-2A-${hex(n)}-0E`,
    macBare: `00155D01${hex(n)}02`,
    macDotted: `0015.5d01.${hex(n)}03`,
    sid: `S-1-5-21-1004336348-1177238915-68200${n}330-1001`,
    publicV4: `52.174.${n}.20`,
    publicV6: `2a02:a46c:${n.toString(16)}:1:5d2e:1111:2222:3333`,
  };
}

const dots = (label: string) => `   ${label} . . . . . . . . . . . . : `;

export function captureFiles(l: Lang, s: ReturnType<typeof secrets>): Record<string, string> {
  const ipconfig = [
    '', l.title, '',
    `${dots(l.host)}${s.host}`,
    `${dots(l.primary)}${s.dns}`,
    '', 'Ethernet adapter Ethernet:', '',
    `${dots(l.specific)}${s.dns}`,
    `${dots(l.physical)}${s.macDashed}`,
    `${dots('IPv4 Address')}${s.publicV4}(Preferred)`,
    `${dots('IPv6 Address')}${s.publicV6}(Preferred)`,
    `${dots('Subnet Mask')}255.255.255.0`,
    '',
  ].join('\r\n');
  const systeminfo = ['', `${l.sysHost}:                 ${s.host}`, 'OS Version:                10.0.19045 N/A Build 19045', `${l.owner}:          ${s.fullName}`, `${l.org}:   ${s.org}`, `${l.domain}:                    ${s.dns}`, `${l.logon}:              \\\\${s.logonServer}`, ''].join('\r\n');
  const winlogon = ['reg query "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon"', '', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon', `    DefaultUserName    REG_SZ    ${s.user}`, `    DefaultDomainName    REG_SZ    ${s.netbios}`, '    KeepRasConnections    REG_SZ    0', ''].join('\r\n');
  const adapter = ['Windows Registry Editor Version 5.00', '', '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Class\\{4d36e972-e325-11ce-bfc1-08002be10318}\\0001]', `"NetworkAddress"="${s.macBare}"`, `"DriverDesc"="Intel(R) Ethernet ${s.macDotted}"`, '', `[HKEY_USERS\\${s.sid}\\Software]`, '', '[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters]', `"Hostname"="${s.host}"`, `"NV Domain"="${s.dns}"`, ''].join('\r\n');
  const events = ['Event[0]:', '  Source: RasClient', '  Event ID: 20227', `  User: ${s.sid}`, `  Computer: ${s.host}.${s.dns}`, '  Description: ', `CoId={9C8B7A6D-5E4F-4302-9180-F1E2D3C4B5A6}: ${l.userPhrase} ${s.netbios}\\${s.user} 800.`, ''].join('\r\n');
  const pbk = ['[Grubben VPN]', 'MEDIA=rastapi', 'Device=WAN Miniport (IKEv2)', `PhoneNumber=${s.vpnServer}`, `User=${s.user}`, `Domain=${s.netbios}`, `DnsSuffix=${s.dns}`, ''].join('\r\n');
  const vpn = JSON.stringify([{ Name: 'Grubben VPN', ServerAddress: s.vpnServer, ServerList: [{ Address: s.publicV4, FriendlyAddress: s.friendly }], DnsSuffix: s.dns, TunnelType: 'Ikev2' }]);
  return {
    'capture.json': JSON.stringify({ schemaVersion: 1, hostname: s.host }),
    'ipconfig-all.txt': ipconfig,
    'systeminfo.txt': systeminfo,
    'registry/winlogon.txt': winlogon,
    'registry/adapter.reg': adapter,
    'rasclient-events.txt': events,
    'pbk/rasphone.pbk': pbk,
    'powershell/vpnconnection.json': vpn,
    'file-versions.txt': `C:\\Users\\${s.user}\\AppData\\Local\\Temp\\rasapi32.dll\t10.0.19041.1\r\n`,
    lmhosts: `10.13.1.10    ${s.logonServer}    #PRE #DOM:${s.netbios}\r\n`,
  };
}

