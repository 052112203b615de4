import { describe, expect, it } from 'vitest';
import { parseServerLog } from './index';

/**
 * sstpd's lines (github.com/sorz/sstp-server, families/sstpd.ts) that no rule reads are still sstpd's: its Python logging header
 * (`%(asctime)s %(levelname)-s: %(message)s`, sstpd/__main__.py) with a message that says SSTP or starts with its session tag
 * (`[<correlation id>/<host>:<port>] `, sstp.py SessionLogger) is the sstp family's, unknown — not SoftEther's, whose family
 * took every line saying "SSTP" before. The messages are sstp.py's own format strings (logger.warning("Unexpected exception %s"),
 * print("SSTP pause_writing")); no real log with them was found.
 */
const read = (line: string) => {
  const r = parseServerLog(line);
  return { understood: r.understood, unknown: r.unknown, family: r.unknownLines[0]?.family, families: r.families };
};

describe('sstpd lines no rule reads stay sstpd’s', () => {
  it('a Python-logging line that says SSTP, or carries sstpd’s session tag, is unknown in the sstp family, never softether', () => {
    for (const line of [
      '2021-07-07 22:55:01,123 INFO: SSTP control packet (ECHO_REQUEST) queued.',
      '2021-07-07 22:55:01,123 WARNING: [5d1d4c70-9c6e-4a43-b2c6-3f6b9f0a3e11/198.51.100.7:50123] Unexpected exception SSTP state',
      '2021-07-07 22:55:01,123 WARNING: [?/198.51.100.7:50123] Unexpected exception [Errno 32] Broken pipe',
      '2021-07-07 22:55:01,123 ERROR: [?/[2001:db8::7]:50123] SSTP sent nothing',
    ]) expect([line, read(line)]).toEqual([line, { understood: 0, unknown: 1, family: 'sstp', families: {} }]);
  });
  it('sstpd’s flow-control prints (no header) are its own housekeeping lines', () => {
    for (const line of ['SSTP pause_writing', 'SSTP resume_writing']) expect(read(line)).toMatchObject({ understood: 1, families: { sstp: 1 } });
  });
  it('SoftEther’s own SSTP lines (no level word after the time) stay SoftEther’s', () => {
    const se = '2021-06-26 05:00:14.938 SSTP PPP Session [203.0.113.9:52193]: A new PPP session (Upper protocol: SSTP) is started. IP Address of PPP Client: 203.0.113.9 (Hostname: "203.0.113.9"), Port Number of PPP Client: 52193, IP Address of PPP Server: 192.0.2.1, Port Number of PPP Server: 443, Client Software Name: "Microsoft SSTP VPN Client", IPv4 TCP MSS (Max Segment Size): 0 bytes';
    expect(read(se)).toMatchObject({ understood: 1, families: { softether: 1 } });
    // and a SoftEther line no rule reads stays SoftEther's, as before
    expect(read('2021-06-26 05:00:15.001 SSTP PPP Session [203.0.113.9:52193]: SSTP said something new').family).toBe('softether');
  });
});
