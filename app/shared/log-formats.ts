/**
 * What each server-log family is called where a person reads it: the CLI's verdict line and the
 * app's paste box said "pppd 12, syslog 1" (the parser's ids); a help desk knows the product that
 * wrote the log. In app/shared, without core code, so the renderer bundle can import it (as limits.ts).
 * Keyed by the parser's family ids (app/core/parse/server-log/types.ts LOG_FAMILIES; a test holds
 * the two lists together); an id missing here is shown as it is.
 */

export type FormatLanguage = 'en' | 'nl';

const NAMES: Record<string, Record<FormatLanguage, string>> = {
  pppd: { en: 'pppd/pptpd/xl2tpd/mpd', nl: 'pppd/pptpd/xl2tpd/mpd' },
  strongswan: { en: 'strongSwan', nl: 'strongSwan' },
  libreswan: { en: 'Libreswan', nl: 'Libreswan' },
  rras: { en: 'Windows RRAS/NPS', nl: 'Windows RRAS/NPS' },
  // Windows' RAS tracing files, rasdial's output and the Remote Access Diagnostic Report that holds the traces: all the PC's RAS
  // client's (rasman.ts); "trace" alone named rasdial's console output a trace
  rasman: { en: 'Windows RAS (trace, rasdial)', nl: 'Windows RAS (trace, rasdial)' },
  mikrotik: { en: 'MikroTik RouterOS', nl: 'MikroTik RouterOS' },
  ios: { en: 'Cisco IOS', nl: 'Cisco IOS' },
  asa: { en: 'Cisco ASA', nl: 'Cisco ASA' },
  vpn3000: { en: 'Cisco VPN 3000', nl: 'Cisco VPN 3000' },
  fortigate: { en: 'FortiGate (FortiOS)', nl: 'FortiGate (FortiOS)' },
  sonicwall: { en: 'SonicWall (SonicOS)', nl: 'SonicWall (SonicOS)' },
  draytek: { en: 'DrayTek Vigor', nl: 'DrayTek Vigor' },
  // the Python sstpd (github.com/sorz/sstp-server)
  sstp: { en: 'SSTP server (sstpd)', nl: 'SSTP-server (sstpd)' },
  // its L2TP/IPsec, SSTP and OpenVPN sides alike: each line says which it is
  softether: { en: 'SoftEther VPN Server', nl: 'SoftEther VPN Server' },
  // a Juniper SRX's (or another Junos device's) own VPN and firewall lines: kmd (IKE), RT_FLOW (sessions), firewall filter logs
  junos: { en: 'Juniper SRX (Junos)', nl: 'Juniper SRX (Junos)' },
  // Sophos UTM's own packet-filter lines (ulogd); its IPsec and L2TP daemons' lines go to their families (strongSwan, Libreswan, pppd)
  sophos: { en: 'Sophos UTM', nl: 'Sophos UTM' },
  // Sophos Firewall (SFOS, the XG/XGS firewalls): another OS than the UTM's (Cyberoam's, not Astaro's), its own key=value records
  sfos: { en: 'Sophos Firewall (SFOS)', nl: 'Sophos Firewall (SFOS)' },
  // Zyxel's older ZyNOS gateways and routers (ZyWALL 2/10/50/100, Prestige): the menu's IPSec Log table
  zyxel: { en: 'Zyxel ZyNOS', nl: 'Zyxel ZyNOS' },
  // ipsec-tools' IKEv1 daemon: pfSense up to 2.1, Linux and FreeBSD hosts (families/racoon.ts)
  racoon: { en: 'racoon (ipsec-tools)', nl: 'racoon (ipsec-tools)' },
  // lines of programs that are no VPN software (cron, kernel, dhcpd) in the same syslog
  syslog: { en: 'other programs', nl: 'andere programma’s' },
};

export const LOG_FORMAT_IDS: readonly string[] = Object.keys(NAMES);

/** a count in the language's digits grouping ("4,934 lines", "4.934 regels"), as the verdict's "4,934 of 4,934" (i18n `{{n, number}}`) */
const numberFormats: Partial<Record<FormatLanguage, Intl.NumberFormat>> = {};
export const formatCount = (n: number, language: FormatLanguage): string => (numberFormats[language] ??= new Intl.NumberFormat(language)).format(n);
const lines = (n: number, language: FormatLanguage) => (language === 'nl' ? (n === 1 ? '1 regel' : `${formatCount(n, language)} regels`) : n === 1 ? '1 line' : `${formatCount(n, language)} lines`);

/** "Cisco IOS 2 lines, other programs 1 line": the families a log's lines were read as, in the order the parser met them. */
export function logFormatsText(families: Readonly<Record<string, number>>, language: FormatLanguage): string {
  return Object.entries(families)
    .map(([family, n]) => `${NAMES[family]?.[language] ?? family} ${lines(n, language)}`)
    .join(', ');
}
