import type { TFunction } from 'i18next';
import { mppeBits } from './codes/ppp';
import type { Decoded, LogTime, ServerLogEntry } from './types';

/**
 * Decoded statements → sentences in the reader's language (engine i18n, `serverLog.*`). The
 * parsers keep numbers (MPPE bits, codes, directions); the words are chosen here.
 */

/** "MPPE 40-bit, stateless" from the RFC 3078 Supported Bits. */
export function mppeText(value: number, t: TFunction): string {
  const b = mppeBits(value);
  const sizes = [b.bits40 && t('serverLog.mppe.bits40'), b.bits56 && t('serverLog.mppe.bits56'), b.bits128 && t('serverLog.mppe.bits128')].filter(Boolean) as string[];
  const parts: string[] = [];
  parts.push(sizes.length ? `${t('serverLog.mppe.prefix')} ${sizes.join(t('serverLog.mppe.or'))}` : `${t('serverLog.mppe.prefix')} (${t('serverLog.mppe.none')})`);
  parts.push(b.stateless ? t('serverLog.mppe.stateless') : t('serverLog.mppe.stateful'));
  if (b.mppc) parts.push(t('serverLog.mppe.mppc'));
  return parts.join(', ');
}

const opt = (s: unknown, pre: string, post = '') => (s !== undefined && s !== '' ? `${pre}${String(s)}${post}` : '');

export function describeDecoded(dd: Decoded, t: TFunction): string {
  const v: Record<string, string | number> = { ...(dd.values ?? {}) };
  let key = dd.key;
  if (key === 'protRej' && v.proto === 'CCP' && v.mppe !== undefined) key = v.dir === 'in' ? 'protRejCcpIn' : 'protRejCcpOut';
  const extra: Record<string, string> = {
    dirText: v.dir ? t(`serverLog.dir.${v.dir}`) : '',
    mppeText: v.mppe !== undefined ? mppeText(Number(v.mppe), t) : '',
    mppeSuffix: v.mppe !== undefined ? `: ${mppeText(Number(v.mppe), t)}` : '',
    optionsText: opt(v.options, ': '),
    notifiesText: opt(v.notifies, ', '),
    deletesText: v.deletes ? ', DELETE' : '',
    nameText: opt(v.name, ' "', '"'),
    msgText: opt(v.msg, ': "', '"'),
    reasonText: opt(v.reason, ', reason '),
    chapText: opt(v.chap, ', '),
    serverText: opt(v.server, ' (', ')'),
  };
  if (key === 'packet' && v.fsm) extra.optionsText += ` [${v.fsm}]`;
  const ns = key.startsWith('step.') ? 'serverLog.' : 'serverLog.decode.';
  return t(`${ns}${key}`, { ...v, ...extra }).replace(/\s+([.,])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}

export function describeEntry(e: Pick<ServerLogEntry, 'decoded'>, t: TFunction): string {
  return e.decoded.map((dd) => describeDecoded(dd, t)).join(' ');
}

/** "2026-11-18 09:12:03" with what the log gives (no year / no date shown as such). */
export function formatLogTime(time: LogTime | undefined): string {
  if (!time) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  const date = time.month && time.day ? `${time.year ? `${time.year}-` : ''}${p(time.month)}-${p(time.day)} ` : '';
  return `${date}${p(time.hour)}:${p(time.minute)}:${p(time.second)}`;
}
