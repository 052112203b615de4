import type { HelpTopic } from './help-topics';

/**
 * The CLI's --help texts, main and per command, in English. The Dutch ones (help-nl.ts) are loaded
 * only when `--lang nl` asks for help: the bundle evaluates neither file for a scan (main.ts imports
 * this one on --help only).
 */
export const USAGE = {
  main: `tunnelmedic — diagnose and repair broken VPN routing on Windows

Usage: tunnelmedic <command> [options]

Commands:
  scan       find problems and explain them
  fix        show (--dry-run) or apply the fixes, with backup, verification and rollback
  rollback   undo an applied run (RUN_ID or --last)
  guard      list or remove the "Keep it fixed" tasks (guard list | guard remove NAME)
  collect    save this machine's state as a capture directory (Windows)
  check-pptp test the PPTP control channel (TCP 1723) to --server HOST from this computer
  report     write the report as a readable HTML page or a zip (JSON, HTML, capture); --redact
  scripts    write fix/rollback scripts and an Intune detection/remediation pair to a folder
  explain-log  read what the VPN server or router logged and name the cause on the PC

INPUT (scan, fix, report, scripts):  --demo | --capture DIR   (default: this machine)
                    --policy FILE  --corp-net CIDR (repeatable)
Global: --lang en|nl  --json  --quiet  --verbose  --help  --version

Exit codes: 0 healthy or fixed · 1 problems remain · 2 a fix failed and was rolled back ·
            3 rollback failed (manual action, journal printed) · 4 usage or bad input ·
            5 live collection failed
Run \`tunnelmedic <command> --help\` for a command's options.
`,
  scan: `Usage: tunnelmedic scan [--demo | --capture DIR] [--policy FILE] [--corp-net CIDR]... [--server-log FILE]... [--json] [--out FILE] [--lang en|nl]

Reads the route table and interfaces (of this machine, the demo machine or a capture directory),
and reports what is wrong, with the evidence and which route wins for the Internet and for each
corporate network. --json prints the report JSON (DESIGN.md); --out FILE writes it to FILE.
--server-log FILE adds what the VPN server logged (see explain-log); a capture's server-logs/*.txt
(and rotated *.gz, and each file of a .zip, .tar or .tar.gz there) are read too.
`,
  'explain-log': `Usage: tunnelmedic explain-log FILE... [--capture DIR] [--json] [--out FILE] [--lang en|nl] [--redact] [--verbose]

Reads what the VPN server or router logged — pppd/pptpd/xl2tpd/mpd, strongSwan, Libreswan, racoon,
Windows RRAS/NPS, MikroTik, FortiGate, SonicWall, DrayTek, Zyxel ZyNOS, Cisco IOS debug ppp/vpdn,
ASA, VPN 3000, SoftEther and SSTP servers, and the firewall on or in front of it (iptables/ufw/firewalld, pfSense/OPNsense,
Windows Firewall, Juniper SRX, Sophos UTM, Sophos Firewall) — decodes the packets and states, and
names the cause on the PC and what to ask the server's administrator. Files are streamed line by line (a 50 MB syslog
is fine), gzip files (a rotated syslog.2.gz) unpacked as they are read, and each file of a tar
or ZIP archive (logs.tar.gz, logs.zip) read as a log of its own; lines not understood are listed, never dropped.
--capture DIR  the PC's capture too: a server cause that matches a PC failure (same error, same
               user, close in time) becomes one finding with both sides' evidence
--redact       replace user names, host names and public addresses in the output
--verbose      every decoded line, not only the ones that matter
Exit: 0 no cause found · 1 causes found · 4 no file is a server log (empty, binary, a route print …)
`,
  fix: `Usage: tunnelmedic fix [--demo] [--policy FILE] [--corp-net CIDR]... [--only ID,...] [--dry-run] [--yes]

--dry-run   print each fix script followed by its rollback script; change nothing
--only ID   only these finding ids or fix ids (comma-separated)
--yes       apply without asking (in scripts: only fixes the policy's unattended.allow lists)
--no-probe  do not check reachability before and after. On this PC the fix first checks what
            answers (Windows' connectivity test URL, the VPN's DNS servers on TCP 53, or the
            policy's probes) and puts everything back if something that answered stops answering.
            Scripts probe only when the policy sets probes.unattended.
Without --yes a terminal asks before changing anything; a non-interactive run applies nothing
and exits 1. Every change is backed up, journaled, verified, and rolled back when it fails.
--capture DIR describes another machine: only --dry-run is possible for it.
`,
  guard: `Usage: tunnelmedic guard list [--json] | tunnelmedic guard remove "CONNECTION NAME"

"Keep it fixed" installs a scheduled task that runs the split-tunnel fix again each time a VPN
connects (for VPNs whose profile Windows' VPN cmdlets cannot change). list shows the tasks under
\\TunnelMedic\\ and the run that installed each; remove undoes that run from its journal.
`,
  rollback: `Usage: tunnelmedic rollback (RUN_ID | --last) [--demo]

Undoes an applied run from its journal, newest step first. Works after a crash or a reboot.
`,
  'check-pptp': `Usage: tunnelmedic check-pptp --server HOST [--port 1723] [--capture DIR | --demo] [--json]

Opens one TCP connection from this computer to the VPN server's PPTP control port and closes it,
then reads the result together with the RasClient events (of this machine, or of --capture DIR):
"control channel reachable, but 806/619: GRE (IP protocol 47) is blocked — allow it or enable
PPTP pass-through on the NAT device". This is the only command that contacts the network, and only
the server you name. Exit 0: control channel reachable and no GRE failures; 1 otherwise.
`,
  collect: `Usage: tunnelmedic collect --out DIR [--lang en|nl]

Runs the capture commands on this Windows machine and writes them as a capture directory that
\`tunnelmedic scan --capture DIR\` (on any machine) reads.
`,
  report: `Usage: tunnelmedic report [--demo | --capture DIR] [--policy FILE] [--corp-net CIDR]... --out FILE.html|FILE.zip [--redact]

FILE.html   one self-contained page: machine summary, findings with evidence, applied runs
FILE.zip    report.json + report.html + the raw capture files
--redact    replace user, computer and domain names, SIDs, MAC addresses, public IP addresses and
            VPN server names by tokens (the same value gets the same token in every file);
            private addresses stay. --json prints the (redacted) report JSON. Exits as scan.
`,
  scripts: `Usage: tunnelmedic scripts [--demo | --capture DIR] [--policy FILE] [--corp-net CIDR]... --out DIR

Creates DIR (its parent must exist) and writes, for the findings of the scan:
  fix.cmd, fix.ps1            the first fix of each finding, one script, stops at the first failure
  rollback.cmd, rollback.ps1  undoes them, newest step first
  fixes/<fix id>/             each fix (and its alternatives) on its own
  intune-detect.ps1           Intune detection: exit 1 when the VPN takes the default route
  intune-remediate.ps1        Intune remediation (idempotent, logs to %ProgramData%\\TunnelMedic\\logs)
  README.txt                  what each file does and how to deploy it
The scripts speak the captured PC's shell: .cmd for Windows 2000 and later, an NT 4.0-safe .cmd for
NT 4.0, .bat files for COMMAND.COM on Windows 95/98/ME. fix.ps1/rollback.ps1 are written only for
Windows 8.1 / Server 2012 R2 and later (PowerShell 4 + Get-NetRoute); otherwise it says why.
Exits as scan.
`,
} satisfies Record<HelpTopic, string>;

export type { HelpTopic };

/** The help for `topic` (a command, or the main help for none or an unknown one) in `language`. */
export async function helpText(topic: string | undefined, language: 'en' | 'nl'): Promise<string> {
  const texts: Record<HelpTopic, string> = language === 'nl' ? (await import('./help-nl')).USAGE_NL : USAGE;
  return topic !== undefined && Object.hasOwn(texts, topic) ? texts[topic as HelpTopic] : texts.main;
}
