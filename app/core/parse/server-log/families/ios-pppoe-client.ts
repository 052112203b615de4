import { d, step, type Rule } from '../kit';

/**
 * Cisco IOS as a PPPoE client, `debug vpdn pppoe-events` (Cisco, "Cisco DSL Router Configuration and Troubleshooting Guide", "Are you
 * receiving a PPPoE response from the aggregation router?": test/fixtures/real/SOURCES.md): the router looking for its provider's
 * access concentrator — `Sending PADI: vc=8/35`, and `padi timer expired` when no PADO came back in time (RFC 2516 §5.1–5.2: the host
 * broadcasts PADI, an access concentrator that can serve it answers with a PADO) —, then `PPPOE: we've got our pado …`, `OUT PADR`
 * and `IN PADS` (§5.3–5.4). Only the side that dials writes them: worded for it as rp-pppoe's discovery is (pppoe-client.ts), the
 * unanswered PADI with the same statement (pppoeNoPado: what to check, no finding — this side's own link, not a PC's VPN).
 */

/** Whether an IOS message (after its time) is one of these lines: its first character, then the text (claims runs per record). */
export function iosPppoeClaims(message: string): boolean {
  switch (message.charCodeAt(0)) {
    case 83 /* S */:
      return message.startsWith('Sending PADI: ');
    case 112 /* p */:
      return message === 'padi timer expired';
    case 80 /* P */:
      return message.startsWith('PPPOE: ');
    case 79 /* O */:
    case 73 /* I */:
      return message.endsWith(' from PPPoE tunnel');
    default:
      return false;
  }
}

export const IOS_PPPOE_CLIENT_RULES: Rule[] = [
  [/^Sending PADI: \S+$/, () => step('pppoePadi')],
  [/^padi timer expired$/, () => ({ decoded: [d('pppoeNoPado')], outcome: 'failure' })],
  [/^PPPOE: we've got our pado and the pado timer went off$/, () => step('pppoePado')],
  [/^OUT PADR from PPPoE tunnel$/, () => step('pppoePadr')],
  [/^IN PADS from PPPoE tunnel$/, () => step('pppoePadsConfirmed', undefined, 'success')],
];
