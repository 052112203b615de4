import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { realServerLogTable, REAL_SERVER_LOGS, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Held-out real logs of Linux IKE servers answering a PC (round 40, test/fixtures/real/server-logs, sources in SOURCES.md), most of
 * them a Windows PC's built-in client: charon refusing IKE_SA_INIT where its `configured proposals:` line says what it allows (the
 * Windows IPsec policy that sends one of them, or that none can be sent: windows-ike-settings.ts), charon's ike_sa_manager
 * `checkin and destroy IKE_SA`, a Windows L2TP PC's Main Mode message charon could not decrypt (a PSK mismatch, also where the
 * paste lost the `decryption failed?` line and only `ID_PROT request with message ID 0 processing failed` says it), and pluto
 * retransmitting MR2 to a Windows 10 PC whose MI3 never came.
 */

const t = engineT('en');
const read = (file: string) => parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file);

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 5 of 6: `checkin and destroy IKE_SA`; the refusal said nothing of what Windows could send)
  'charon-algo-windows-13868-ike-sa-init-no-prop-server-allows-only-prf-sha512-checkin-and-destroy.txt': {
    records: 6,
    understood: 6,
    families: { strongswan: 6 },
    causes: [[3, 'ike-no-proposal'], [4, 'ike-no-proposal']],
    says: [[3, "A Windows PC's built-in VPN client cannot use any of the server's proposals, whatever its IPsec policy: Windows never sends PRF_HMAC_SHA2_512."]],
  },
  // (was: the refusal said nothing of the Windows IPsec policy that sends the server's proposal)
  'charon-jawj-ike-sa-init-refused-server-gcm256-prf-sha384-ecp384-windows-can-send.txt': {
    records: 4,
    understood: 4,
    families: { strongswan: 4 },
    causes: [[4, 'ike-no-proposal']],
    says: [[4, '(IKE:AES_GCM_16_256/PRF_HMAC_SHA2_384/ECP_384) once its connection has a matching IPsec policy: in PowerShell, Set-VpnConnectionIPsecConfiguration -ConnectionName "…" -EncryptionMethod GCMAES256 -IntegrityCheckMethod SHA384 -DHGroup ECP384']],
  },
  // a configured line cut short (its second proposal has no DH group): no claim about Windows either way
  'charon-quericy-configured-proposal-line-cut-without-dh-group-received-proposals-inacceptable.txt': {
    records: 8,
    understood: 8,
    families: { strongswan: 8 },
    causes: [[8, 'ike-no-proposal']],
    says: [[8, 'The PC proposed: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048']],
  },
  // read right before this round
  'charon-cloudstack-windows-l2tp-main-mode-invalid-id-v1-payload-length-decryption-failed.txt': {
    records: 4,
    understood: 4,
    families: { strongswan: 4 },
    causes: [[2, 'ike-auth-failed']],
    says: [[2, 'the pre-shared keys of the PC and the server most likely differ']],
  },
  // (was: no cause — the Main Mode request charon could not decrypt, without the `decryption failed?` line)
  'charon-cloudstack-windows-l2tp-could-not-decrypt-id-prot-request-0-processing-failed-pld-mal-half-open-timeout.txt': {
    records: 8,
    understood: 8,
    families: { strongswan: 6, syslog: 2 },
    causes: [[5, 'ike-auth-failed']],
    says: [
      [1, "The server could not read the PC's IKE message and ignored it."],
      [5, 'the pre-shared keys of the PC and the server most likely differ'],
    ],
  },
  // read right before this round: MR2 retransmitted, MI3 never came (809 on the PC)
  'pluto-xauth-psk-windows-10-main-r2-retransmits-masked-stars-no-mi3.txt': {
    records: 8,
    understood: 8,
    families: { libreswan: 8 },
    causes: [[8, 'ike-no-mi3']],
    says: [[8, "the PC's third message (MI3) never arrived"]],
  },
};

describe('held-out real logs: a PC against Linux IKE servers (round 40)', () => {
  realServerLogTable(EXPECTED);

  it("the Windows sentence rides on the finding's evidence, in Dutch too", () => {
    const nl = engineT('nl');
    const r = explainServerLogs([read('charon-algo-windows-13868-ike-sa-init-no-prop-server-allows-only-prf-sha512-checkin-and-destroy.txt')], nl);
    expect(r.findings.map((f) => f.id)).toEqual(['server.ike-proposal-mismatch']);
    expect(r.findings[0]!.summary).toContain('Windows stuurt nooit PRF_HMAC_SHA2_512');
    expect(r.findings[0]!.title).toBe(nl('serverLog.cause.ikeNoProposal.windowsIkeNone.title'));
    const en = explainServerLogs([read('charon-jawj-ike-sa-init-refused-server-gcm256-prf-sha384-ecp384-windows-can-send.txt')], t);
    expect(en.findings[0]!.summary).toContain('-EncryptionMethod GCMAES256 -IntegrityCheckMethod SHA384 -DHGroup ECP384');
    expect(en.findings[0]!.title).toBe(t('serverLog.cause.ikeNoProposal.windowsIkeSetting.title'));
    // advice for what the line said: not "set the configuration to what the server allows" when no configuration can reach it
    const none = explainServerLogs([read('charon-algo-windows-13868-ike-sa-init-no-prop-server-allows-only-prf-sha512-checkin-and-destroy.txt')], t);
    const advice = none.findings[0]!.parts!.filter((p) => p.kind === 'advice').map((p) => p.text);
    expect(advice).toEqual([t('serverLog.cause.ikeNoProposal.windowsIkeNone.pc'), t('serverLog.cause.ikeNoProposal.windowsIkeNone.admin')]);
    // a log whose line said nothing of Windows keeps the general advice
    const cut = explainServerLogs([read('charon-quericy-configured-proposal-line-cut-without-dh-group-received-proposals-inacceptable.txt')], t);
    expect(cut.findings[0]!.title).toBe(t('serverLog.cause.ike-no-proposal.title'));
  });

  it("no Windows sentence where the server's line was cut, where this side initiated, or for a CHILD_SA's ESP proposals", () => {
    const cut = read('charon-quericy-configured-proposal-line-cut-without-dh-group-received-proposals-inacceptable.txt');
    expect(cut.entries.flatMap((e) => e.decoded.map((x) => x.key))).not.toContain('windowsIkeNone');
    const line = (text: string) => `Aug 16 03:32:20 gw charon: 09[${text}`;
    const initiator = parseServerLog(
      [line('IKE] initiating IKE_SA home[1] to 203.0.113.9'), line('ENC] generating IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]'), line('CFG] configured proposals: IKE:AES_GCM_16_256/PRF_HMAC_SHA2_512/ECP_384'), line('IKE] received proposals unacceptable')].join('\n'),
    );
    expect(initiator.entries.flatMap((e) => e.decoded.map((x) => x.key))).not.toContain('windowsIkeNone');
    const esp = parseServerLog([line('CFG] configured proposals: ESP:AES_GCM_16_256/ECP_384/NO_EXT_SEQ'), line('IKE] no acceptable proposal found')].join('\n'));
    expect(esp.entries.flatMap((e) => e.decoded.map((x) => x.key)).filter((k) => k.startsWith('windowsIke'))).toEqual([]);
    // a proposal that matched clears what the server allowed: a later refusal of another exchange does not repeat it
    const matched = parseServerLog(
      [line('CFG] configured proposals: IKE:AES_GCM_16_256/PRF_HMAC_SHA2_512/ECP_384'), line('CFG] selected proposal: IKE:AES_GCM_16_256/PRF_HMAC_SHA2_512/ECP_384'), line('IKE] no acceptable proposal found')].join('\n'),
    );
    expect(matched.entries.flatMap((e) => e.decoded.map((x) => x.key))).not.toContain('windowsIkeNone');
  });

  it('between two routers (a VyOS pair) the sentence names no Windows PC', () => {
    const site = read('charon-vyos-show-log-ike-proposal-unacceptable-psk-mac-mismatched-both-routers.txt');
    const said = site.entries.map((e) => describeEntry(e, t)).join('\n');
    expect(said).not.toContain('Windows');
    expect(said).toContain("This router's own proposals are those on its `configured proposals` line");
  });

  it('`ID_PROT request with message ID 0 processing failed` names the PSK only after `could not decrypt payloads`, and once', () => {
    const line = (text: string) => `Jun 17 17:55:11 vr charon: 15[${text}`;
    const causes = (lines: string[]) => parseServerLog(lines.map(line).join('\n')).entries.filter((e) => e.cause).map((e) => [e.line, e.cause]);
    // another failure of the request (no shared key, an unknown peer) is not a decryption
    expect(causes(['IKE] ID_PROT request with message ID 0 processing failed'])).toEqual([]);
    expect(causes(['ENC] could not decrypt payloads', 'IKE] ID_PROT request with message ID 0 processing failed'])).toEqual([[2, 'ike-auth-failed']]);
    // the `decryption failed?` line gave it already
    expect(causes(['ENC] invalid HASH_V1 payload length, decryption failed?', 'ENC] could not decrypt payloads', 'IKE] ID_PROT request with message ID 0 processing failed'])).toEqual([[1, 'ike-auth-failed']]);
    // a response (this side started Main Mode) or a later exchange is not the PC's MI3
    expect(causes(['ENC] could not decrypt payloads', 'IKE] ID_PROT response with message ID 0 processing failed'])).toEqual([]);
    expect(causes(['ENC] could not decrypt payloads', 'IKE] QUICK_MODE request with message ID 3257411812 processing failed'])).toEqual([]);
    // an earlier message's failure ends with its own `processing failed`: a later Main Mode failure is not read as that one
    expect(causes(['ENC] could not decrypt payloads', 'IKE] QUICK_MODE request with message ID 3257411812 processing failed', 'IKE] ID_PROT request with message ID 0 processing failed'])).toEqual([]);
  });
});
