import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../../test/support/repo-files';
import { explainServerLogs } from '../../../diagnose/server-log';
import { engineT } from '../../../i18n';
import { parseServerLog } from '../index';

/**
 * Which side of the IKE negotiation an IOS router's `debug crypto isakmp` is from (ios-crypto.ts noteIkeSide): the `(I)`/`(R)` of
 * its packet lines and its IKE_I_/IKE_R_ states, and `speaking to another IOS box!` for a router as the other side. A cause in the
 * log of a router that initiated is worded for that side, not as "the server refused the PC".
 */

const t = engineT('en');
const causeEntry = (text: string) => parseServerLog(text).entries.find((e) => e.cause)!;
const titleOf = (text: string) => explainServerLogs([parseServerLog(text, 'x.log')], t).findings[0]!.title;

describe('an IOS router that initiated the IKE negotiation', () => {
  it("the real initiator's log (a blog's `debug crypto isakmp`): the peer's NO_PROPOSAL_CHOSEN is worded for the side that started", () => {
    const text = readRepoText('test/fixtures/real/server-logs/ios-debug-crypto-isakmp-no-timestamps-transform-refused-qm-proposal-not-chosen.txt');
    expect(causeEntry(text).decoded[0]!.values).toMatchObject({ role: 'initiator', phase: 2 });
    expect(titleOf(text)).toBe('This side and the other side (the responder) have no IPsec proposal in common');
  });
  it('an (R) packet line: a responder; with no mark at all the log is a server the PC dialled', () => {
    const notify = 'ISAKMP:(1002): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3';
    expect(causeEntry(`ISAKMP:(1002): sending packet to 198.51.100.7 my_port 500 peer_port 500 (R) MM_SA_SETUP\n${notify}`).decoded[0]!.values?.role).toBeUndefined();
    expect(causeEntry(notify).decoded[0]!.values?.role).toBeUndefined();
    expect(titleOf(notify)).toBe("The server accepts none of the PC's IPsec proposals");
  });
  it('the state names say it too (IKE_I_MM3), and the last mark read counts', () => {
    const refused = 'ISAKMP:(0):no offers accepted!';
    expect(causeEntry(`ISAKMP:(0):Old State = IKE_I_MM2  New State = IKE_I_MM3\n${refused}`).decoded[0]!.values?.role).toBe('initiator');
    expect(causeEntry(`ISAKMP:(0):Old State = IKE_I_MM2  New State = IKE_I_MM3\nISAKMP (0:0): received packet from 10.0.0.2 dport 500 sport 500 Global (R) MM_NO_STATE\n${refused}`).decoded[0]!.values?.role).toBeUndefined();
  });
  it("a responder whose other side says it is Cisco IOS (its vendor ID): a site-to-site tunnel, worded for a router that answered one", () => {
    const text = 'ISAKMP (0:0): received packet from 10.0.0.2 dport 500 sport 500 Global (R) MM_NO_STATE\nISAKMP:(1001): speaking to another IOS box!\nISAKMP:(1001): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 3';
    expect(causeEntry(text).decoded[0]!.values?.role).toBe('site');
  });
});

describe("the pre-shared key text between two routers", () => {
  it('names the two sides, not the PC and the server', () => {
    const e = causeEntry('*Mar  1 00:01:01.123: ISAKMP (0:0): sending packet to 10.0.0.2 my_port 500 peer_port 500 (I) MM_KEY_EXCH\n*Mar  1 00:01:02.456: %CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 10.0.0.2 failed its sanity check or is malformed');
    expect(e.cause).toBe('ike-auth-failed');
    expect(e.decoded[0]!.key).toBe('iosPskMismatchPeer');
  });
});
