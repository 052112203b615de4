import { describe, expect, it } from 'vitest';
import { parseServerLog } from './index';

/**
 * A line that ends in a comma and a blank was cut there by whoever copied it (detect.ts endsAtSoftBreak): its rest, a line
 * with no header, is the same record, whatever the lines' lengths — and the same record whether a copy kept the runs of blanks.
 */
const DOWN = [
  '19:13:59  IKE_VPN_DOWN_ALARM_USER: VPN waw-1 from 34.116.241.129 is down. Local-ip: 89.187.136.174, gateway name: waw-1, ',
  'tunnel-id: 500052, tunnel type: regular-tunnel, ',
  'SA Type: dynamic, Reason: Peer is not responding',
];

describe('a record cut after a comma and a blank', () => {
  it('takes the header-less lines under it, and reads the reason on its last one', () => {
    const r = parseServerLog(DOWN.join('\n'));
    expect([r.records, r.understood, r.unknown]).toEqual([1, 1, 0]);
    expect(r.entries[0]).toMatchObject({ line: 1, endLine: 3 });
  });

  it('reads the same with its runs of blanks collapsed (one blank after the time: the event tag read as the daemon, not a program)', () => {
    const r = parseServerLog(DOWN.join('\n').replace(/ {2,}/g, ' '));
    expect([r.records, r.understood, r.unknown]).toEqual([1, 1, 0]);
    expect(r.entries[0]).toMatchObject({ family: 'junos', line: 1, endLine: 3 });
  });

  it('a comma with no blank after it, or a next line with a header of its own, is no cut', () => {
    expect(parseServerLog(DOWN.map((l) => l.replace(/ $/, '')).join('\n')).records).toBe(3);
    const two = parseServerLog(['Jan  1 00:00:01 vpn1 pppd[12]: Connect: ppp0 <--> /dev/pts/0, ', 'Jan  1 00:00:02 vpn1 pppd[12]: Connection terminated.'].join('\n'));
    expect(two.records).toBe(2);
  });
});
