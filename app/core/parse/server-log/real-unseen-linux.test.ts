import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { parseServerLog } from './index';

/**
 * Real lines of Linux VPN daemons TunnelMedic had not read (sources in test/fixtures/real/SOURCES.md): strongSwan as an IKEv2 EAP
 * server — the EAP identity a PC logs in as, an EAP method whose plugin is missing, an EAP-TLS client certificate no CA vouches for
 * (families/strongswan-eap.ts) — and Libreswan refusing a CREATE_CHILD_SA's proposals, or getting the responder's refusal as the
 * initiator (families/libreswan.ts, libreswan-refused-proposal.ts).
 */

const en = engineT('en');
const DIR = 'test/fixtures/real/server-logs';
const EAP_ID = 'charon-no-head-windows-eap-tls-eap-identity-no-virtual-ip-found.txt';
const NO_PLUGIN = 'charon-blog-markdown-eap-identity-not-supported-loading-eap-mschapv2-failed.txt';
const TLS_PEER = 'charon-no-head-eap-tls-peer-certificate-no-trusted-certificate-found.txt';
const CHILD_REFUSED = 'pluto-5x-console-create-child-sa-no-local-proposal-matches-wrapped-encrypted-notification.txt';
const INITIATOR = 'pluto-logfile-initiator-parent-i1-received-unauthenticated-no-proposal-chosen.txt';

const EXPECTED: Record<string, RealServerLogRow> = {
  // was 1 of 7: the EAP identity, EAP-TLS's success, the cut `IKE_SA … established` and the virtual IP lines had no head to be read by
  [EAP_ID]: {
    records: 7,
    understood: 7,
    families: { strongswan: 7 },
    causes: [[6, 'address-pool'], [7, 'address-pool']],
    says: [
      [1, 'The PC logs in as HetznerLabClient (its EAP identity).'],
      [2, 'The EAP log-in (EAP_TLS) succeeded.'],
      [4, 'IKE SA test-p2s[3] established.'],
      [6, 'The server has no virtual IP address to give HetznerLabClient'],
    ],
    user: 'HetznerLabClient',
  },
  // was 0 of 4: the blog's code-block gutter (`1  `, `2  `) stays unknown; the markdown hard breaks (two trailing blanks) are trimmed
  [NO_PLUGIN]: {
    records: 4,
    understood: 2,
    families: { strongswan: 2 },
    causes: [[4, 'eap-method-unavailable']],
    says: [
      [3, "its eap-identity plugin is not loaded: it uses the PC's IKE identity instead"],
      [4, 'The server cannot run the log-in method EAP_MSCHAPV2 it is set up for: no strongSwan plugin for it is loaded.'],
    ],
  },
  // was no server log at all (no line known)
  [TLS_PEER]: {
    records: 2,
    understood: 2,
    families: { strongswan: 2 },
    causes: [[2, 'ike-auth-failed']],
    says: [
      [1, "The PC's certificate for the EAP-TLS log-in: CN=LabVPNClientCert."],
      [2, "The server trusts no certificate authority that issued the PC's certificate LabVPNClientCert (EAP-TLS)"],
    ],
  },
  // was 0 of 5; the console's wrap of the long proposal list (lines 2, 3) stays unknown: a header-less paste's wrap is not joined
  [CHILD_REFUSED]: {
    records: 5,
    understood: 3,
    families: { libreswan: 3 },
    causes: [[1, 'ike-no-proposal'], [5, 'ike-no-proposal']],
    says: [
      [1, 'The PC proposed: 1:ESP:ENCR=AES_CBC_128;INTEG=HMAC_SHA2_256_128;DH=MODP2048;ESN=DISABLED 2:ESP:'],
      [4, "The server refused the other side's CREATE_CHILD_SA (NO_PROPOSAL_CHOSEN)."],
      [5, 'IKE notification NO_PROPOSAL_CHOSEN (14).'],
    ],
  },
  // was 10 of 12, and the finding named the PC
  [INITIATOR]: {
    records: 12,
    understood: 12,
    families: { libreswan: 12 },
    causes: [[1, 'ike-no-proposal'], [5, 'ike-no-proposal'], [11, 'ike-no-proposal'], [12, 'ike-no-proposal']],
    says: [[11, 'IKE notification NO_PROPOSAL_CHOSEN (14).']],
  },
};

const findings = (file: string) => explainServerLogs([parseServerLog(readRepoText(`${DIR}/${file}`), file)], en).findings;

describe('Linux VPN daemons: lines not read before (real)', () => {
  realServerLogTable(EXPECTED);

  it('the EAP identity is the entry\'s user: the one name the server logs for a Windows PC, whose IKE identity is its address', () => {
    const r = parseServerLog(readRepoText(`${DIR}/${EAP_ID}`), EAP_ID);
    expect(r.entries[0]).toMatchObject({ line: 1, user: 'HetznerLabClient', outcome: 'info' });
    // (with charon's syslog head too, the usual server log)
    const e = parseServerLog("Nov  2 10:00:01 vpn charon: 09[IKE] <ikev2-eap|7> received EAP identity 'alice@example.org'\n").entries[0]!;
    expect([e.family, e.user, e.outcome]).toEqual(['strongswan', 'alice@example.org', 'info']);
  });

  it('a missing EAP plugin is the server\'s to fix, not the password (vpn.auth-mismatch, its own advice)', () => {
    const [f, ...more] = findings(NO_PLUGIN);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ id: 'vpn.auth-mismatch', title: 'The server cannot run the EAP log-in method it is set up for' });
    expect(f!.summary).toContain('libcharon-extra-plugins');
    // `initiating` (loaded, could not start) and a vendor method: the same cause
    const one = (line: string) => parseServerLog(`${line}\n`).entries[0]!;
    expect(one('Nov  2 10:00:01 vpn charon: 09[IKE] initiating EAP_TLS method failed')).toMatchObject({ cause: 'eap-method-unavailable', decoded: [{ key: 'eapMethodNotStarted', values: { method: 'EAP_TLS' } }] });
    expect(one('Nov  2 10:00:01 vpn charon: 09[IKE] loading EAP vendor type 254-12345 method failed')).toMatchObject({ cause: 'eap-method-unavailable', decoded: [{ values: { method: '254-12345' } }] });
  });

  it('Libreswan as the initiator: the responder\'s NO_PROPOSAL_CHOSEN is worded for that side, not the PC\'s', () => {
    const [f] = findings(INITIATOR);
    expect(f!.id).toBe('server.ike-proposal-mismatch');
    expect(f!.title).toBe(en('serverLog.causeAsInitiator.ike-no-proposal.title'));
  });
});
