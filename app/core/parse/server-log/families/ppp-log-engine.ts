import { d, step, type Hit, type Rule } from '../kit';
import { protocolName } from '../ppp-packet';
import { causeOfRasCode } from './ras-error-messages';

/**
 * The PPP engine's own lines in Windows' PPP trace (ppp.log), between the packets ppp-log.ts reads. Their wording is the engine's
 * PppLog format strings (Windows Server 2003 ppp engine source, as published: worker.c "Line up event occurred on port %d" /
 * "Line down event occurred on port %d", smaction.c "FsmThisLayerUp called for protocol = %x, port = %d" /
 * "FsmThisLayerFinished called for protocol = %x, port = %d", auth.c "Auth Protocol %x returned error %d", util.c "EventLog
 * EventId = %d, error = %d", rasppp's receive loop "Line went down on port %d, Reason-%d at …"). The protocol is the PPP protocol
 * number in hex (RFC 1661 §2: c021 LCP, c223 CHAP, 8021 IPCP, 80fd CCP); the error a RAS error number (raserror.h: 691 the
 * password refused, 718 no answer in time, 734 LCP terminated …).
 *
 * The one failure line is the authentication protocol's error: the number Windows shows the user (or, on an RRAS server, the
 * reason it refused the user). A layer finishing is normal at every hang-up, so it is a step, not a failure; a layer up is
 * progress (IPCP up: the link has its addresses, RFC 1332).
 */

const AUTH_ERROR = /^Auth Protocol ([0-9a-f]+) returned error (\d+)$/i;
const LAYER = /^FsmThisLayer(Up|Finished|Started|Down) called for protocol = ([0-9a-f]+), port = (\d+)$/i;
const LINE = /^Line (up|down) event occurred on port (\d+)$/i;
const LINE_WENT_DOWN = /^Line went down on port (\d+)(?:, Reason-(\d+)\b.*)?$/i;
const EVENT_LOG = /^EventLog EventId = (\d+), error = (\d+)$/i;

const protocolOf = (hex: string): string => protocolName(parseInt(hex, 16));

function authError(m: RegExpMatchArray): Hit {
  const code = +m[2]!;
  return { decoded: [d('pppLogAuthError', { proto: protocolOf(m[1]!), code })], outcome: 'failure', cause: causeOfRasCode(code), code };
}

function layer(m: RegExpMatchArray): Hit {
  const proto = protocolOf(m[2]!);
  const what = m[1]!.toLowerCase();
  // (IPCP up: the addresses are agreed, the link carries IP — the dial's success on either side)
  if (what === 'up') return step('pppLogLayerUp', { proto }, proto === 'IPCP' ? 'success' : 'info');
  return step(what === 'finished' ? 'pppLogLayerFinished' : 'pppLogLayerChange', { proto });
}

/**
 * The engine's event-log call: the event number is the RRAS event the System log got (remote-access-events.ts reads those), the
 * error its RAS error. 0 is no error.
 */
function eventLog(m: RegExpMatchArray): Hit {
  const code = +m[2]!;
  if (code === 0) return step('pppLogEventLogged', { event: +m[1]! });
  return { decoded: [d('pppLogEventError', { event: +m[1]!, code })], outcome: 'warning', code };
}

/**
 * An engine line without RAS tracing's header (NT 4.0's ppp.log had none, KB Q256509; a copy that lost it): claimed by its own
 * whole shape (rasman.ts). Per line only a first-character test (A, E, F, L) before a pattern runs.
 */
export function isPppEngineLine(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 65) return AUTH_ERROR.test(text);
  if (c === 70) return LAYER.test(text);
  if (c === 76) return LINE.test(text) || LINE_WENT_DOWN.test(text);
  if (c === 69) return EVENT_LOG.test(text);
  return false;
}

/** Before rasman.ts's catch-all, after the packet rules (ppp-log.ts). */
export const PPP_ENGINE_RULES: Rule[] = [
  [AUTH_ERROR, (m) => authError(m)],
  [LAYER, (m) => layer(m)],
  [LINE, (m) => step(m[1]!.toLowerCase() === 'up' ? 'pppLogLineUp' : 'pppLogLineDown', { port: m[2]! })],
  [LINE_WENT_DOWN, (m) => step('pppLogLineWentDown', { port: m[1]! }, 'warning')],
  [EVENT_LOG, (m) => eventLog(m)],
];
