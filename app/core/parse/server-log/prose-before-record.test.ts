import { describe, expect, it } from 'vitest';
import { parseServerLog } from './index';
import { recordAfterProse } from './prose-before-record';

/** A log inside a mail's paragraph (prose-before-record.ts): the prose one line not understood, the records after it read. */
const PLUTO_1 = 'Jan  5 10:00:01 vpn pluto[812]: "l2tp-psk"[1] 198.51.100.7 #1: responding to Main Mode from unknown peer 198.51.100.7';
const PLUTO_2 = 'Jan  5 10:00:02 vpn pluto[812]: "l2tp-psk"[1] 198.51.100.7 #1: STATE_MAIN_R1: sent MR1, expecting MI2';
const read = (text: string) => {
  const r = parseServerLog(text);
  return { records: r.records, understood: r.understood, unknown: r.unknown, prose: r.unknownLines.map((u) => u.text), read: r.entries.map((e) => e.text) };
};

describe("a log inside a mail's prose", () => {
  it.each([
    ['a sentence, then one record', `Hi, the user still cannot connect; this is what the server logged: ${PLUTO_1}`, 'Hi, the user still cannot connect; this is what the server logged:', [PLUTO_1]],
    ['a sentence, then two records glued into the paragraph', `The server said: ${PLUTO_1} ${PLUTO_2}`, 'The server said:', [PLUTO_1, PLUTO_2]],
    ['a sentence, then a quote mark', `Log below: > ${PLUTO_1}`, 'Log below: >', [PLUTO_1]],
    ['Dutch prose with a time of its own first', `Sinds 09:58 vanochtend lukt het niet, zie: ${PLUTO_1}`, 'Sinds 09:58 vanochtend lukt het niet, zie:', [PLUTO_1]],
    ['a FortiOS key-value record (no syslog header)', 'Firewall log: date=2024-12-20 time=14:56:10 devname="FGT" logid="0101037127" type="event" subtype="vpn" level="error" msg="progress IPsec phase 1" action="negotiate" status="failure"', 'Firewall log:', undefined],
  ])('%s: the prose is one line not understood, the records are read', (_name, text, prose, records) => {
    const r = read(text);
    expect(r.prose).toEqual([prose]);
    expect(r.unknown).toBe(1);
    expect(r.understood).toBeGreaterThan(0);
    if (records) expect(r.read).toEqual(records);
  });
  it('is not cut where no header follows a time in the prose, nor inside a record with a header of its own', () => {
    expect(recordAfterProse('It has failed since 10:00:01 this morning: the server says nothing at all')).toBe(-1);
    // (a header no family read: `Nov` alone is no prose before `8 00:51:23 …`; a priority before a header is the record's own)
    expect(read('Nov 8 00:51:23 asa5505 %ASA-4-106100: access-list forward-inside denied tcp inside/10.29.87.10(54796) -> outside/108.162.204.234(443) hit-cnt 1 first hit [0x2b7f3f90, 0x0]').prose).toHaveLength(1);
    expect(recordAfterProse('<164>:Nov 8 00:51:23 UTC: %ASA-session-4-106100: access-list forward-inside denied tcp')).toBe(-1);
    // (a family that knows its lines by their words alone does not take the prose's last words as its header)
    expect(read(`Hi, the user cannot connect; this is what the server logged: Nov 01 17:03:42 v50172 accel-pppd[5731]: :: recv [SSTP SSTP_MSG_CALL_CONNECTED]`).prose).toEqual(['Hi, the user cannot connect; this is what the server logged:']);
  });
  it("Outlook's header block above an indented log does not decide the paste's indent", () => {
    const ios = ['    Vi2 LCP: I CONFREQ [ACKrcvd] id 2 len 19', '    Vi2 LCP:    MRU 1454 (0x010405AE)'];
    const mail = ['From: Jan de Vries <jan.devries@example.nl>', 'Sent: Monday, 5 January 2026 10:14', 'Subject: RE: VPN', '', ...ios].join('\n');
    expect([read(mail).understood, read(mail).unknown]).toEqual([read(ios.join('\n')).understood, 3]);
  });
});

describe('a syslog line that lost its first letter', () => {
  it.each([
    ['pr 17 10:40:25 client xl2tpd[28658]: Connecting to host 198.51.100.7, port 1701', 4, 17],
    ['ov  3 10:40:25 vpn pppd[1]: Connect: ppp0 <--> /dev/pts/1', 11, 3],
    ['EC 31 23:59:59 VPN PPPD[1]: Connect: ppp0 <--> /dev/pts/1', 12, 31],
  ])('%s: the month comes back from its last two letters', (line, month, day) => {
    const r = parseServerLog(`${line}\n${line}\n${line}\n${line}`);
    expect([r.understood, r.entries[0]?.time?.month, r.entries[0]?.time?.day]).toEqual([4, month, day]);
  });
  it('not two letters that are no month tail, nor without a day and a time to the second', () => {
    for (const line of ['on 17 10:40:25 client pppd[1]: Connect: ppp0 <--> /dev/pts/1', 'pr 17 10:40 client pppd[1]: Connect: ppp0', 'pr 17 is a word']) expect(parseServerLog(line).understood, line).toBe(0);
  });
});
