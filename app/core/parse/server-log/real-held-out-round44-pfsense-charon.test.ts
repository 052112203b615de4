import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Held-out real logs of strongSwan's charon on pfSense 2.2+ (round 44, hLG; test/fixtures/real/server-logs, sources in SOURCES.md:
 * pfsense/docs ipsec-troubleshooting.rst's examples), read as a help desk would: each row says what it read before the fix.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 1 of 2 lines and ike-auth-failed: "enter the pre-shared key again" — the refusal line unread). pfSense refuses IKEv1
  // Aggressive Mode with a PSK (strongSwan's default); the AUTH_FAILED it sends is that refusal, no key was compared
  'charon-pfsense-docs-responder-aggressive-mode-psk-disabled-auth-failed-notify.txt': {
    records: 2,
    understood: 2,
    families: { strongswan: 2 },
    causes: [[1, 'ike-no-connection']],
    says: [[1, 'refuses IKEv1 Aggressive Mode with a pre-shared key']],
  },
  // (was 4 of 4 lines but worded as a server's log: "Informational request from the PC"). `initiating Aggressive Mode IKE_SA … to`
  // says this side initiated: the AUTH_FAILED came from the responder
  'charon-pfsense-docs-initiator-aggressive-mode-ikev1-authentication-failed-error-notify.txt': {
    records: 4,
    understood: 4,
    families: { strongswan: 4 },
    causes: [[3, 'ike-auth-failed']],
    says: [[3, 'from the other side (the responder)']],
  },
  // (was 1 of 3 lines and ike-auth-failed: the lookup and `no peer config found` unread). No connection takes the ID `someid`
  'charon-pfsense-docs-responder-psk-peer-configs-matching-no-peer-config-found.txt': {
    records: 3,
    understood: 3,
    families: { strongswan: 3 },
    causes: [[2, 'ike-no-connection']],
    says: [[2, "the identity the other side sent ('someid', from 192.0.2.90) with its authentication method (pre-shared key)"]],
  },
  // (was 5 of 9 lines: quick_mode.c's `no matching proposal found, sending NO_PROPOSAL_CHOSEN` and the three task lines unread)
  'charon-pfsense-docs-responder-quick-mode-no-matching-proposal-queueing-informational-task.txt': {
    records: 9,
    understood: 9,
    families: { strongswan: 9 },
    causes: [[5, 'ike-no-proposal'], [9, 'ike-no-proposal']],
    says: [[5, 'What did not match: the encryption algorithm'], [6, 'strongSwan bookkeeping'], [8, 'strongSwan bookkeeping']],
  },
  // (was 8 of 11 lines: the three task lines unread)
  'charon-pfsense-docs-responder-quick-mode-no-matching-child-sa-config-activating-tasks.txt': {
    records: 11,
    understood: 11,
    families: { strongswan: 11 },
    causes: [[7, 'traffic-selector-mismatch']],
    says: [[7, 'No connection on this side takes the networks'], [9, 'strongSwan bookkeeping']],
  },
  // (was 2 of 4 lines, `remote host is behind NAT` worded "The PC is behind NAT" though the IDir line — main_mode.c process_i — says
  // this side initiated; the responder's lookup unread). The doc's `[...]` stays unread
  'charon-pfsense-docs-behind-nat-idir-does-not-match-elided-then-psk-peer-configs.txt': {
    records: 4,
    understood: 3,
    families: { strongswan: 3 },
    causes: [[2, 'ike-auth-failed']],
    says: [[1, 'The other side (the responder) is behind NAT'], [2, "identifies itself as '192.0.2.10'"], [4, 'Looking up the server connection']],
  },
};

const t = engineT('en');
const said = (log: string, line: number) => {
  const r = parseServerLog(log, 'x.log');
  return r.entries.filter((e) => e.line === line).map((e) => describeEntry(e, t)).join(' | ');
};
const causes = (log: string) => parseServerLog(log, 'x.log').entries.filter((e) => e.cause).map((e) => [e.line, e.cause]);

describe('real strongSwan logs from pfSense 2.2+ (round 44, hLG)', () => {
  realServerLogTable(EXPECTED);

  it("charon's task-manager lines are bookkeeping, with or without their indent and any task type", () => {
    for (const line of ['queueing QUICK_MODE task', 'activating new tasks', '  activating ISAKMP_VENDOR task', 'activating IKE_CERT_PRE task']) {
      expect(said(`Jan  1 00:00:00 fw charon[1]: 08[IKE] ${line}`, 1), line).toBe('strongSwan bookkeeping.');
    }
    // (a lower-case word is no task type: not taken)
    expect(parseServerLog('Jan  1 00:00:00 fw charon[1]: 08[IKE] activating some tasks', 'x.log').understood).toBe(0);
  });

  it('this side\'s AUTHENTICATION_FAILED after its own refusal carries no PSK-mismatch cause; one received, or sent alone, still does', () => {
    const sent = '08[ENC] generating INFORMATIONAL_V1 request 1 [ HASH N(AUTH_FAILED) ]';
    expect(causes(`08[IKE] <7> Aggressive Mode PSK disabled for security reasons\n${sent}`)).toEqual([[1, 'ike-no-connection']]);
    expect(causes(`08[CFG] looking for RSA signature peer configs matching 10.0.0.1...10.0.0.2[CN=pc]\n08[IKE] no peer config found\n${sent}`)).toEqual([[2, 'ike-no-connection']]);
    expect(causes(sent)).toEqual([[1, 'ike-auth-failed']]);
    // (the refusal is used once: a later AUTH_FAILED of another attempt is read again)
    expect(causes(`08[IKE] no peer config found\n${sent}\n${sent}`)).toEqual([[1, 'ike-no-connection'], [3, 'ike-auth-failed']]);
  });

  it("two IKE_SAs interleaved (a busy server): one's refusal takes its own lookup and its own AUTHENTICATION_FAILED, not the other's", () => {
    const log = [
      '08[CFG] <3> looking for pre-shared key peer configs matching 10.0.0.1...198.51.100.7[pc-a]',
      '09[CFG] <4> looking for pre-shared key peer configs matching 10.0.0.1...198.51.100.8[pc-b]',
      '08[IKE] <3> no peer config found',
      '09[ENC] <4> generating INFORMATIONAL_V1 request 2 [ HASH N(AUTH_FAILED) ]',
      '08[ENC] <3> generating INFORMATIONAL_V1 request 1 [ HASH N(AUTH_FAILED) ]',
    ].join('\n');
    // (before: one refusal for the whole log — IKE_SA 4's AUTHENTICATION_FAILED was taken for IKE_SA 3's refusal, and 3's read as a key mismatch)
    expect(causes(log)).toEqual([[3, 'ike-no-connection'], [4, 'ike-auth-failed']]);
    expect(said(log, 3)).toContain('pc-a');
  });

  it('`initiating … IKE_SA … to` tells this side initiated; `looking for <method> peer configs` that it answers', () => {
    const notify = '13[ENC] parsed INFORMATIONAL_V1 request 1 [ N(AUTH_FAILED) ]';
    expect(said(`15[IKE] initiating Main Mode IKE_SA site[1] to 192.0.2.74\n${notify}`, 2)).toContain('from the other side (the responder)');
    expect(said(`15[IKE] initiating IKE_SA site[1] to 192.0.2.74\n${notify}`, 2)).toContain('from the other side (the responder)');
    expect(said(notify, 1)).toContain('from the PC');
    expect(said(`15[IKE] IDir '10.0.0.9' does not match to '192.0.2.74'\n10[CFG] looking for XAuthInitPSK peer configs matching 198.51.100.1...192.0.2.74[10.0.0.9]\n${notify}`, 3)).toContain('from the PC');
  });

  it('`remote host is behind NAT` before an IDir mismatch is the responder\'s NAT, not the PC\'s', () => {
    const log = "10[IKE] remote host is behind NAT\n10[IKE] IDir '192.0.2.10' does not match to '203.0.113.245'";
    expect(said(log, 1)).toContain('The other side (the responder) is behind NAT');
    expect(said('10[IKE] remote host is behind NAT', 1)).toContain('The PC is behind NAT');
  });
});
