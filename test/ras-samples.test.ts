import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../app/cli/io';
import { runCli } from '../app/cli/main';
import type { Report } from '../app/core/model/report';

/**
 * The three hand-written legacy/modern captures of issue 5 through the real CLI
 * (`tunnelmedic scan --capture DIR --json`): the findings each must give, and nothing crashing.
 */
async function scan(dir: string, lang = 'en'): Promise<{ code: number; report: Report; stderr: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false, confirm: async () => false, env: {} };
  const code = await runCli(['scan', '--capture', resolve(__dirname, '..', 'samples', dir), '--json', '--lang', lang], io);
  if (!out) throw new Error(`scan ${dir} exited ${code}: ${err}`);
  return { code, report: JSON.parse(out) as Report, stderr: err };
}

const ids = (r: Report) => r.findings.map((f) => f.id).sort();

describe('scan --capture on the issue-5 samples', () => {
  it('Windows 11 with 734, 806 and 742 failures: auth, GRE and encryption findings, each with its event and profile', async () => {
    const { code, report } = await scan('win11-ras-errors');
    expect(code).toBe(1);
    expect(ids(report)).toEqual(['vpn.auth-mismatch', 'vpn.encryption-mismatch', 'vpn.gre-blocked']);
    const auth = report.findings.find((f) => f.id === 'vpn.auth-mismatch')!;
    expect(auth.severity).toBe('critical');
    expect(auth.summary).toContain('Corp Legacy');
    expect(auth.summary).toContain('failed 2 times');
    expect(auth.summary).toMatch(/only PAP, CHAP/);
    expect(auth.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['rasclient-events.txt', 'pbk/rasphone.pbk']));
    const gre = report.findings.find((f) => f.id === 'vpn.gre-blocked')!;
    expect(gre.summary).toContain('Branch PPTP');
    expect(gre.summary).toContain('IP protocol 47');
    const enc = report.findings.find((f) => f.id === 'vpn.encryption-mismatch')!;
    expect(enc.summary).toContain('Partner L2TP');
    expect(enc.summary).toContain('requires encryption (maximum strength)');
    expect(report.snapshot.vpnProfiles).toHaveLength(3);
    expect(report.snapshot.events).toHaveLength(7);
    expect(report.snapshot.problems).toEqual([]);
  });

  it('the same capture in Dutch', async () => {
    const { report } = await scan('win11-ras-errors', 'nl');
    expect(report.findings.find((f) => f.id === 'vpn.gre-blocked')!.title).toContain('komt niet door');
  });

  it('Windows NT 4.0 SP5 128-bit: the Q236584 finding, critical, with CSDVersion and ndiswan.sys as evidence', async () => {
    const { code, report } = await scan('nt4-sp5');
    expect(code).toBe(1);
    expect(report.snapshot.os).toMatchObject({ family: 'nt4', servicePack: 'Service Pack 5' });
    expect(ids(report)).toEqual(['os.nt4-service-pack']);
    const f = report.findings[0]!;
    expect(f.severity).toBe('critical');
    expect(f.summary).toContain('Q236584');
    expect(f.evidence.map((e) => e.text).join('\n')).toContain('Domestic Use Only');
  });

  it('Windows 95 OSR2: DUN 1.1 (RASAPI32.DLL 4.00.1111) is older than 1.3', async () => {
    const { code, report } = await scan('win95-osr2');
    expect(code).toBe(1);
    expect(report.snapshot.os.family).toBe('win9x');
    expect(ids(report)).toEqual(['ras.dun-too-old']);
    expect(report.findings[0]!.summary).toContain('4.00.1111');
    expect(report.findings[0]!.summary).toContain('OSR2');
  });
});
