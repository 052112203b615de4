import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { readRepoText } from '../../../../test/support/repo-files';
import { explainServerLogs } from '../../diagnose/server-log';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * strongSwan as an IKEv1 XAUTH server (families/strongswan.ts says where each line comes from): the log-in refused is
 * xauth-rejected — an iPhone, Mac, Android or Cisco client, no Windows error — and xauth-generic's line next to it says why.
 * Real lines: opnsense/core#4438, copied from OPNsense's log view as a table (test/fixtures/real/SOURCES.md).
 */

const en = engineT('en');
const nl = engineT('nl');
const OPNSENSE = 'charon-opnsense-log-view-xauth-failed-no-xauth-secret-found.txt';

const EXPECTED: Record<string, RealServerLogRow> = {
  // the whole copy was unknown: OPNsense's `time | process | line` row, then charon's XAuth lines
  [OPNSENSE]: {
    records: 3,
    understood: 3,
    families: { strongswan: 3 },
    causes: [[1, 'xauth-rejected']],
    says: [
      [1, 'The user failed authentication (XAUTH): check the user name and password. User name: ${USER}.'],
      [2, 'The server has no XAUTH password for user ${USER} (no XAUTH secret in ipsec.secrets for that user)'],
      [3, 'User ${USER} logged in (XAUTH).'],
    ],
    user: '${USER}',
  },
};

const says = (line: string, t = en) => {
  const e = parseServerLog(`${line}\n`).entries[0];
  return e ? { family: e.family, outcome: e.outcome, cause: e.cause, program: e.program, says: describeEntry(e, t) } : undefined;
};

describe('strongSwan XAUTH (real)', () => {
  realServerLogTable(EXPECTED);

  it('the refusal is vpn.auth-mismatch worded as XAUTH (no Windows 691); logged in later, no longer a problem', () => {
    const text = readRepoText(`test/fixtures/real/server-logs/${OPNSENSE}`);
    const refusedOnly = text.split('\n').slice(0, 2).join('\n');
    const [f, ...more] = explainServerLogs([parseServerLog(refusedOnly, 'x.log')], en).findings;
    expect(more).toEqual([]);
    expect(f).toMatchObject({ id: 'vpn.auth-mismatch', title: "The server's XAUTH refused the user name or password: the device is not a Windows built-in VPN client" });
    expect(f!.summary).toContain("Windows' own VPN client never uses XAUTH");
    expect(explainServerLogs([parseServerLog(refusedOnly, 'x.log')], nl).findings[0]!.title).toBe(engineT('nl')('serverLog.cause.xauth-rejected.title'));
    expect(explainServerLogs([parseServerLog(text, 'x.log')], en).findings.map((g) => [g.id, g.severity])).toEqual([['vpn.auth-mismatch', 'info']]);
  });

  it("charon's other XAuth wordings: a wrong password, this side refused as a client, its own log-in accepted", () => {
    expect(says("Nov  2 00:25:07 fw charon: 15[IKE] <con1|3> none of 2 found XAuth secrets for 'vpn.example.org' - 'bob' matched")).toMatchObject({ family: 'strongswan', outcome: 'failure', says: "The password user bob sent matches none of the server's XAUTH passwords for that user." });
    const own = says("Nov  2 00:25:07 rw charon: 09[IKE] XAuth authentication of 'bob' (myself) failed");
    expect(own).toMatchObject({ outcome: 'failure', says: "The other side refused this side's XAUTH log-in as bob: check the user name and password this side sends." });
    expect(own!.cause).toBeUndefined();
    expect(says("Nov  2 00:25:07 rw charon: 09[IKE] XAuth authentication of 'angel' (myself) successful")).toMatchObject({ outcome: 'success', says: 'User angel logged in (XAUTH).' });
    expect(says("Nov  2 00:25:07 fw charon: 15[IKE] <con1|3> XAuth authentication of 'bob' failed", nl)!.says).toContain('XAUTH');
  });

  it("OPNsense's log view row: the time, the process with its pid, the line; a bar without a process after the time stays the message", () => {
    expect(says("2020-11-02T00:25:07 | charon[38591] | 15[IKE] <con1\\|3> XAuth authentication of 'bob' failed")).toMatchObject({ family: 'strongswan', program: 'charon', cause: 'xauth-rejected' });
    expect(says('2020-11-02T00:25:07 | 15[IKE] something')?.program).toBeUndefined();
  });
});
