import { d, step, tagged, type FamilyParser, type Hit } from '../kit';
import type { Prefixed } from '../prefix';

/**
 * Cisco ASA / PIX syslog `%ASA-6-113005: …` (Cisco "ASA Series Syslog Messages"): the AAA
 * (1130xx), IKE/IPsec (7139xx) and L2TP/PPTP (6031xx) messages that say why a remote-access
 * connection failed. Messages outside this list are counted as recognised-but-not-decoded.
 */

const ID = /^%(ASA|PIX|FTD)-(\d)-(\d{6}): ?(.*)$/;

function decode(id: number, text: string): Hit | null {
  const user = text.match(/user = ([^:\s]+)/i)?.[1] ?? text.match(/Username = ([^,]+)/)?.[1];
  const server = text.match(/server = +([^:\s]+)/i)?.[1] ?? '';
  const reason = text.match(/reason = ([^:]+?)\s*(?::|$)/i)?.[1] ?? '';
  switch (id) {
    case 113005:
      if (/server|timeout|not respond|unreach/i.test(reason)) return { decoded: [d('aaaNoReply', { reason })], outcome: 'failure', cause: 'radius-unreachable', user };
      return { decoded: [d('aaaRejected', { reason, server, user: user ?? '?' })], outcome: 'failure', cause: 'credentials-rejected', code: 691, user };
    case 113004:
    case 113012:
      return tagged(step('authOk', { method: 'AAA', user: user ?? '' }, 'success'), { user });
    case 113022:
      return { decoded: [d('aaaServerFailed', { server: text.match(/server (\S+)/)?.[1] ?? '' })], outcome: 'failure', cause: 'radius-unreachable' };
    case 113023:
      return step('aaaServerBack');
    case 113019:
      return tagged(step('asaSessionDown', { reason: text.match(/Reason: (.*)$/)?.[1] ?? '' }, 'warning'), { user });
    case 713257:
    case 713048:
      return /Mismatched attribute|proposal|no matching/i.test(text) ? { decoded: [d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' } : step('asaIke', { text });
    case 713902:
    case 713903:
      if (/pre-shared key|decrypting packet/i.test(text)) return { decoded: [d('pskMismatch')], outcome: 'failure', cause: 'ike-auth-failed' };
      if (/no (?:matching|acceptable) proposal|all SA proposals found unacceptable|Phase 1 failure/i.test(text)) return { decoded: [d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' };
      return step('asaIke', { text }, 'warning');
    case 713904:
    case 713905:
    case 713906:
      return step('asaIke', { text });
    case 603106:
    case 603107:
    case 603108:
    case 603109:
      return step('asaTunnel', { text });
    default:
      return null;
  }
}

/** an ASA/PIX/FTD message id as the program tag (claims: a module constant, not a RegExp object per record) */
const ID_TAG = /^%(ASA|PIX|FTD)-\d-\d{6}$/;

export const asaFamily: FamilyParser = {
  family: 'asa',
  claims: (pre: Prefixed) => (pre.program ? ID_TAG.test(pre.program) : ID.test(pre.message)),
  parse(pre) {
    const whole = pre.program && /^%/.test(pre.program) ? `${pre.program}: ${pre.message}` : pre.message;
    const m = whole.match(ID);
    return m ? decode(Number(m[3]), m[4]!) : null;
  },
};
