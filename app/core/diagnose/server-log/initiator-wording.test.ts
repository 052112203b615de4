import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/**
 * A log from the side that INITIATES (a router or gateway dialling a peer, a strongSwan client's log
 * pasted as the "server's") is worded by role: the other side there is the peer that should answer
 * (the responder), not "the PC". A responder's log (the server's) keeps "the PC". Both languages.
 */

const en = engineT('en');
const nl = engineT('nl');
const real = (name: string) => readRepoText(`test/fixtures/real/server-logs/${name}`);
const explain = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'x.log')], t);
/** the PC named as the other side, in either language */
const NAMES_PC = /\bPC\b|\bpc\b/;

const IKEV2_INITIATOR = real('charon-initiator-ike-sa-init-retransmits-no-response.txt');
// strongSwan IKEv1 as initiator (src/libcharon/sa/ikev1/task_manager_v1.c: "sending retransmit %d of request message ID %u, seq %u", "giving up after %d retransmits")
const IKEV1_INITIATOR = [
  '09[IKE] initiating Main Mode IKE_SA office[1] to 198.51.100.2',
  '09[ENC] generating ID_PROT request 0 [ SA V V V V ]',
  '09[NET] sending packet: from 203.0.113.2[500] to 198.51.100.2[500] (180 bytes)',
  ...[1, 2, 3].map((n) => `07[IKE] sending retransmit ${n} of request message ID 0, seq 1`),
  '07[IKE] giving up after 3 retransmits',
].join('\n');
const LIBRESWAN_INITIATOR = real('pluto-whack-parent-i1-retransmissions-no-answer.txt');
const RESPONDER = real('charon-docker-compose-ike-sa-init-retransmits-half-open.txt');

describe('this side initiated: the other side is the peer (responder), not the PC', () => {
  for (const [name, text] of [['strongSwan IKEv2', IKEV2_INITIATOR], ['strongSwan IKEv1', IKEV1_INITIATOR], ['Libreswan IKEv2', LIBRESWAN_INITIATOR]] as const) {
    it(`${name}: no decoded line and no finding title speaks of the PC as the other side, in English and Dutch`, () => {
      for (const t of [en, nl]) {
        const { findings, serverLogs } = explain(text, t);
        for (const e of serverLogs[0]!.entries) expect(e.decoded, e.text).not.toMatch(NAMES_PC);
        expect(findings.map((f) => f.id)).toEqual(['vpn.server-unreachable']);
        expect(findings[0]!.title).not.toMatch(NAMES_PC);
        expect(findings[0]!.summary.startsWith(t === en ? 'The log (x.log), from the side that started the connection, says: ' : 'Het logboek (x.log), van de kant die de verbinding begon, zegt: ')).toBe(true);
      }
    });
  }
  it("this side's own first request goes to the other side (the responder)", () => {
    expect(explain(IKEV2_INITIATOR).serverLogs[0]!.entries[0]!.decoded).toMatch(/^IKEv2 IKE_SA_INIT request to the other side \(the responder\), /);
    expect(explain(IKEV1_INITIATOR, nl).serverLogs[0]!.entries[1]!.decoded).toBe('IKEv1 Main Mode verzoek naar de andere kant (de antwoordende partij).');
    expect(explain(IKEV2_INITIATOR).findings[0]!.title).toMatch(/^The other side \(the responder\) does not answer/);
  });
  it('the role is read per message: a responder line after an initiator line names the PC again', () => {
    const mixed = ['10[ENC] generating IKE_SA_INIT request 0 [ SA KE No ]', '11[ENC] parsed IKE_SA_INIT request 0 [ SA KE No ]', '11[ENC] generating IKE_SA_INIT response 0 [ SA KE No ]', '11[ENC] parsed INFORMATIONAL request 2 [ D ]'].join('\n');
    // (the third line also carries its finding, the PC's IKE_AUTH that never came: only each line's first sentence is read here)
    expect(explain(mixed).serverLogs[0]!.entries.map((e) => e.decoded.slice(0, e.decoded.indexOf('.') + 1))).toEqual([
      'IKEv2 IKE_SA_INIT request to the other side (the responder).',
      'IKEv2 IKE_SA_INIT request from the PC.',
      'IKEv2 IKE_SA_INIT response to the PC.',
      'IKEv2 INFORMATIONAL request from the PC.',
    ]);
  });
});

describe("the server's (responder's) log keeps the PC", () => {
  it('the PC kept sending IKE_SA_INIT: the PC is named, with its 809', () => {
    const { findings, serverLogs } = explain(RESPONDER);
    expect(findings[0]!.title).toBe("The PC's first IPsec message gets no answer through: UDP 500/4500 is blocked, or NAT-T (error 809 on the PC)");
    expect(findings[0]!.summary).toMatch(/^The server's log \(x\.log\) says: /);
    expect(serverLogs[0]!.entries.find((e) => e.text.includes('parsed IKE_SA_INIT request 0'))!.decoded).toMatch(/^IKEv2 IKE_SA_INIT request from the PC/);
  });
});
