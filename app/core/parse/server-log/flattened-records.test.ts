import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../../test/corpus';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { parseServerLog } from './index';
import { splitPrefix } from './prefix';

/**
 * A log copied as one paragraph (a PDF's or web page's text, a chat message): every newline became a blank, so several
 * records share one line (flattened-records.ts). Each is read as if it had its own line.
 */

const read = (text: string) => {
  const r = parseServerLog(text);
  return { records: r.records, understood: r.understood, unknown: r.unknown, entries: r.entries.map((e) => ({ text: e.text, decoded: e.decoded, cause: e.cause, outcome: e.outcome })) };
};

describe('records flattened into one line', () => {
  it('docs.netgate.com PDF lines (pid-less charon with its thread and group): one record each', () => {
    const lines = ['charon: 09[IKE] IKE_SA con2000[11] established between 192.0.2.90[192.0.2.90]...192.0.2.74[192.0.2.74]', 'charon: 09[IKE] CHILD_SA con2000{2} established with SPIs cf4973bf_i c1cbfdf2_o and TS 192.168.48.0/24|/0 === 10.42.42.0/24|/0', 'charon: 10[IKE] received AUTHENTICATION_FAILED notify error'];
    const flat = read(lines.join(' '));
    expect(flat).toMatchObject({ records: 3, understood: 3 });
    expect(flat.entries).toEqual(read(lines.join('\n')).entries.map((e) => ({ ...e })));
  });

  it('syslog headers with the host: cut where the host comes back', () => {
    const lines = ['Jan  5 10:00:00 vpn charon: 05[NET] received packet: from 198.51.100.7[500] to 203.0.113.5[500] (408 bytes)', 'Jan  5 10:00:00 vpn charon: 05[IKE] 198.51.100.7 is initiating an IKE_SA', 'Jan  5 10:00:01 vpn charon: 05[IKE] received proposals inacceptable'];
    expect(read(lines.join(' '))).toMatchObject({ records: 3, understood: 3 });
    expect(read(lines.join(' ')).entries.some((e) => e.cause === 'ike-no-proposal')).toBe(true);
  });

  it('a time inside a message, or another host, is no cut', () => {
    // (the message is one no rule reads: the line stays one unknown record)
    expect(read('Jan  5 10:00:00 vpn charon: 05[CFG] odd note about Jan  5 10:00:00 2027 UTC: something')).toMatchObject({ records: 1, unknown: 1 });
    expect(read('Jan  5 10:00:00 vpn charon: 05[CFG] odd note Jan  5 10:00:01 other charon: 05[IKE] 198.51.100.7 is initiating an IKE_SA')).toMatchObject({ records: 1, unknown: 1 });
    // a pid-less tag other than charon's thread form: no cut (a message may name a program)
    expect(read('pppd: odd note pppd: another')).toMatchObject({ records: 1 });
  });

  it("accel-pppd's tag is one tag, not `accel-` and a pppd record glued on (glued-lines.ts)", () => {
    const lines = ['Nov 01 15:57:13 v50172 accel-pppd[2898]: sstp: ssl-pemfile error: error:02001002:system library:fopen:No such file or directory', 'Nov 01 15:57:13 v50172 systemd[1]: Started Accel-PPP.'];
    const flat = parseServerLog(lines.join(' '));
    expect(flat.records).toBe(2);
    expect(flat.entries.map((e) => e.text)).toEqual(parseServerLog(lines.join('\n')).entries.map((e) => e.text));
  });

  it('pluto with its pid, and RFC 3339 headers', () => {
    const pluto = ['pluto[812]: "l2tp-psk"[3] 198.51.100.7 #9: STATE_MAIN_R1: sent MR1, expecting MI2', 'pluto[812]: "l2tp-psk"[3] 198.51.100.7 #9: STATE_MAIN_R2: sent MR2, expecting MI3'];
    expect(read(pluto.join(' '))).toMatchObject({ records: 2, understood: 2 });
    const iso = ['2024-05-01T10:00:00.123456+02:00 fw charon[3]: 05[IKE] 198.51.100.7 is initiating an IKE_SA', '2024-05-01T10:00:01.000001+02:00 fw charon[3]: 05[IKE] received proposals inacceptable'];
    expect(read(iso.join(' '))).toMatchObject({ records: 2, understood: 2 });
  });
});

/** Real logs' runs of three understood records that share a head flattenedPieces cuts at (host, pid tag, charon thread). */
function runsOf(text: string): string[][] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const runs: string[][] = [];
  for (let i = 0; i + 3 <= lines.length; i += 3) {
    const run = lines.slice(i, i + 3);
    const heads = run.map((l) => splitPrefix(l));
    const key = (p: ReturnType<typeof splitPrefix>) => (!p.program ? undefined : p.host && (p.shape === 'syslog' || p.shape === 'iso') ? `${p.shape} ${p.host}` : p.program && p.pid !== undefined && !p.host ? `pid ${p.program}` : undefined);
    if (!heads.every((h) => key(h) !== undefined && key(h) === key(heads[0]!))) continue;
    // (OPNsense's log view rows, `time | charon[pid] | line` — header-patterns.ts ISO_CELLS: a table's cells, no tag flattenedPieces cuts at)
    if (run.some((l) => /^\S+ \| /.test(l))) continue;
    if (read(run.join('\n')).understood !== 3) continue;
    runs.push(run);
  }
  return runs;
}

const realLogs = (): Array<[string, string]> => {
  const own = repoFiles('test/fixtures/real/server-logs').filter((n) => n.endsWith('.txt') || n.endsWith('.log')).map((n): [string, string] => [n, readRepoText(join('test/fixtures/real/server-logs', n))]);
  if (!corpusAvailable) return own;
  const folders = ['pppd', 'strongswan', 'other', 'mikrotik', 'asa', 'ios-debug', 'rras', 'vpn3000'];
  return [...own, ...folders.flatMap((f) => corpusFiles(join('server-logs', f)).map((n): [string, string] => [`${f}/${n}`, readCorpus(join('server-logs', f), n)]))];
};

describe('real logs flattened', () => {
  it('every run of three records with a shared head reads as the three lines did', () => {
    const misses: string[] = [];
    let runs = 0;
    for (const [name, text] of realLogs()) {
      for (const run of runsOf(text)) {
        runs++;
        const flat = read(run.join(' '));
        const apart = read(run.join('\n'));
        if (flat.records !== 3 || JSON.stringify(flat.entries.map((e) => e.decoded)) !== JSON.stringify(apart.entries.map((e) => e.decoded))) misses.push(`${name}: ${run[0]!.slice(0, 90)}`);
      }
    }
    expect(runs).toBeGreaterThan(50);
    expect(misses).toEqual([]);
  });
});

describe('a whole log flattened into one paragraph longer than a record may be', () => {
  it('every record is read, none lost at the 2 000-character cap', () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Jan  5 10:${String(i).padStart(2, '0')}:00 vpn charon: 05[IKE] 198.51.100.${i} is initiating an IKE_SA`);
    const flat = lines.join(' ');
    expect(flat.length).toBeGreaterThan(3000);
    expect(read(flat)).toMatchObject({ records: 60, understood: 60 });
    expect(read(`${flat}\n${lines[0]}`)).toMatchObject({ records: 61, understood: 61 });
  });
});
