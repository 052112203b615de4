import { applyRules, d, fallback, step, tagged, type FamilyParser, type FamilyState, type Hit, type Rule } from '../kit';
import { isPppLogLine, pcDialled, pcFailureValues, PPP_LOG_RULES, RAS_DIALLER } from './ppp-log';
import { isPppEngineLine, PPP_ENGINE_RULES } from './ppp-log-engine';
import { isRasdialFollowLine, isRasdialLine, rasdialHit } from './rasdial-output';
import { isRasDiagFollowLine, isRasDiagLine, rasDiagFile, rasDiagHit } from './ras-diag-report';

/**
 * RASMAN tracing (`%windir%\tracing\rasman.log`, `netsh ras set tracing rasman enabled`): the same
 * format on a Windows client and on an RRAS server, `[tid] MM-DD HH:MM:SS:mmm: text`. The error a
 * dial ends with is logged as a number ("setting error to 734", "ppp error 0x2de"), so it is read
 * from there; everything else is the service's own bookkeeping.
 */

/**
 * The trace is the dialling PC's: RASMAN opened a phone-book entry (`CreateConnection: entry=…, pbk=…rasphone.pbk`) and started PPP
 * towards its number (`ProtocolStart: PhoneNum:`) — what RasDial does on the side that starts the connection (RAS API RasDial:
 * "establishes a RAS connection between a RAS client and a RAS server"); an RRAS server's RASMAN listens on its ports and opens no
 * entry. Its errors are then worded as the PC's own log (role 'pc': diagnose/server-log/log-side.ts), not as a server's log — nor
 * as a Linux or router client's (role 'initiator', whose advice is pppd's options): the advice is the Windows VPN connection's. A
 * ppp.log in the same paste whose packets tell no side is the PC's too (ppp-log.ts roleOf).
 */
const DIALLER = RAS_DIALLER;
function dialler(state: FamilyState, hit: Hit, entry?: string): Hit {
  pcDialled(state, entry);
  return hit;
}
const asDialler = (hit: Hit | null, state: FamilyState): Hit | null => {
  // (a ppp.log statement whose packets told its side keeps it: an RRAS server's, in a paste that also holds a PC's RASMAN trace)
  if (hit?.cause && state[DIALLER]) for (const x of hit.decoded) if (x.values?.role === undefined) x.values = { ...pcFailureValues(state), ...x.values };
  return hit;
};

const RULES: Rule[] = [
  [/^setting error to (\d+)$/i, (m) => ({ decoded: [d('rasError', { code: +m[1]! })], outcome: 'failure', cause: 'ras-error', code: +m[1]! })],
  [/^Setting last error for port (\S+) to ppp error 0x([0-9a-f]+)$/i, (m) => step('pppError', { port: m[1]!, code: parseInt(m[2]!, 16) }, 'warning')],
  [/^PROTOCOL_RES_Stopped\. dwError=0x([0-9a-f]+)$/i, (m) => step('pppError', { port: '', code: parseInt(m[1]!, 16) }, 'warning')],
  [/^PortOpenEx: (WAN Miniport \((\w+)\))$/, (m) => step('rasDevice', { device: m[1]! })],
  [/^ProtocolStart: UserName: (.*)$/, (m) => tagged(step('rasUser', { user: m[1]! }), { user: m[1] })],
  // a phone-book entry opened and its number (the VPN server) dialled: this trace is the dialling PC's (DIALLER)
  [/^ProtocolStart: EntryName: (.*)$|^CreateConnection: entry=(.*?), pbk=.*$/, (m, _pre, state) => dialler(state, step('rasEntry', { entry: (m[1] ?? m[2])! }), (m[1] ?? m[2])!.trim())],
  [/^ProtocolStart: PhoneNum: (.*)$/, (m, _pre, state) => dialler(state, step('rasServer', { server: m[1]! }))],
  [/^Connection Completed on port: (\S+), error code: (\d+)$/, (m) => step('rasPortConnected', { port: m[1]!, code: +m[2]! }, m[2] === '0' ? 'success' : 'warning')],
  [/^Connect request on port: (\S+), error code (\d+)$/, (m) => step('rasConnectRequest', { port: m[1]! })],
  // ppp.log, RAS tracing's PPP trace (same header): its packets, before the catch-all takes `Protocol = …` as bookkeeping
  ...PPP_LOG_RULES,
  // …and its engine's lines between the packets (the authentication's error, layers up and closed, the line up and down)
  ...PPP_ENGINE_RULES,
  // the rest is RASMAN's internal bookkeeping (queues, handles, events): understood as such
  fallback(/^[A-Za-z_]\w*\b|^[a-z]:\\\S+/, () => step('rasmanTrace')),
];

const isHeaderlessTraceLine = (text: string): boolean => isPppLogLine(text) || isPppEngineLine(text);

/** the text without the indent a copy gave it (trimmed only when it starts with a blank: no new string for most lines) */
const untabbed = (text: string): string => (text.charCodeAt(0) === 9 || text.charCodeAt(0) === 32 ? text.trim() : text);

export const rasmanFamily: FamilyParser = {
  family: 'rasman',
  // ppp.log lines copied without the tracing header (the NT 4.0 trace had none) are claimed by their own shape: the packets and the
  // engine's lines between them
  // …and rasdial.exe's output, the PC's command-line dialler (rasdial-output.ts): its error line, its help, its command
  // …and the frame of Windows' Remote Access Diagnostic Report, which holds such traces (ras-diag-report.ts)
  claims: (pre) => pre.shape === 'rasman' || (pre.shape === 'none' && (isHeaderlessTraceLine(untabbed(pre.message)) || isRasdialLine(pre.message) || isRasDiagLine(pre.message))),
  // rasdial's progress lines after its command, and the help under its error (what the output showed before them)
  claimsLeftover: (pre, state) => pre.shape === 'none' && (isRasdialFollowLine(pre.message, state) || isRasDiagFollowLine(pre.message, state)),
  parse(pre, state) {
    if (pre.shape === 'none' && !isHeaderlessTraceLine(untabbed(pre.message))) {
      if (isRasdialLine(pre.message) || isRasdialFollowLine(pre.message, state)) return asDialler(rasdialHit(pre.message, state), state);
      // the Remote Access Diagnostic Report's frame (ras-diag-report.ts)
      if (isRasDiagLine(pre.message) || isRasDiagFollowLine(pre.message, state)) return rasDiagHit(pre.message, state);
    }
    const hit = asDialler(applyRules(RULES, pre.message.trim(), pre, state), state);
    // (under a report's tracing file other than RASMAN's — RASDLG, the connection dialog's — its bookkeeping is that file's)
    const file = hit?.decoded[0]?.key === 'step.rasmanTrace' ? rasDiagFile(state) : undefined;
    return file && !/^RASMAN\.LOG$/i.test(file) ? step('rasTraceFileStep', { file }) : hit;
  },
};
