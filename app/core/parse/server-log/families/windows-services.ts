/**
 * The Windows services a VPN server needs, by their service (key) names, and the names Windows shows for them (display names,
 * translated with Windows). A Service Control Manager event names the service by its display name in its insertion strings and
 * message; where the event has binary data, that holds the key name (service-control-events.ts), which is the same in every language.
 *
 * Display names, where they were seen:
 * - English: Knowledge Base articles quoting the events — "Routing and Remote Access" (KB 840686's 7024, Windows 2000/2003),
 *   "Routing And Remote Access Service" (Windows NT 4.0's RRAS, KB Q180602's 7024; KB Q168683's 7001 "Routing and Remote Access
 *   Service"), "Remote Access Service" (NT 4.0's RAS, KB Q165941's 7001), "Remote Access Connection Manager" (KB Q168683's 7024);
 *   the others as the Services console lists them (Microsoft Learn's service pages: "Secure Socket Tunneling Protocol Service",
 *   "IKE and AuthIP IPsec Keying Modules", "IPsec Policy Agent", "Network Policy Server"; Windows 2003's "Internet Authentication
 *   Service" for IAS).
 * - French: a Windows 11 `Get-Service` listing (search index file id 31668302571): "Routage et accès distant", "Agent de stratégie
 *   IPsec" whole; RasMan "Gestionnaire des connexions d’accès…", SstpSvc "Service SSTP (Secure Socket Tunneli…", IKEEXT "Modules
 *   de génération de clés IKE e…" cut by the console: the seen beginnings (written with a trailing …) are what is matched (each names one service only).
 * - German: "Routing und RAS" (German Microsoft documentation names the service's firewall group and console so; search index file
 *   id 11641614165); the others assumed from Windows' German translations, not seen in a German event.
 * - Dutch: "Routering en externe toegang" (Dutch Microsoft documentation's name for RRAS, search index file id 11776905873, assumed
 *   the service's); the others assumed.
 * - RemoteAccess in Spanish "Enrutamiento y acceso remoto" (a Spanish tuning script's list of services by key and display name, index
 *   file id 63172937026), Russian "Маршрутизация и удаленный доступ" (a Russian script's `("RemoteAccess", "Маршрутизация и удаленный
 *   доступ")`, id 40545820487), Portuguese "Roteamento e Acesso Remoto" (a Brazilian script's `("RemoteAccess", "disabled", "Roteamento
 *   e Acesso Remoto")`, id 71283326398), Italian "Routing e Accesso remoto" (Italian Microsoft documentation, id 25086472571: assumed the
 *   service's); PolicyAgent in Russian "Агент политики IPsec" (an installer script's service list, id 4559255733). Japanese Windows
 *   keeps RRAS's English name (assumed). The other services in these languages are not known: their events are read by the binary's key.
 * A display name not in the table leaves the event as it was ("Event N from Service Control Manager"), unless its binary data names
 * the key.
 */

export type VpnServiceKey = 'RemoteAccess' | 'RasMan' | 'SstpSvc' | 'IKEEXT' | 'PolicyAgent' | 'IAS';

export const VPN_SERVICE_KEYS: readonly VpnServiceKey[] = ['RemoteAccess', 'RasMan', 'SstpSvc', 'IKEEXT', 'PolicyAgent', 'IAS'];

/** Display names (or the beginnings a console left of them) per key, every language together: matched whole-word, case-insensitively. */
const DISPLAY_NAMES: Readonly<Record<VpnServiceKey, readonly string[]>> = {
  RemoteAccess: [
    'Routing and Remote Access Service',
    'Routing and Remote Access',
    'Remote Access Service',
    'Routage et accès distant',
    'Routing und RAS',
    'Routering en externe toegang',
    'Enrutamiento y acceso remoto',
    'Маршрутизация и удаленный доступ',
    'Roteamento e Acesso Remoto',
    'Routing e Accesso remoto',
  ],
  RasMan: [
    'Remote Access Connection Manager',
    "Gestionnaire des connexions d'accès…",
    // assumed (German, Dutch)
    'RAS-Verbindungsverwaltung',
    'Verbindingsbeheer voor externe toegang',
  ],
  SstpSvc: ['Secure Socket Tunneling Protocol Service', 'Service SSTP (Secure Socket Tunneling…', 'SSTP-Dienst', 'SSTP-service'],
  IKEEXT: [
    'IKE and AuthIP IPsec Keying Modules',
    'Modules de génération de clés IKE et…',
    // assumed (German, Dutch)
    'IKE- und AuthIP IPsec-Schlüsselerstellungsmodule',
    'IKE- en AuthIP IPsec-sleutelmodules',
  ],
  PolicyAgent: ['IPsec Policy Agent', 'Agent de stratégie IPsec', 'IPsec-Richtlinien-Agent', 'IPsec-beleidsagent', 'Агент политики IPsec'],
  IAS: ['Network Policy Server', 'Internet Authentication Service', 'Serveur NPS (Network Policy Server)', 'Netzwerkrichtlinienserver', 'Netwerkbeleidsserver'],
};

/** One blank for any run of blanks (a Knowledge Base quote wraps a name over two lines), one apostrophe for ’ and ', lower case. */
const normal = (s: string): string => s.replace(/\s+/g, ' ').replace(/[\u2019\u2018]/g, "'").toLowerCase();

/** a name written with a trailing `…` is the beginning a console left of it: it stands for any name that begins so */
const cut = (n: string): boolean => n.endsWith('…');
const BY_NAME: ReadonlyMap<string, VpnServiceKey> = new Map(
  VPN_SERVICE_KEYS.flatMap((key) => [...DISPLAY_NAMES[key].map((n) => [normal(n.replace(/…$/, '')), key] as const), [key.toLowerCase(), key] as const]),
);
const CUT_NAMES: readonly string[] = VPN_SERVICE_KEYS.flatMap((key) => DISPLAY_NAMES[key].filter(cut).map((n) => normal(n.replace(/…$/, ''))));
// longest first: at one place in a text, "Routing and Remote Access Service" before "Routing and Remote Access"
const NAMES_LONGEST_FIRST = [...BY_NAME.keys()].sort((a, b) => b.length - a.length);

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_-]/u.test(c);

/** The key of a service named exactly so (its display name in a table's language, or its key name), else undefined. */
export function vpnServiceByName(name: string): VpnServiceKey | undefined {
  const n = normal(name.trim().replace(/^["'„“]|["'”“]$/g, ''));
  const exact = BY_NAME.get(n);
  if (exact) return exact;
  // a console's cut name stands for the whole: the seen beginning of it, ending where a word ends
  for (const known of CUT_NAMES) if (n.startsWith(known) && !isWordChar(n[known.length])) return BY_NAME.get(known);
  return undefined;
}

/**
 * The service a message names first (earliest in the text; the longest name there): an event pasted without its insertion strings
 * names the service in its message, in the event's language. A name counts only where it stands as words of its own (not
 * "Remote Access Service" inside "Routing and Remote Access Service", which is found earlier).
 */
export function vpnServiceInText(text: string): VpnServiceKey | undefined {
  const n = normal(text);
  let best: { at: number; length: number; key: VpnServiceKey } | undefined;
  for (const name of NAMES_LONGEST_FIRST) {
    let at = n.indexOf(name);
    while (at >= 0 && (isWordChar(n[at - 1]) || (isWordChar(n[at + name.length]) && isWordChar(name[name.length - 1])))) at = n.indexOf(name, at + 1);
    if (at < 0) continue;
    if (!best || at < best.at || (at === best.at && name.length > best.length)) best = { at, length: name.length, key: BY_NAME.get(name)! };
  }
  return best?.key;
}
