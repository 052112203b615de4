import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../app/cli/io';
import { runCli } from '../app/cli/main';
import type { Report } from '../app/core/model/report';

/** The issue-7 captures (Windows XP SP3, Windows 11) through the real CLI with their policies. */
async function scan(dir: string, lang = 'en'): Promise<{ code: number; report: Report; stderr: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, confirm: async () => false, env: {} };
  const sample = resolve(__dirname, '..', 'samples', dir);
  const code = await runCli(['scan', '--capture', sample, '--policy', resolve(sample, 'policy.json'), '--json', '--lang', lang], io);
  if (!out) throw new Error(`scan ${dir} exited ${code}: ${err}`);
  return { code, report: JSON.parse(out) as Report, stderr: err };
}

const ids = (r: Report) => r.findings.map((f) => f.id).sort();
const find = (r: Report, id: string) => r.findings.find((f) => f.id === id)!;

describe('scan --capture on the issue-7 samples', () => {
  it('Windows XP SP3: KeepRasConnections, silent cached logon, LMHOSTS off, malformed, and without the Q180094 lines', async () => {
    const { code, report, stderr } = await scan('xp-registry');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(report.snapshot.os).toMatchObject({ family: 'nt5', servicePack: 'Service Pack 3' });
    expect(ids(report)).toEqual(['lmhosts.lookup-disabled', 'lmhosts.missing-domain-entries', 'lmhosts.syntax', 'logon.cached-credentials-silent', 'ras.keep-connections-disabled']);
    const keep = find(report, 'ras.keep-connections-disabled');
    expect(keep.evidence.map((e) => e.text)).toContain('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon  KeepRasConnections: not set');
    expect(keep.fixes[0]!.actions).toEqual([
      { kind: 'registry.set', key: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon', name: 'KeepRasConnections', type: 'REG_SZ', data: '1', view: 64, previous: { absent: true }, keyExisted: true },
    ]);
    const logon = find(report, 'logon.cached-credentials-silent');
    expect(logon.evidence.map((e) => e.text)).toEqual(expect.arrayContaining([expect.stringContaining('CachedLogonsCount  REG_SZ  10')]));
    expect(logon.fixes[0]!.actions.map((a) => a.kind)).toEqual(['registry.set', 'registry.delete']);
    expect(logon.fixes[0]!.actions[0]).toMatchObject({ name: 'ReportControllerMissing', data: 'TRUE', previous: { type: 'REG_SZ', data: 'false' } });
    // CachedLogonsCount is never touched
    expect(JSON.stringify(logon.fixes)).not.toContain('"CachedLogonsCount"');
    const syntax = find(report, 'lmhosts.syntax');
    expect(syntax.evidence.map((e) => e.line)).toEqual([2, 3, 5]);
    const missing = find(report, 'lmhosts.missing-domain-entries');
    expect(missing.fixes[0]!.script.cmd).toContain(':replacefile');
    const replace = missing.fixes[0]!.actions[1]!;
    expect(replace.kind === 'file.replace' && replace.content.endsWith('10.13.1.10  DC1  #PRE  #DOM:CORP\r\n10.13.1.10  "CORP           \\0x1B"  #PRE\r\n#END TunnelMedic\r\n')).toBe(true);
  });

  it('Windows 11: RasMan KeepRasConnections missing, no logon-server policy, LMHOSTS without the domain lines (Dutch texts)', async () => {
    const { code, report, stderr } = await scan('win11-registry', 'nl');
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(ids(report)).toEqual(['lmhosts.missing-domain-entries', 'logon.cached-credentials-silent', 'ras.keep-connections-disabled']);
    expect(find(report, 'ras.keep-connections-disabled').title).toBe('De VPN wordt verbroken als u zich afmeldt');
    expect(find(report, 'ras.keep-connections-disabled').fixes[0]!.actions[0]).toMatchObject({ key: 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\RasMan\\Parameters', type: 'REG_DWORD', data: 1, previous: { absent: true } });
    expect(find(report, 'logon.cached-credentials-silent').fixes[0]!.actions[0]).toMatchObject({ key: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System', type: 'REG_DWORD', data: 1 });
    const replace = find(report, 'lmhosts.missing-domain-entries').fixes[0]!.actions[1]!;
    // two controllers: two #DOM lines (KB 192064), one 1B line; the file's CRLF is kept
    expect(replace.kind === 'file.replace' && replace.content.endsWith('10.13.1.11  DC2  #PRE  #DOM:CORP\r\n10.13.1.10  "CORP           \\0x1B"  #PRE\r\n#END TunnelMedic\r\n')).toBe(true);
    // a reload before the write (so the undo, run newest first, ends with one too) says why it is there; the last says what it does
    const steps = find(report, 'lmhosts.missing-domain-entries').fixes[0]!.steps;
    expect(steps[0]).toBe('Eerst de NetBIOS-naamcache opnieuw laden (nbtstat -R), zodat ook het ongedaan maken eindigt met een verse cache');
    expect(steps[2]).toBe('De NetBIOS-naamcache opnieuw laden, zodat Windows de nieuwe regels meteen gebruikt (nbtstat -R)');
  });

  it('without a domain in the policy: an info finding asks for it', async () => {
    let out = '';
    const io: CliIo = { stdout: (t) => (out += t), stderr: () => undefined, isTTY: false, confirm: async () => false, env: {} };
    await runCli(['scan', '--capture', resolve(__dirname, '..', 'samples', 'win11-registry'), '--json'], io);
    const f = (JSON.parse(out) as Report).findings.find((x) => x.id === 'lmhosts.missing-domain-entries')!;
    expect(f.severity).toBe('info');
    expect(f.fixes).toEqual([]);
  });
});
