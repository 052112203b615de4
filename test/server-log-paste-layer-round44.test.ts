import { describe, expect, it } from 'vitest';
import { parseServerLog } from '../app/core/parse/server-log';
import { hasMaskedAddress } from '../app/core/parse/server-log/lines';
import { splitPrefix } from '../app/core/parse/server-log/prefix';
import { readRepoText } from './support/repo-files';

/**
 * The paste layer's gaps left after round 43 (lines.ts, flattened-records.ts, prefix-shapes.ts): a width a log's lines share by
 * chance taken for a wrap, a wrapped paste whose poster masked its addresses afterwards, and a flattened paragraph of two hosts'
 * RFC 5424 records. Each red on the code before (said per test).
 */

const at = (n: number, width: number, fill = 'y') => `Nov 18 10:21:0${n} gw pppd[4242]: ${fill.repeat(width - 31)}`;
/** what each record covers: its first and last line */
const spans = (text: string) =>
  [...parseServerLog(text).entries, ...parseServerLog(text).unknownLines].map((e) => `${e.line}-${e.endLine}`).sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b));

describe('a width the lines share by chance is no wrap (lines.ts endedAtWidest)', () => {
  it('a header-less line after many lines of one length is a record of its own (was joined to the last as its wrapped rest)', () => {
    for (const width of [80, 96, 132]) {
      for (const repeat of [3, 20, 1500]) {
        const same = Array.from({ length: repeat }, () => at(1, width));
        const text = [...same, 'this is where it fails', at(2, 60)].join('\n');
        const r = parseServerLog(text);
        expect([width, repeat, r.records]).toEqual([width, repeat, repeat + 2]);
        // (the last line of that length kept as it was, not with the remark on it)
        if (repeat <= 20) expect(r.unknownLines.concat(r.entries).filter((e) => e.text.endsWith('fails')).map((e) => e.text)).toEqual(['this is where it fails']);
      }
    }
  });
  it('a paste really wrapped at that width still joins: every cut line, also after lines that were exactly the width', () => {
    const long = (n: number) => `${at(n, 80)}-and-the-rest-${n}`;
    // (two of the log's own lines exactly 80 wide first, then the cut ones: one line at the width ending its record is allowed)
    const wrapped = [at(1, 80), long(2).slice(0, 80), long(2).slice(80), long(3).slice(0, 80), long(3).slice(80), long(4).slice(0, 80), long(4).slice(80)];
    expect(spans(wrapped.join('\n'))).toEqual(['1-1', '2-3', '4-5', '6-7']);
    // (pieces of an 80-column terminal copy of real pppd, charon lines: all joined)
    const lines = [
      'Nov 18 10:21:04 gw pppd[4242]: rcvd [LCP ConfReq id=0x1 <mru 1400> <asyncmap 0x0> <magic 0x5c3d2a1f> <pcomp> <accomp>]',
      'Nov 18 10:21:05 gw pppd[4242]: MS-CHAP authentication failed: E=691 Authentication failure',
      'Nov 18 10:21:06 gw charon: 09[IKE] IKE_SA ikev2-pubkey[1] established between 209.97.151.23[209.97.151.23]...207.96.115.200[jedipapi]',
    ];
    const cut = lines.flatMap((l) => l.match(/.{1,80}/g)!);
    expect(parseServerLog(cut.join('\n')).entries.map((e) => e.text)).toEqual(lines);
  });
  it('two lines of the width ending records, then a wrap: the pieces stay apart (a width seen ending records is a shared one)', () => {
    const text = [at(1, 80), at(2, 80), at(3, 80), 'a remark typed under the log'].join('\n');
    expect(spans(text)).toEqual(['1-1', '2-2', '3-3', '4-4']);
  });
});

describe("a wrapped paste whose addresses were masked afterwards (`89.xx.xx.250`: lines 79 to 82 around a wrap of 80)", () => {
  const W = 80;
  const cut = (lines: string[]) => lines.flatMap((l) => l.match(new RegExp(`.{1,${W}}`, 'g'))!);
  const mask = (s: string) => s.replace(/\b89\.\d{1,3}\.\d{1,3}\.250\b/g, '89.xx.xx.250');
  const LOG = [
    'Nov 18 10:21:04 gw pppd[4242]: rcvd [LCP ConfReq id=0x1 <mru 1400> <asyncmap 0x0> <magic 0x5c3d2a1f> <pcomp> <accomp>]',
    'Nov 18 10:21:05 gw pppd[4242]: MS-CHAP failed: E=691 from 89.123.45.250 for the user bob, ok then',
    'Nov 18 10:21:06 gw pppd[4242]: Connect time 0.1 minutes from 89.1.2.250 after the peer 89.1.2.250 hung up on',
  ];
  it('joins a masked line two longer or one shorter than the width with its rest (was: the 82-wide piece a record of its own, its rest a line not understood)', () => {
    const wrapped = cut(LOG).map(mask);
    expect(wrapped.map((l) => l.length)).toEqual([80, 38, 79, 17, 82, 30]);
    expect(spans(wrapped.join('\n'))).toEqual(['1-2', '3-4', '5-6']);
    const r = parseServerLog(wrapped.join('\n'));
    expect([...r.entries, ...r.unknownLines].sort((a, b) => a.line - b.line).map((e) => e.text)).toEqual(LOG.map(mask));
  });
  it('and when the first cut line is the masked, wider one (the plain lines after it show the width)', () => {
    const wrapped = cut([LOG[2]!, LOG[0]!, LOG[1]!]).map(mask);
    expect(wrapped.map((l) => l.length)).toEqual([82, 30, 80, 38, 79, 17]);
    expect(spans(wrapped.join('\n'))).toEqual(['1-2', '3-4', '5-6']);
  });
  it('not: a plain line one longer, a masked line three longer, a masked line in a paste with no wrap', () => {
    const plain81 = at(9, 81, 'z');
    const masked83 = `Nov 18 10:21:09 gw pppd[4242]: from 89.xx.xx.250 ${'z'.repeat(83 - 49)}`;
    for (const last of [plain81, masked83]) expect(spans([at(1, 80), 'piece one', at(2, 80), 'piece two', last, 'a remark'].join('\n'))).toEqual(['1-2', '3-4', '5-5', '6-6']);
    const masked81 = `Nov 18 10:21:09 gw pppd[4242]: from 89.xx.xx.250 ${'z'.repeat(81 - 49)}`;
    expect(spans([at(1, 80), 'piece one', at(2, 80), 'piece two', masked81, 'its rest'].join('\n'))).toEqual(['1-2', '3-4', '5-6']);
    expect(spans([masked81, 'a remark'].join('\n'))).toEqual(['1-1', '2-2']);
    // (two masked lines a character apart — a masked ufw log's 237 and 236, the mask off each address by another count — set no width)
    const ufw = (id: number, src: string) => `May  5 03:09:4${id} HG-GATEWAY kernel: [UFW BLOCK] IN=eth0 OUT= SRC=${src} DST=85.17.XXX.XXX LEN=556 PROTO=UDP SPT=500 DPT=500 LEN=536`;
    expect(ufw(4, '195.241.XXX.XXX').length - ufw(6, '195.241.XX.XXX').length).toBe(1);
    expect(spans([ufw(4, '195.241.XXX.XXX'), ufw(6, '195.241.XX.XXX'), 'Kind regards,'].join('\n'))).toEqual(['1-1', '2-2', '3-3']);
  });
  it('knows a masked address by its octets (digits, x, X or *), not a version or a file name', () => {
    for (const yes of ['from 89.xx.xx.250', 'peer 10.0.x.x[500]', 'to 192.168.***.5', 'xxx.xxx.xxx.xxx', 'at 1.2.3.X:4500']) expect([yes, hasMaskedAddress(yes)]).toEqual([yes, true]);
    for (const no of ['from 89.12.34.250', 'pppd 2.4.x started', 'file x.y.z.conf', 'v1.2.3.4x', 'box.xx.example.com', '']) expect([no, hasMaskedAddress(no)]).toEqual([no, false]);
  });
  it('is linear on a long line of dots and x', () => {
    const started = performance.now();
    hasMaskedAddress('x.'.repeat(50_000));
    hasMaskedAddress('1.x'.repeat(30_000));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("a flattened paragraph of two hosts' Juniper SRX RFC 5424 records (RT_FLOW, structured data, hosts mixed)", () => {
  const sd = (host: string, n: number, port: number) =>
    `<14>1 2024-11-28T12:01:0${n}.000Z ${host} RT_FLOW - RT_FLOW_SESSION_DENY [junos@2636.1.1.1.2.129 source-address="10.0.1.${n}" source-port="4123${n}" destination-address="10.0.2.7" destination-port="${port}" service-name="None" protocol-id="17" policy-name="deny-all"]`;
  const records = [sd('srx1', 1, 443), sd('srx2', 2, 500), sd('srx1', 3, 4500), sd('srx2-node0.dc.example', 4, 53)];
  it('is cut into its records as one host\'s is — short, and past a record\'s cap (was 1 of 1: the whole paragraph one record)', () => {
    const lines = parseServerLog(records.join('\n'));
    const short = parseServerLog(records.join(' '));
    expect([short.records, short.understood, short.unknown]).toEqual([4, 4, 0]);
    expect(short.entries.map((e) => e.text)).toEqual(records);
    const flat = parseServerLog(Array.from({ length: 6 }, () => records.join(' ')).join(' '));
    expect([flat.records, flat.understood, flat.unknown]).toEqual([24, 24, 0]);
    expect(flat.entries.filter((e) => e.cause).length).toBe(6 * lines.entries.filter((e) => e.cause).length);
  });
  it("still reads a relay's header (nil structured data) before a device's line as that line, and a one-host paragraph as before", () => {
    const relayed = splitPrefix(`<14>1 2024-11-28T12:01:09.000Z relay RT_FLOW - - - ${sd('srx1', 2, 500)}`);
    expect([relayed.host, relayed.time?.second]).toEqual(['srx1', 2]);
    const own = splitPrefix(`${sd('srx1', 1, 500)} ${sd('srx2', 2, 500)}`);
    expect([own.host, own.time?.second]).toEqual(['srx1', 1]);
    expect(parseServerLog(`${sd('srx1', 1, 443)} ${sd('srx1', 2, 500)}`).records).toBe(2);
  });
  it('reads the held SRX RFC 5424 log (two hosts: SRX-GW1, fw01) flattened into one paragraph as its lines (was 2 records: the second host\'s inside the first\'s)', () => {
    const text = readRepoText('test/fixtures/real/server-logs/srx-rfc5424-rt-flow-session-create-deny-close-structured-data-no-vpn.txt');
    const lines = text.split('\n').filter((l) => l.startsWith('<'));
    const apart = parseServerLog(lines.join('\n'));
    const flat = parseServerLog(lines.join(' '));
    expect(new Set(apart.entries.map((e) => e.host)).size).toBe(2);
    expect([flat.records, flat.understood, flat.entries.map((e) => e.host)]).toEqual([apart.records, apart.understood, apart.entries.map((e) => e.host)]);
  });
});
