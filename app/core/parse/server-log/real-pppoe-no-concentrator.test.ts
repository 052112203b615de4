import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * A PPPoE client that never finds an access concentrator (no PADO to its PADIs, RFC 2516 §5.1–5.2): rp-pppoe's `Timeout waiting for
 * PADO packets`, mpd's `PPPoE connection timeout after N seconds`, Cisco IOS's `padi timer expired` (debug vpdn pppoe-events). One class: a failure of this side's own link to its PPPoE server,
 * no finding (no id fits: vpn.server-unreachable is a PC's VPN server, and this is no PC's VPN), and a statement that says what to
 * check — the modem, the cable or VLAN, the provider's line, the service name or AC-Name set on this side.
 */
const en = engineT('en');
const nl = engineT('nl');
const real = (name: string) => readRepoText(`test/fixtures/real/server-logs/${name}`);

describe('no access concentrator answered: the same verdict and what to check, whichever client logged it', () => {
  it.each([
    ['pppd-pppoe-client-rp-pppoe-plugin-docker-padi-unanswered-timeout-pado.txt', 12, 'dialling-side'],
    // (OPNsense's WAN: its link `[wan_link0]` is the firewall's own uplink — mpd.ts isWanLink)
    ['mpd5-freebsd-pppoe-client-mailing-list-quoted-printable-wraps-timeout-pap.txt', 3, 'dialling-router'],
    ['ios-827-pppoe-client-debug-vpdn-pppoe-events-padi-timer-expired-no-pado.txt', 3, 'dialling-router'],
  ])('%s line %i', (name, line, whose) => {
    const log = parseServerLog(real(name), name);
    const e = log.entries.find((x) => x.line === line)!;
    expect(e.outcome).toBe('failure');
    expect(e.cause).toBeUndefined();
    expect(describeEntry(e, en)).toMatch(/DSL or fibre modem.*cable or VLAN.*provider's line.*PPPoE service name or AC-Name.*RFC 2516 §5\.1–5\.2/);
    expect(describeEntry(e, nl)).toMatch(/DSL- of glasvezelmodem.*kabel of het VLAN.*lijn van de provider.*PPPoE-servicenaam of AC-naam.*RFC 2516 §5\.1–5\.2/);
    // no finding, and the log is said to be the dialling side's own (report writtenBy), not "the server log"
    const { findings, serverLogs } = explainServerLogs([log], en);
    expect(findings).toEqual([]);
    expect(serverLogs[0]!.writtenBy).toBe(whose);
  });

  it("IOS's discovery read whole: every line understood; a PADI answered (PADO, PADR, PADS) is no failure", () => {
    const failed = parseServerLog(real('ios-827-pppoe-client-debug-vpdn-pppoe-events-padi-timer-expired-no-pado.txt'));
    expect([failed.unknown, failed.entries.filter((e) => e.outcome === 'failure').length]).toEqual([0, 5]);
    const ok = parseServerLog(real('ios-827-pppoe-client-debug-vpdn-pppoe-events-pado-padr-pads-success.txt'));
    expect(ok.unknown).toBe(0);
    expect(ok.entries.map((e) => e.outcome)).not.toContain('failure');
    expect(describeEntry(ok.entries.find((e) => e.outcome === 'success')!, en)).toBe("PPPoE discovery: the access concentrator confirms this side's session (PADS, RFC 2516 §5.4).");
  });
});
