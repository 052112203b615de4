import ipaddr from 'ipaddr.js';
import type { Capture } from '../capture/capture';
import type { Policy } from '../model/policy';
import type { SensitiveValue } from './redact';
import type { Snapshot } from '../model/snapshot';

/**
 * The names `--redact` must hide, read from where Windows prints them: `ipconfig /all`,
 * `systeminfo`, registry values (Winlogon, Tcpip parameters), RasClient events, phonebooks, LMHOSTS,
 * profile paths, the snapshot and the policy. Shapes (SIDs, MACs, public addresses) are found by
 * the Redactor itself; this only lists names, which have no shape.
 */
export function sensitiveValues(input: { capture?: Capture; snapshot?: Snapshot; policy?: Policy }): SensitiveValue[] {
  const out: SensitiveValue[] = [];
  const add = (kind: SensitiveValue['kind'], value: string | undefined) => {
    const v = value?.trim().replace(/^["']|["']$/g, '').trim();
    if (v) out.push({ kind, value: v });
  };
  const addFqdn = (value: string | undefined, kind: 'host' | 'vpnServer' = 'host') => {
    const v = value?.trim().replace(/^\\\\/, '');
    if (!v || ipaddr.isValid(v)) return;
    const [first, ...rest] = v.split('.');
    if (rest.length && kind === 'vpnServer') add('vpnServer', v);
    else add(kind, first);
    // an FQDN becomes HOST-n.domain-m.example: its parts are tokens of their own
    if (rest.length) add('dnsDomain', rest.join('.'));
  };
  const addAccount = (value: string | undefined) => {
    const m = value?.trim().match(/^([^\\\s]+)\\([^\\\s]+)$/);
    if (m) {
      add('domain', m[1]);
      add('user', m[2]);
    } else add('user', value);
  };

  const { capture, snapshot, policy } = input;
  if (capture) {
    addFqdn(capture.meta.hostname);
    for (const file of capture.files.values()) collectFromText(file.name, file.text, { add, addFqdn, addAccount });
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
  return out;
}

interface Adders {
  add: (kind: SensitiveValue['kind'], value: string | undefined) => void;
  addFqdn: (value: string | undefined, kind?: 'host' | 'vpnServer') => void;
  addAccount: (value: string | undefined) => void;
}

/** "Label . . . . : value" (ipconfig) and "Label:   value" (systeminfo, wevtutil) */
const LABELLED: [RegExp, (v: string, a: Adders) => void][] = [
  [/^(host ?name|nom de l.h[oô]te|hostname|nombre de host|имя (компьютера|узла)|主机名|nazwa hosta)$/i, (v, a) => a.addFqdn(v)],
  [/^(primary dns suffix|dns suffix search list|connection-specific dns suffix|primäres dns-suffix|dns-suffixsuchliste|verbindungsspezifisches dns-suffix)$/i, (v, a) => a.add('dnsDomain', v)],
  [/^(domain|domäne|domaine|dominio|домен)$/i, (v, a) => (v.includes('.') ? a.add('dnsDomain', v) : a.add('domain', v))],
  [/^(logon server|anmeldeserver|serveur d.ouverture de session)$/i, (v, a) => a.addFqdn(v)],
  [/^(registered owner|registrierter benutzer|propriétaire enregistré)$/i, (v, a) => a.add('user', v)],
  [/^(registered organization|registrierte organisation|organisation enregistrée)$/i, (v, a) => a.add('org', v)],
  [/^(computer|computername)$/i, (v, a) => a.addFqdn(v)],
  [/^(user name|benutzername|dial-in user)$/i, (v, a) => a.addAccount(v)],
];

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

function collectFromText(name: string, text: string, a: Adders): void {
  const lines = text.split(/\r?\n/);
  let inSearchList = false;
  for (const line of lines) {
    const labelled = line.match(/^\s*([^:.=]+?)\s*(?:(?:\. )+\.?|\.{2,})?\s*:\s+(.*\S)\s*$/);
    if (labelled) {
      const label = labelled[1]!.trim();
      const rule = LABELLED.find(([re]) => re.test(label));
      if (rule) rule[1](labelled[2]!, a);
      inSearchList = /dns suffix search list|dns-suffixsuchliste/i.test(label);
    } else if (inSearchList && /^\s{20,}\S+\s*$/.test(line)) a.add('dnsDomain', line.trim());
    else inSearchList = false;

    // reg query: "    Name    REG_SZ    data"; .reg: "\"Name\"=\"data\""
    const reg = line.match(/^\s+(.+?)\s{4}REG_(?:SZ|EXPAND_SZ|MULTI_SZ)\s{4}(.*\S)\s*$/) ?? line.match(/^"([^"]+)"="((?:[^"\\]|\\.)*)"\s*$/);
    if (reg) REGISTRY_NAMES[reg[1]!.toLowerCase()]?.(reg[2]!.replace(/\\\\/g, '\\').replace(/\\0/g, ' '), a);

    if (/^\s*phonenumber\s*=/i.test(line)) a.addFqdn(line.split('=').slice(1).join('=').trim(), 'vpnServer');
    if (/^\s*(user|domain)\s*=/i.test(line) && name.startsWith('pbk/')) {
      const [key, ...rest] = line.split('=');
      a.add(key!.trim().toLowerCase() === 'user' ? 'user' : 'domain', rest.join('='));
    }
    for (const m of line.matchAll(/\bthe user ([^\s\\]+)\\(\S+?)(?= |$)/gi)) a.addAccount(`${m[1]}\\${m[2]}`);
    for (const m of line.matchAll(PROFILE_PATH)) if (!SKIP_PROFILES.test(m[1]!)) a.add('user', m[1]);
    if (name === 'lmhosts') collectLmhostsLine(line, a);
  }
}

/** "10.13.1.10  DC1  #PRE #DOM:CORP" and the padded `"CORP           \0x1B"` domain line. */
function collectLmhostsLine(line: string, a: Adders): void {
  const body = line.replace(/^\s+/, '');
  if (!body || (body.startsWith('#') && !/^#(PRE|DOM)/i.test(body))) return;
  for (const m of body.matchAll(/#DOM:([^\s#]+)/gi)) a.add('domain', m[1]);
  const entry = body.match(/^\d{1,3}(?:\.\d{1,3}){3}\s+("([^"]+)"|(\S+))/);
  if (entry) {
    const raw = (entry[2] ?? entry[3] ?? '').replace(/\\0x[0-9a-f]{2}$/i, '').trim();
    if (entry[2]) a.add('domain', raw);
    else a.addFqdn(raw);
  }
}
