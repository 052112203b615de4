import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../../test/support/repo-files';
import { explainServerLogs } from '../../../diagnose/server-log';
import { engineT } from '../../../i18n';
import { describeEntry } from '../describe';
import { parseServerLog } from '../index';

/** A DrayTek answering another router's LAN-to-LAN dial-in names it "the other router" (draytek-site.ts): by the network it asks for. */

const en = engineT('en');
const nl = engineT('nl');
const REAL = readRepoText('test/fixtures/real/server-logs/draytek-syslog-explorer-dial-in-psk-mismatch-then-phase2-proposals-refused-newest-first.txt');
const lines = REAL.split('\n');
const at = (text: string, line: number, t = en) => describeEntry(parseServerLog(text, 'vigor.log').entries.find((e) => e.line === line)!, t);
const proposal = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'vigor.log')], t).findings.find((f) => f.id === 'server.ike-proposal-mismatch')!;
/** the real attempt of 51.155.99.248 (rows 50–69, newest first), its network row's value replaced */
const attempt = (network: string) => [lines[0]!, ...lines.slice(49, 69)].join('\n').replace('setting is 10.0.33.0/24', `setting is ${network}`);
/** the same rows as a syslog file keeps them, oldest first (no table head) */
const oldestFirst = (network: string) => attempt(network).split('\n').slice(1).reverse().map((l) => l.replace(/^ (\S+ \S+)\t /, '$1 ')).join('\n');

describe('the network the other side asks for in Quick Mode tells a router from a PC', () => {
  it('the real newest-first copy: 10.0.33.0/24 behind 51.155.99.248, its phase 2 refusal is the two routers\' (en, nl)', () => {
    expect(at(REAL, 53)).toBe("The DrayTek refused the other router's IPsec phase 2 (Quick Mode) proposals. No proposal chosen: the other router's encryption, hash or Diffie-Hellman choices match nothing this router allows.");
    expect(proposal(REAL).title).toBe('This router and the other router have no IPsec proposal in common');
    expect(proposal(REAL, nl).title).toBe('Deze router en de andere router hebben geen IPsec-voorstel gemeen');
    expect(at(REAL, 53, nl)).toMatch(/van de andere router\./);
    // (the other addresses' attempts show no network: their pre-shared key lines keep the PC)
    expect(at(REAL, 16)).toMatch(/^The pre-shared key of the PC/);
  });

  it.each([
    ['newest first', attempt],
    ['oldest first', oldestFirst],
  ])('%s: a network says a router, one address or everything a PC', (_order, log) => {
    const refusal = (network: string) => {
      const text = log(network);
      return at(text, text.split('\n').findIndex((l) => l.includes('Parse dial-in phase2 SA proposals failed')) + 1);
    };
    expect(refusal('192.168.10.0/24')).toMatch(/^The DrayTek refused the other router's/);
    expect(refusal('192.168.10.7/32')).toMatch(/^The DrayTek refused the PC's/);
    expect(refusal('0.0.0.0/0')).toMatch(/^The DrayTek refused the PC's/);
  });
});
