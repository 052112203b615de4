import type { TFunction } from 'i18next';
import { failuresOf, type RasEvent } from '../model/ras-event';

/**
 * What a TCP probe of port 1723 means next to the RasClient log (windows-reference.md §10): the
 * probe proves only PPTP's control channel; GRE (IP protocol 47) has no ports and cannot be probed
 * from here, so its loss shows only as 806 (Vista+) or 619/721 after a successful 1723 connect.
 */

export interface TcpProbe {
  host: string;
  port: number;
  state: 'open' | 'refused' | 'timeout' | 'error';
  ms: number;
  error?: string;
}

export type PptpVerdict = 'gre-blocked' | 'control-ok' | 'control-refused' | 'control-unreachable';

export interface PptpPathReading {
  verdict: PptpVerdict;
  /** the GRE-style failures that make "gre-blocked" */
  greEvents: RasEvent[];
  message: string;
}

const GRE_CODES = new Set([806, 619, 721]);

export function interpretPptpPath(probe: TcpProbe, events: readonly RasEvent[], t: TFunction): PptpPathReading {
  const greEvents = failuresOf(events).filter((e) => GRE_CODES.has(e.errorCode));
  const codes = [...new Set(greEvents.map((e) => e.errorCode))].join('/');
  const p = { host: probe.host, port: probe.port, ms: probe.ms, codes, error: probe.error ?? '' };
  if (probe.state === 'open') {
    return greEvents.length
      ? { verdict: 'gre-blocked', greEvents, message: t('vpnRules.pptpPath.greBlocked', p) }
      : { verdict: 'control-ok', greEvents, message: t('vpnRules.pptpPath.controlOk', p) };
  }
  if (probe.state === 'refused') return { verdict: 'control-refused', greEvents, message: t('vpnRules.pptpPath.refused', p) };
  return { verdict: 'control-unreachable', greEvents, message: t(probe.state === 'timeout' ? 'vpnRules.pptpPath.timeout' : 'vpnRules.pptpPath.error', p) };
}
