import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * The first IKE exchange that gets no answer through (UDP 500/4500 blocked, or NAT-T), in strongSwan's
 * and Libreswan's words, as initiator (cause ike-responder-unreachable: the responder is silent) and as
 * responder (ike-init-unanswered: the PC's first message or the answer to it is lost); and what must
 * not be taken for it. Real lines of each shape are table rows in real-ipsec.test.ts (strongSwan) and real-libreswan.test.ts.
 */

const t = engineT('en');
const causes = (lines: string[]) => parseServerLog(lines.join('\n')).entries.filter((e) => e.cause).map((e) => [e.line, e.cause]);

const INIT = '10[ENC] generating IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]';
const retransmits = (n: number, id = 0) => Array.from({ length: n }, (_, i) => `0${i % 10}[IKE] retransmit ${i + 1} of request with message ID ${id}`);

describe('strongSwan: this side initiates and gets no answer', () => {
  it('"giving up" after retransmitting its IKE_SA_INIT is the cause, on the giving-up line', () => {
    expect(causes([INIT, ...retransmits(2), '13[IKE] giving up after 2 retransmits', '13[IKE] establishing IKE_SA failed, peer not responding'])).toEqual([[4, 'ike-responder-unreachable']]);
    const r = parseServerLog([INIT, ...retransmits(5), '13[IKE] giving up after 5 retransmits'].join('\n'));
    expect(describeEntry(r.entries.find((e) => e.cause)!, t)).toContain('repeated it 5 times without any answer');
  });
  it('IKEv1 Main Mode: sending retransmit n of request message ID 0, seq 1', () => {
    const v1 = ['09[ENC] generating ID_PROT request 0 [ SA V V V V ]', ...[1, 2, 3].map((n) => `07[IKE] sending retransmit ${n} of request message ID 0, seq 1`), '07[IKE] giving up after 3 retransmits'];
    expect(causes(v1)).toEqual([[5, 'ike-responder-unreachable']]);
  });
  it('the log ends after three retransmissions without "giving up"; two are not enough', () => {
    expect(causes([INIT, ...retransmits(3)])).toEqual([[4, 'ike-responder-unreachable']]);
    expect(causes([INIT, ...retransmits(2)])).toEqual([]);
  });
  it('an answer came: later retransmissions (of IKE_AUTH, message ID 1) are not this cause', () => {
    expect(causes([INIT, ...retransmits(1), '10[ENC] parsed IKE_SA_INIT response 0 [ SA KE No ]', ...retransmits(5, 1), '13[IKE] giving up after 5 retransmits'])).toEqual([]);
  });
  it("a responder's own first request (a DPD, message ID 0 too) retransmitted is not the PC's IKE_SA_INIT", () => {
    expect(causes(['11[IKE] sending DPD request', ...retransmits(5), '13[IKE] giving up after 5 retransmits'])).toEqual([]);
  });
});

describe('strongSwan: the PC keeps sending IKE_SA_INIT', () => {
  const request = (n: number) => [`1${n}[NET] received packet: from 203.0.113.9[500] to 198.51.100.1[500] (604 bytes)`, `1${n}[ENC] parsed IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]`];
  it('three requests and no answer logged: the first request carries the cause', () => {
    expect(causes([...request(1), ...request(2), ...request(3)])).toEqual([[2, 'ike-init-unanswered']]);
    const r = parseServerLog([...request(1), ...request(2), ...request(3)].join('\n'));
    expect(describeEntry(r.entries.find((e) => e.cause)!, t)).toContain("The PC's IKE_SA_INIT arrived 3 times and the server logged no answer to it.");
  });
  it('answered (a response, or the response sent again): not this cause', () => {
    expect(causes([...request(1), '11[ENC] generating IKE_SA_INIT response 0 [ N(INVAL_KE) ]', ...request(2), '12[ENC] generating IKE_SA_INIT response 0 [ N(NO_PROP) ]'])).toEqual([[6, 'ike-no-proposal']]);
    expect(causes([...request(1), ...request(2), '12[IKE] received retransmit of request with ID 0, retransmitting response', ...request(3)])).toEqual([]);
  });
});

describe('Libreswan: the first message unanswered', () => {
  const pluto = (body: string, serial = 1) => `pluto[1]: "c"[1] 192.0.2.7 #${serial}: ${body}`;
  it('timeout exceeded after the first message (3.x STATE_PARENT_I1 / STATE_V2_PARENT_I1, 5.x IKE_SA_INIT_I, IKEv1 MAIN_I1)', () => {
    for (const st of ['STATE_PARENT_I1', 'STATE_V2_PARENT_I1', 'IKE_SA_INIT_I', 'STATE_MAIN_I1']) {
      const first = st.includes('MAIN') ? 'IKEv1' : 'IKEv2';
      expect(causes([pluto(`${st}: 60 second timeout exceeded after 7 retransmits.  No response (or no acceptable response) to our first ${first} message`)]), st).toEqual([[1, 'ike-responder-unreachable']]);
    }
    expect(causes([pluto('max number of retransmissions (20) reached STATE_MAIN_I1.  No response (or no acceptable response) to our first IKE message')])).toEqual([[1, 'ike-responder-unreachable']]);
    const given = parseServerLog(pluto('IKE_SA_INIT_I: 60 second timeout exceeded after 7 retransmits.  No response (or no acceptable response) to our first IKEv2 message')).entries[0]!;
    expect(describeEntry(given, t)).toContain('repeated it 7 times without any answer');
    // its retransmissions before it: one cause, on the give-up line
    const retx = [1, 2, 3].map((i) => pluto(`IKE_SA_INIT_I: retransmission; will wait ${i} seconds for response`));
    expect(causes([...retx, pluto('IKE_SA_INIT_I: 60 second timeout exceeded after 7 retransmits.  No response (or no acceptable response) to our first IKEv2 message')])).toEqual([[4, 'ike-responder-unreachable']]);
  });
  it('later states keep their causes; an established SA that stops answering has lost the PC (a warning, no cause)', () => {
    expect(causes([pluto('max number of retransmissions (2) reached STATE_MAIN_R2')])).toEqual([[1, 'ike-no-mi3']]);
    expect(causes([pluto('STATE_PARENT_I2: 60 second timeout exceeded after 7 retransmits.  Possible authentication failure: no acceptable response to our first encrypted message')])).toEqual([[1, 'ike-auth-never-came']]);
    const gone = parseServerLog(pluto('STATE_V2_ESTABLISHED_IKE_SA: 300 second timeout exceeded after 10 retransmits.  No response (or no acceptable response) to our IKEv2 message')).entries[0]!;
    expect([gone.cause, gone.outcome]).toEqual([undefined, 'warning']);
    expect(describeEntry(gone, t)).toContain('The other side stopped answering an established connection');
  });
  it("an established SA's give-up worded by role: an _I state is the initiator's (the other side is the responder), an _R state or one without a role keeps the PC", () => {
    const nl = engineT('nl');
    const gone = (st: string) => parseServerLog(st.startsWith('max') ? pluto(st) : pluto(`${st}: 300 second timeout exceeded after 10 retransmits.  No response (or no acceptable response) to our IKEv2 message`)).entries[0]!;
    // Libreswan 3.x: an established IKE SA is STATE_PARENT_I3 (initiator) or STATE_PARENT_R2 (responder), not an IKE_AUTH still awaited
    for (const st of ['STATE_PARENT_I3', 'max number of retransmissions (3) reached STATE_QUICK_I2', 'max number of retransmissions (3) reached STATE_MAIN_I4']) {
      const e = gone(st);
      expect([e.cause, e.outcome], st).toEqual([undefined, 'warning']);
      expect(describeEntry(e, t), st).toContain('The other side (the responder) stopped answering an established connection: it went away, or its network or the UDP path broke');
      expect(describeEntry(e, nl), st).toContain('De andere kant (de antwoordende partij) antwoordt niet meer op een opgezette verbinding: die is weg, of zijn netwerk of het UDP-pad is onderbroken');
      expect(describeEntry(e, t), st).not.toMatch(/\bPC\b/);
    }
    for (const st of ['STATE_PARENT_R2', 'max number of retransmissions (3) reached STATE_MAIN_R3', 'STATE_V2_ESTABLISHED_IKE_SA', 'ESTABLISHED_IKE_SA']) {
      const e = gone(st);
      expect([e.cause, e.outcome], st).toEqual([undefined, 'warning']);
      expect(describeEntry(e, t), st).toContain('The other side stopped answering an established connection: the PC went away');
      expect(describeEntry(e, nl), st).toContain('de pc is weg');
    }
  });
  it('retransmissions of the first message at the end of the log (5.x IKE_SA_INIT_I too); three needed, an answer ends it', () => {
    const retx = (st: string, n: number, serial = 1) => Array.from({ length: n }, (_, i) => pluto(`${st}: retransmission; will wait ${2 ** i} seconds for response`, serial));
    expect(causes(retx('IKE_SA_INIT_I', 3))).toEqual([[3, 'ike-responder-unreachable']]);
    expect(causes(retx('STATE_MAIN_I1', 2))).toEqual([]);
    expect(causes([...retx('STATE_PARENT_I1', 3), pluto('sent IKE_AUTH request {cipher=AES_GCM_16_256}')])).toEqual([]);
  });
  it("the PC's IKE_SA_INIT repeated after the answer, per serial: twice is the cause, unless it went on to IKE_AUTH", () => {
    const dup = (serial: number) => pluto('received duplicate IKE_SA_INIT message request (Message ID 0); retransmitting response', serial);
    expect(causes([dup(2), dup(3), dup(2)])).toEqual([[3, 'ike-init-unanswered']]);
    expect(causes([dup(2), dup(2), pluto('processing decrypted IKE_AUTH request: SK{IDi,AUTH,SA,TSi,TSr}', 2)])).toEqual([]);
  });
});
