import { describe, expect, it } from 'vitest';
import { readRepoText } from './support/repo-files';
import { engineT } from '../app/core/i18n';
import { parseServerLog } from '../app/core/parse/server-log';
import { explainServerLogs } from '../app/core/diagnose/server-log';

/**
 * strongSwan's kernel refusing a Child SA's policy (`unable to install policy A === B dir for reqid N, the same policy for reqid M
 * exists`, then `unable to install IPsec policies (SPD) in kernel`): the networks were agreed and no algorithm is at fault — this
 * host's kernel holds the same policy for another Child SA already. No cause id fits (README's id table, under
 * server.traffic-selector-mismatch, says why): each line is a warning that says so, and the report names no cause rather than a wrong
 * one (not the traffic selectors, not the proposals).
 */
const real = (name: string) => readRepoText(`test/fixtures/real/server-logs/${name}`);
const REFUSALS = new Set(['step.charonPolicyTaken', 'step.charonKernelInstallFailed']);

describe("strongSwan's kernel refusing a Child SA's policy: a warning, no cause", () => {
  const rows: [string, number][] = [
    // a rekey towards a Cisco ASA racing the old Child SA (strongswan #1150): two policies refused, then the SPD as a whole
    ['charon-systemd-rekey-policy-exists-other-reqid-wrapped-spd-install-failed.txt', 3],
    // a PC connecting again each second while its old Child SA still holds its virtual IP's policy (trailofbits/algo #963)
    ['charon-cfg-policy-exists-same-virtual-ip-reconnect-repeated-reqids.txt', 8],
  ];
  it.each(rows)('%s', (name, refused) => {
    const log = parseServerLog(real(name), name);
    const lines = log.entries.filter((e) => e.decoded.some((dd) => REFUSALS.has(dd.key)));
    expect(lines).toHaveLength(refused);
    for (const e of lines) {
      expect(e.outcome).toBe('warning');
      expect(e.cause).toBeUndefined();
    }
    const { findings } = explainServerLogs([log], engineT('en'));
    expect(findings.map((f) => f.id)).not.toContain('server.traffic-selector-mismatch');
    expect(findings.map((f) => f.id)).not.toContain('server.ike-proposal-mismatch');
  });
  it('the statement names the policy, the direction and both Child SAs (en, nl)', () => {
    const name = 'charon-cfg-policy-exists-same-virtual-ip-reconnect-repeated-reqids.txt';
    for (const language of ['en', 'nl'] as const) {
      const { serverLogs } = explainServerLogs([parseServerLog(real(name), name)], engineT(language));
      const text = JSON.stringify(serverLogs[0]);
      expect(text).toContain('0.0.0.0/0 === 10.19.48.3/32');
      expect(text).toContain('reqid 19');
    }
  });
});
