import { describe, expect, it } from 'vitest';
import { parseServerLog } from './index';

/**
 * A binary file a help desk is sent instead of a log's text is named by its first bytes, so the verdict says what to send instead
 * (inspect.ts binaryKind). Headers laid out as the formats' documents give them, the rest of the file noise; the parser sees a
 * binary file as Latin-1 text, as the CLI (server-log-file.ts) and the paste box (text-encoding.ts decodeTextFile) hand it over.
 */

/** Deterministic noise with NULs among it, as a binary file's body has (record headers, lengths, padding). */
function noise(n: number, seed = 7): number[] {
  const out: number[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) out.push(i % 4 === 0 ? 0 : (x = (x * 1103515245 + 12345) & 0x7fffffff) >>> 23);
  return out;
}
const u32le = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];
const u32be = (v: number) => u32le(v).reverse();
const verdictOf = (bytes: number[]) => parseServerLog(Buffer.from(bytes).toString('latin1')).verdict;
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];

// .evtx file header (libyal libevtx, "Windows XML Event Log (EVTX) format" 2.1): signature "ElfFile\0", first and last chunk
// numbers, next record id, header size 128, minor version 1, major 3, header block size 4096, chunk count …
const EVTX = [...ascii('ElfFile\0'), ...u32le(0), ...u32le(0), ...u32le(3), ...u32le(0), ...u32le(612), ...u32le(0), ...u32le(128), 1, 0, 3, 0, 0, 16, 1, 0, ...noise(3000)];
// .evt (libyal libevt, "Windows Event Log (EVT) format" 2.1): header size 0x30, signature "LfLe", major 1, minor 1, offsets …
const EVT = [...u32le(0x30), ...ascii('LfLe'), ...u32le(1), ...u32le(1), ...u32le(0x30), ...u32le(0x30), ...noise(2000, 11)];
// pcap (pcap-savefile(5)): magic, version 2.4, zone, sigfigs, snaplen 262144, link type 1 (Ethernet), then packets
const pcap = (magic: number[]) => [...magic, 2, 0, 4, 0, ...u32le(0), ...u32le(0), ...u32le(262144), ...u32le(1), ...noise(2000, 5)];
// pcapng (draft-ietf-opsawg-pcapng 4.1): Section Header Block type 0x0A0D0D0A, its length, the byte-order magic, version 1.0 …
const pcapng = (le: boolean) => [...u32le(0x0a0d0d0a), ...(le ? u32le(28) : u32be(28)), ...(le ? u32le(0x1a2b3c4d) : u32be(0x1a2b3c4d)), ...noise(2000, 3)];

describe('a binary file named by its first bytes', () => {
  it('a Windows event log file, .evtx or NT\'s .evt', () => {
    expect(verdictOf(EVTX)).toBe('windows-event-log');
    expect(verdictOf(EVT)).toBe('windows-event-log');
  });
  it('a pcap capture, microsecond or nanosecond, either byte order; a pcapng capture, either byte order', () => {
    for (const magic of [0xa1b2c3d4, 0xa1b23c4d]) {
      expect(verdictOf(pcap(u32le(magic)))).toBe('packet-capture');
      expect(verdictOf(pcap(u32be(magic)))).toBe('packet-capture');
    }
    expect(verdictOf(pcapng(true))).toBe('packet-capture');
    expect(verdictOf(pcapng(false))).toBe('packet-capture');
  });
  it('other binary files stay "binary"; a text log that starts with such a word is a log', () => {
    expect(verdictOf(noise(3000))).toBe('binary');
    expect(verdictOf([...ascii('PK\u0003\u0004'), ...noise(3000)])).toBe('binary');
    expect(parseServerLog('ElfFile Jan  5 10:00:01 vpn pppd[1]: LCP: timeout sending Config-Requests\n').verdict).not.toBe('windows-event-log');
    expect(parseServerLog('Jan  5 10:00:01 vpn pppd[1]: LCP: timeout sending Config-Requests\n').verdict).toBe('ok');
  });
});
