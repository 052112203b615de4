import { isJournalNote, systemdUnitLine, type UnitHit, type UnitWatch } from './families/systemd-units';
import { otherDaemonLine } from './families/other-daemons';
import { windowsFirewallLine } from './families/windows-firewall-log';
import { netfilterLine } from './families/netfilter-log';
import { headerlessFilterlogLine } from './families/filterlog';
import { deviceLine } from './device-lines';
import type { Prefixed } from './prefix';
import { promptLine } from './shell-prompt';

/** A line no family reads that is still understood: another program's (systemd's about a VPN unit: systemd-units.ts), journalctl's own. */
export function otherLine(pre: Prefixed, units: UnitWatch, text: string): UnitHit | undefined {
  // (racoon's sockets, BusyBox syslogd's start: families/other-daemons.ts)
  const daemon = otherDaemonLine(pre);
  if (daemon) return daemon;
  if (pre.program) {
    const packet = deviceLine(pre, text);
    if (packet) return packet;
    if (VPN_PROGRAM.test(pre.program)) return undefined;
    const unit = systemdUnitLine(pre);
    if (unit) return units.see(unit);
    return { family: 'syslog', hit: { decoded: [{ key: 'step.unrelatedProgram', values: { program: pre.program } }], outcome: 'info' } };
  }
  // (a firewall's packet log without a syslog header: a dmesg line, families/netfilter-log.ts; Windows Firewall's pfirewall.log; a filterlog CSV)
  const packet = netfilterLine(pre) ?? windowsFirewallLine(text) ?? headerlessFilterlogLine(pre);
  if (packet) return packet;
  if (isJournalNote(pre.message)) return { family: 'syslog', hit: { decoded: [{ key: 'step.journalNote' }], outcome: 'info' } };
  const file = pre.message.charCodeAt(0) === 61 /* = */ ? TAIL_HEADER.exec(pre.message) : null;
  if (file) return { family: 'syslog', hit: { decoded: [{ key: 'step.tailFileHeader', values: { file: file[1]! } }], outcome: 'info' } };
  // a shell's or router's prompt with the command typed (shell-prompt.ts): the paste's end says whose when the line does not
  const prompt = promptLine(text);
  return prompt && { family: prompt.family ?? 'syslog', hit: { ...prompt.hit, console: prompt.family ? { family: prompt.family } : {} } };
}

/** `tail -f FILE…` (or `tail -n N` of several files) heads each file's lines with `==> FILE <==` (coreutils tail.c write_header) */
const TAIL_HEADER = /^==> (.+) <==$/;

// (kmd, iked: a Juniper SRX's IKE daemons — a line of it no reader knows is not understood, never "not part of the VPN")
const VPN_PROGRAM = /^(pppd|pptpd|pptp|xl2tpd|charon|pluto|ipsec|accel|sstp|openvpn|racoon|strongswan|l2tp|rasman|kmd$|iked$|%ASA)/i;
