import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tarOf } from '../../test/support/tar-of';
import { MAX_SERVER_LOG_CHARS } from '../shared/limits';
import { OpenedLogs } from './opened-logs';

/**
 * A log file the app reads in full (main's open dialog chose it): any size, gzip, a tar archive of logs, each log explained as a
 * paste is, another log of the archive by the id it gave — and nothing else by that id.
 */
const fixture = (name: string): Buffer => readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'real', 'server-logs', name));
const GRE = fixture('netfilter-ufw-block-gre-pptp-client-networkmanager-lcp-timeout-smiley-blanks.txt');
const PLUTO = fixture('pluto-xauth-password-file-user-found-wrong-password.txt');
const dir = mkdtempSync(join(tmpdir(), 'tm-opened-'));
const file = (name: string, body: Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
};

describe('OpenedLogs', () => {
  it('reads a log bigger than the paste box takes, all of it, under its file name', async () => {
    // the ufw log repeated past 4 MB: every copy's lines counted, the GRE finding made, labelled by the file's name alone
    const copies = Math.ceil((MAX_SERVER_LOG_CHARS + 1) / GRE.length) + 1;
    const big = file('syslog.1', Buffer.from(GRE.toString('utf8').repeat(copies)));
    const r = await new OpenedLogs().open(big, { language: 'en' });
    expect(r.explanation.serverLog.records).toBe(42 * copies);
    expect(r.explanation.serverLog.understood).toBe(42 * copies);
    expect(r).toMatchObject({ opened: true, fileName: 'syslog.1', logs: ['syslog.1'], index: 0, notes: [] });
    expect(r.explanation.serverLog.source).toBe('syslog.1');
    expect(r.explanation.findings.map((f) => f.id)).toContain('vpn.gre-blocked');
    expect(r.explanation.findings[0]!.evidence.every((e) => !e.source.includes(dir))).toBe(true);
  });

  it('a tar.gz of logs: each text file its own log, picked by index, labelled archive › file; a binary file left out', async () => {
    const tgz = file('logs.tar.gz', gzipSync(await tarOf([['var/log/wtmp', Buffer.alloc(9000, 7)], ['var/log/syslog', GRE], ['var/log/pluto.log', PLUTO]])));
    const opened = new OpenedLogs();
    const first = await opened.open(tgz, { language: 'nl' });
    expect(first.logs).toEqual(['var/log/syslog', 'var/log/pluto.log']);
    expect(first.explanation.serverLog.source).toBe('logs.tar.gz › syslog');
    expect(first.explanation.findings[0]!.id).toBe('vpn.gre-blocked');
    const second = opened.explainOpened(first.openId, 1, { language: 'nl' });
    expect(second).toMatchObject({ openId: first.openId, index: 1 });
    expect(second.explanation.serverLog.source).toBe('logs.tar.gz › pluto.log');
    expect(second.explanation.findings.map((f) => f.id)).toContain('vpn.auth-mismatch');
    // in the language asked for at that moment
    expect(second.explanation.serverLog.message).toMatch(/logregels begrepen/);
  });

  it('a gzip file cut short: what came before is read, and the note says so in the language asked', async () => {
    const packed = gzipSync(Buffer.from(GRE.toString('utf8').repeat(40)));
    const cut = file('syslog.3.gz', packed.subarray(0, packed.length >> 1));
    const r = await new OpenedLogs().open(cut, { language: 'nl' });
    expect(r.explanation.serverLog.verdict).toBe('ok');
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toContain('syslog.3.gz');
    expect(r.notes[0]).not.toMatch(/damaged/);
  });

  it('an id not given, an index past the logs, or a file opened since: UNKNOWN_OPENED_LOG; a missing file: BAD_INPUT-worded error', async () => {
    const opened = new OpenedLogs();
    expect(() => opened.explainOpened('nothing-open', 0, { language: 'en' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_OPENED_LOG' }));
    const a = await opened.open(file('a.log', GRE), { language: 'en' });
    expect(() => opened.explainOpened(a.openId, 1, { language: 'en' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_OPENED_LOG' }));
    const b = await opened.open(file('b.log', PLUTO), { language: 'en' });
    expect(b.openId).not.toBe(a.openId);
    expect(() => opened.explainOpened(a.openId, 0, { language: 'en' })).toThrow(expect.objectContaining({ code: 'UNKNOWN_OPENED_LOG' }));
    await expect(opened.open(join(dir, 'gone.log'), { language: 'en' })).rejects.toThrow();
  });
});
