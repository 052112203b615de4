import { SSTP_MESSAGES } from '../codes/sstp';
import { PPP_PROTOCOLS } from '../codes/ppp';
import { LCP_OPTIONS } from '../codes/ppp';
import { applyRules, d, step, type FamilyParser, type Rule } from '../kit';
import type { Prefixed } from '../prefix';

/**
 * SSTP servers: Python sstpd (`2017-03-30 08:33:08,928 INFO: SSTP control packet
 * (CALL_CONNECT_REQUEST) received.`) and SoftEther's debug log (`SSTP Control Packet Recv: Msg = 1`,
 * `Rejected LCP option = 0x5, proto = 0xc021`). Message numbers: [MS-SSTP] §2.2.2.
 */

const RULES: Rule[] = [
  [/^SSTP control packet \((\w+)\) (received|sent)\.?$/, (m) => step('sstpControl', { dir: m[2] === 'received' ? 'in' : 'out', name: m[1]! })],
  [/^SSTP Control Packet (Recv|Send): Msg = (\d+)$/i, (m) => step('sstpControl', { dir: /recv/i.test(m[1]!) ? 'in' : 'out', name: `${SSTP_MESSAGES[+m[2]!] ?? `type ${m[2]}`} (${m[2]})` })],
  [/^Rejected LCP option = 0x([0-9a-f]+), proto = 0x([0-9a-f]+)$/i, (m) => ({ decoded: [d('lcpOptionRejected', { option: LCP_OPTIONS[parseInt(m[1]!, 16)] ?? `option ${parseInt(m[1]!, 16)}`, proto: PPP_PROTOCOLS[parseInt(m[2]!, 16)] ?? m[2]! })], outcome: 'warning' })],
  [/^pppd stopped\.?$|^Received call disconnect request\.?$|^Listening on \S+\.{0,3}$|^Registered .*$|^Connection (?:lost|closed).*$/i, (m) => step(/disconnect/i.test(m[0]) ? 'sstpDisconnect' : 'sstpHousekeeping')],
];

export const sstpFamily: FamilyParser = {
  family: 'sstp',
  claims: (pre: Prefixed) => /SSTP/i.test(pre.message) || ((pre.shape === 'iso' || pre.shape === 'none') && applyRules(RULES, pre.message.trim(), pre, {}) !== null),
  parse: (pre, state) => applyRules(RULES, pre.message.trim(), pre, state),
};
