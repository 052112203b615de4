import { applyRules, step, type FamilyParser, type FamilyState, type Hit, type Rule } from '../kit';
import type { Prefixed } from '../prefix';
import { isSstpdLine, readSstpd } from './sstpd';

/**
 * The SSTP server sstpd (github.com/sorz/sstp-server): its Python logging lines (families/sstpd.ts) and the older, Twisted
 * build's bare ones (`2017-03-30 08:33:08,928 INFO: SSTP control packet (CALL_CONNECT_REQUEST) received.`, `pppd stopped.`).
 * SoftEther VPN Server's lines — SSTP among its other sides — are its own family (families/softether.ts).
 */

/**
 * Whether the last SSTP call this log showed got up (the PC's CALL_CONNECTED came), per input: the older sstpd (Twisted, sstp.py)
 * logs each control packet as `SSTP control packet (CALL_CONNECTED) received.` and, when the pppd process ends, `pppd stopped.`
 * (PPPDProtocol.processEnded; it then sends the PC a CALL_DISCONNECT). Its lines name no session: the last call is taken.
 */
const CALL_UP = 'sstpdCallUp';
function sstpControlPacket(name: string, dir: string, state: FamilyState): Hit {
  if (dir === 'received' && name === 'CALL_CONNECT_REQUEST') state[CALL_UP] = false;
  else if (dir === 'received' && name === 'CALL_CONNECTED') state[CALL_UP] = true;
  return step('sstpControl', { dir: dir === 'received' ? 'in' : 'out', name });
}
/**
 * `pppd stopped.`: the PPP side of the call ended. Before the PC's CALL_CONNECTED the PPP negotiation itself failed — sstpd logs no
 * reason; the usual one is the log-in (sorz/sstp-server #23: a Windows 10 PC whose pppd stopped a second after its
 * CALL_CONNECT_REQUEST, twice; the poster had mistyped the password) — so a warning, no cause. Afterwards, the session's end.
 */
const pppdStopped = (state: FamilyState): Hit => (state[CALL_UP] === false ? step('sstpdPppdStoppedEarly', undefined, 'warning') : step('sstpdPppdStopped'));

/** The older sstpd's bare lines (each rule gives a hit wherever its pattern matches: OLDER_MARK below is their patterns joined) */
const OLDER: Rule[] = [
  [/^SSTP control packet \((\w+)\) (received|sent)\.?$/, (m, _pre, state) => sstpControlPacket(m[1]!, m[2]!, state)],
  [/^pppd stopped\.?$/, (_m, _pre, state) => pppdStopped(state)],
  [/^Received call disconnect request\.?$|^Listening on \S+\.{0,3}$|^Registered .*$|^Connection (?:lost|closed).*$/i, (m) => step(/disconnect/i.test(m[0]) ? 'sstpDisconnect' : 'sstpHousekeeping')],
  // sstp.py's flow control, printed to stdout without a header (SSTPProtocol.pause_writing / resume_writing: `print("SSTP pause_writing")`)
  [/^SSTP (?:pause|resume)_writing$/, () => step('sstpHousekeeping')],
];
/** a control packet line in any header; the others (generic words) only in a timed-only (ISO) or header-less line, as before */
const CONTROL_PACKET = /^SSTP control packet \(/;
const OLDER_MARK = /^(?:pppd stopped\.?$|Received call disconnect request\.?$|Listening on \S+\.{0,3}$|Registered |Connection (?:lost|closed)|SSTP (?:pause|resume)_writing$)/i;

export const sstpFamily: FamilyParser = {
  family: 'sstp',
  // accel-ppp's own SSTP lines (`accel-sstp: ppp0:test: recv [SSTP SSTP_MSG_CALL_ABORT]`) are the pppd family's (families/pppd.ts)
  // (the Python sstpd's lines, families/sstpd.ts, by their logging header and message)
  claims: (pre: Prefixed) =>
    ((pre.program === undefined || !pre.program.startsWith('accel-')) && CONTROL_PACKET.test(pre.message)) ||
    ((pre.shape === 'iso' || pre.shape === 'none') && OLDER_MARK.test(pre.message.trim())) ||
    (pre.shape === 'iso' && (isSstpdLine(pre) || readSstpd(pre, {}, OLDER) !== null)), // (readSstpd reads only that shape: no state object made for the others)
  parse: (pre, state) => readSstpd(pre, state, OLDER) ?? applyRules(OLDER, pre.message.trim(), pre, state),
};
