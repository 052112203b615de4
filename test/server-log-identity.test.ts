import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSyslog } from '../bench/server-log.bench';
import { explainServerLogs } from '../app/core/diagnose/server-log';
import { engineT } from '../app/core/i18n';
import { ServerLogParser, parseServerLog, type ServerLogResult } from '../app/core/parse/server-log';
import { ChunkLines } from '../app/core/parse/server-log/chunk-lines';
import { setTemplateCache } from '../app/core/parse/server-log/kit';
import { readServerLogFile } from '../app/system/server-log-file';
import { corpusAvailable, corpusFiles, readCorpus } from './corpus';
import { readRepoText, repoFiles } from './support/repo-files';
import { eventLoopTurns } from './support/event-loop-turn';

/**
 * Issue 14's speed work leaves what explain-log says byte for byte as it was: the parsed result
 * (every entry, count, unknown line) and the findings and readable report of every server log in
 * the corpus, the real fixtures, the seed FAQ, the benchmark's 100 000-line syslog (streamed from a
 * file, as the CLI reads it: past the entries cap, where only counting runs) and every log pasted
 * together 30 times (every family past the cap). Digests in fixtures/server-log-digests.json were
 * recorded before the work (TM_RECORD_SERVER_LOG_DIGESTS=1 writes them); a deliberate behaviour
 * change records new ones and says so in its commit. Branch hD recorded the three new real Cisco
 * VPN 3000 logs and, for them, the all-logs-pasted-together digests; no other digest changed.
 * Twentieth round: a Windows error a server logged is explained where its finding is another id (809 →
 * vpn.server-unreachable, 734 → vpn.auth-mismatch), not sent to "the PC's findings": the corpus RRAS 20111 log, the RASMAN
 * trace and the two all-logs digests re-recorded, no other.
 * Then the RouterOS wrong-key/time-up log (its retyped "possible couse: wrong password" line is read) and all-logs-x300.
 * Then the logs with a Format-List event, for its first line's wording ("Windows event 20111." for "Event 20111 begins.").
 * Then the four IOS logs of a router that is the client on its link, whose packet lines before the line that tells it are
 * now worded by it ("to the other side (the server this router logs in to)", not "to the PC"), and all-logs-x300.
 * Then the PPTP client log whose TCP 1723 was refused, now a cause (pptp-server-unreachable), and all-logs-x300.
 * Twenty-first round: the 19 logs with decoded PPP packets (pppd debug dumps, IOS debug ppp negotiation) and all-logs-x300, for
 * the packet's plain words before its names ("Link settings proposed — LCP ConfReq to the PC …", packet-words.ts); with the
 * old packet template back every digest was the one recorded before.
 * Branch hX: the four new real RRAS/NPS logs recorded, and all-logs-x300 (paste and file): no other digest changed. With those
 * four the file digest differed from the paste's (754 801 records streamed, 754 800 pasted: one unknown record of the 72 MB
 * concatenation split where a 64 KiB chunk ended — a `[B]` whose `[/B]` was in the next chunk, line-hints.ts, since fixed);
 * with the fifth (ras-nt4-kb172215-*.txt) and the server's 741/742 read from its side they agree again. Then the KB Q150820 log
 * (its NT RAS 20026 read by its text as the start-up notice it is) and all-logs-x300.
 * Merging hX on main: all-logs-x300 (paste and file) re-recorded, the only keys both sides changed; every other key is main's or hX's.
 * Merging hZ (SoftEther error codes, hub and PPP session lines, seven real SoftEther logs): all-logs-x300 re-recorded, the only keys
 * both sides changed; every other key is main's or hZ's.
 * Then (branch hY) the ASA log whose 713902 "Removing peer from correlator table failed" is the ASA tidying up (no warning), and
 * all-logs-x300. Then a new real IOS-XE log (ios-xe-debug-crypto-*) and all-logs-x300; no other log changed. Then two more real
 * IOS debug crypto logs (ios-debug-crypto-isakmp-stuck-*, ios-12-2-debug-crypto-*) and all-logs-x300; no other log changed.
 * Then a real IOS debug copied through Markdown (ios-debug-crypto-markdown-*: its times after list bullets) and all-logs-x300
 * (where that log follows single-spaced ones, its IPSEC(sa_request) record now takes its blank-separated field lines whole); no
 * other log changed.
 * Merging hY (Cisco IOS debug crypto, ASA tunnel group, five real logs): all-logs-x300 re-recorded, the only keys both sides
 * changed; every other key is main's or hY's.
 * Then (branch hQ) the two PPTP client logs whose pppd packets come before the line that tells this side dials, now worded for the
 * client ("to the other side (the responder)", pppd-role.ts awaitSide); the two logs with pppd's world-readable secrets warning
 * ("of the machine that wrote this log", not "on the server"); the Windows 7 xl2tpd log whose LCP Protocol-Reject names IPV6CP;
 * the logs with pppd's "… authentication succeeded" (the corpus PPTP client's, the crouton and Hotspot Shield clients', the OpenWrt
 * pptpd's), now "The user X logged in (…)" or "This side logged in to the other side (…)", not "CHAP authentication succeeded X.";
 * and all-logs-x300. Then the Openswan L2TP client log whose xl2tpd death_handler, `ipsec_setup`/`ipsec__plutorun` start-up and
 * `added connection description` lines are read now (libreswan-startup.ts), and all-logs-x300.
 * Then the two strongSwan logs with `received AUTHENTICATION_FAILED notify error`, whose statement now carries the initiator's role
 * (same text), and all-logs-x300.
 * Then the OpenWrt xl2tpd LAC log whose pppd could not rename its interface (a new fixture) and all-logs-x300, whose paste and file
 * digests differ from here on: the file read counts one record (one unknown) more than the paste, past the entries and unknown-line
 * caps — a chunk boundary now falls where the longer text puts it (not found; branch hQ's report).
 * Merging hQ (pppd look-back per pid, rsyslog "message repeated", xl2tpd death_handler, pluto start-up, strongSwan AUTH_FAILED as
 * the initiator's, four real logs): with main's old packet template every key was main's or hQ's but all-logs-x300; with the
 * new one the five logs both changed (hQ's wording, main's packet words) and all-logs-x300 re-recorded. The paste and file reads
 * of all-logs-x300 agree again (hQ's branch lacked the [B] chunk-boundary fix hX and hY made); a test now holds them equal.
 * Thirty-sixth round: all logs pasted together 30 times, not 300 (16 MB, not 163 MB; still past every cap: entries, cause entries,
 * unknown lines, kept console lines, the rule cache), recorded on code whose x300 digests held; the 300 copies cost this file
 * over a minute of CI's fifteen. What the 300 copies' 2 500 chunk ends tested, that a line cut by a chunk's end reads as whole,
 * the last test here tests with more cuts for less: one copy streamed in chunks of four sizes.
 */

const DIGESTS = join(import.meta.dirname, 'fixtures', 'server-log-digests.json');
const record = process.env.TM_RECORD_SERVER_LOG_DIGESTS === '1';
const t = engineT('en');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/**
 * A finding's `parts` are its summary cut into paragraphs (twenty-first round); summary-parts.test.ts holds them to
 * joining to the summary, which the digest covers, so they are left out here: the digests recorded before them hold.
 */
const withoutParts = (explained: ReturnType<typeof explainServerLogs>) => ({ ...explained, findings: explained.findings.map(({ parts: _parts, ...f }) => f) });
const digest = (log: ServerLogResult) => sha256(JSON.stringify({ log, explained: withoutParts(explainServerLogs([log], t)) }));

const FOLDERS = ['asa', 'ios-debug', 'mikrotik', 'other', 'pppd', 'rras', 'strongswan', 'vpn3000'];
const texts: [string, string][] = [
  ...FOLDERS.flatMap((f) => corpusFiles(join('server-logs', f)).map((n) => [`corpus/${f}/${n}`, readCorpus(join('server-logs', f), n)] as [string, string])),
  ...repoFiles('test/fixtures/real/server-logs').map((n) => [`real/${n}`, readRepoText(`test/fixtures/real/server-logs/${n}`)] as [string, string]),
  ...(corpusAvailable ? [['seed/cisco-pptp-faq-nl.txt', readCorpus(join('..', 'seed'), 'cisco-pptp-faq-nl.txt')] as [string, string]] : []),
];

/** Every log, each ending in one line break, one after the other, `copies` times over. */
const allLogs = (copies: number) => Array.from({ length: copies }, () => texts.map(([, text]) => text.replace(/\r?\n?$/, '\n')).join('')).join('');

const work = mkdtempSync(join(tmpdir(), 'tm-server-log-identity-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('explain-log output is identical to the recorded one', () => {
  it('on every corpus and real server log, the seed, the bench syslog and all logs pasted together', { timeout: 300_000 }, async () => {
    const got: Record<string, string> = {};
    const turn = eventLoopTurns();
    for (const [name, text] of texts) {
      got[name] = digest(parseServerLog(text, name));
      await turn();
    }
    const bench = join(work, 'syslog-100k.log');
    generateSyslog(bench, 100_000);
    got['generated/bench-syslog-100k (file)'] = digest(await readServerLogFile(bench, 'bench'));
    await turn();
    const all = allLogs(30);
    // (the paste of every log 30 times is the longest piece without a turn: 7 s on an idle machine)
    got['generated/all-logs-x30 (paste)'] = digest(parseServerLog(all, 'all'));
    await turn();
    const allFile = join(work, 'all.log');
    writeFileSync(allFile, all);
    got['generated/all-logs-x30 (file)'] = digest(await readServerLogFile(allFile, 'all'));
    // streamed in 64 KiB chunks or pasted whole, the same text reads the same: a line cut by a chunk's end must not read otherwise
    // (a forum's [B] whose [/B] lay in the next chunk did, line-hints.ts hasBbcodeStart)
    expect(got['generated/all-logs-x30 (file)'], 'the file read differs from the paste read').toBe(got['generated/all-logs-x30 (paste)']);
    if (record) writeFileSync(DIGESTS, `${JSON.stringify(got, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(DIGESTS, 'utf8')) as Record<string, string>;
    const differing = Object.keys(got).filter((n) => expected[n] !== got[n]);
    expect(differing).toEqual([]);
    const missing = Object.keys(expected).filter((n) => !(n in got) && (corpusAvailable || !/^(corpus|seed)\//.test(n)));
    expect(missing).toEqual([]);
    expect(Object.keys(got).length).toBeGreaterThan(35);
  });
});

describe('the rule cache never changes what a log says', () => {
  it('every log gives the same entries, counts and report with the cache as with every rule tried in order', { timeout: 300_000 }, async () => {
    const bench = join(work, 'syslog-cache.log');
    generateSyslog(bench, 20_000);
    const all = allLogs(30);
    const inputs: [string, () => Promise<ServerLogResult> | ServerLogResult][] = [...texts.map(([name, text]) => [name, () => parseServerLog(text, name)] as [string, () => ServerLogResult]), ['bench syslog', () => readServerLogFile(bench, 'bench')], ['all logs x30', () => parseServerLog(all, 'all')]];
    const said = async (parse: () => Promise<ServerLogResult> | ServerLogResult) => {
      const log = await parse();
      return JSON.stringify({ log, explained: explainServerLogs([log], t) });
    };
    const differing: string[] = [];
    const turn = eventLoopTurns();
    for (const [name, parse] of inputs) {
      await turn();
      const cached = await said(parse);
      // (all logs x30, read and explained twice without a turn, was 78 s on a loaded CI machine: the watch's limit is 60)
      await turn();
      setTemplateCache(false);
      try {
        if ((await said(parse)) !== cached) differing.push(name);
      } finally {
        setTemplateCache(true);
      }
    }
    expect(differing).toEqual([]);
    expect(inputs.length).toBeGreaterThan(30);
  });
});

describe('a line cut where a read chunk ends reads as the whole line', () => {
  /** the chunks as a file's reader hands them over (readServerLogFile: ChunkLines into ServerLogParser) */
  const streamed = (chunks: readonly string[]): ServerLogResult => {
    const parser = new ServerLogParser('all');
    const lines = new ChunkLines((line, hints, src, at) => parser.pushLine(line, hints, src, at));
    for (const chunk of chunks) lines.push(chunk);
    lines.end();
    return parser.end();
  };
  const said = (log: ServerLogResult) => JSON.stringify({ log, explained: explainServerLogs([log], t) });

  // Chunk sizes prime to each other and to the 64 KiB a file is read in, so the cuts fall at other places of every log: mid-line,
  // mid-CRLF, mid-escape, mid-BBCode, between a record and its continuation lines.
  it.each([97, 997, 4_093, 16_381, 65_536])('every log pasted together once, streamed in chunks of %i characters, reads as pasted', (size) => {
    const all = allLogs(1);
    const chunks: string[] = [];
    for (let at = 0; at < all.length; at += size) chunks.push(all.slice(at, at + size));
    expect(said(streamed(chunks))).toBe(said(parseServerLog(all, 'all')));
    expect(all.length).toBeGreaterThan(8 * size);
  });

  // A chunk that ends where a line does: what a chunk is known not to hold (line-hints.ts) must hold for the lines after it too
  // (the [B] whose [/B] came a chunk later read otherwise). One line per chunk and seven: every line end is a chunk end once.
  it.each([1, 7])('every log pasted together once, streamed %i whole lines per chunk, reads as pasted', (perChunk) => {
    const all = allLogs(1);
    const physical = all.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
    const chunks: string[] = [];
    for (let i = 0; i < physical.length; i += perChunk) chunks.push(physical.slice(i, i + perChunk).join(''));
    expect(said(streamed(chunks))).toBe(said(parseServerLog(all, 'all')));
    expect(physical.join('')).toBe(all);
  });
});
