import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { realServerLogTable, REAL_SERVER_LOGS, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { explainServerLogs } from '../../diagnose/server-log';
import { logWrittenBy } from '../../diagnose/server-log/log-side';
import { parseServerLog } from './index';

/**
 * Held-out real Windows RRAS logs (round 40, test/fixtures/real/server-logs, sources in SOURCES.md), read as a help desk would: a
 * RemoteAccess / Router event 20111 (ROUTERLOG_CONNECTION_ATTEMPT_FAILED) pasted as text — the server's own call to another router on
 * a demand-dial interface, a site-to-site link — said nothing (no id known, its reason a RAS error's text); 20095
 * (ROUTERLOG_CANT_RECEIVE_BYTES) neither; the RAS errors 614 (out of buffers), 651 (the device reported an error) and 919 (the other
 * side refused to authenticate itself) were not read from their texts. A demand-dial failure is the router's, not a PC's: its
 * statement carries `role: 'site'`, and a log with only that is a router's in a tunnel with another router; with a server's own
 * statements beside it the log stays the server's.
 */

const t = engineT('en');
const nl = engineT('nl');
const read = (file: string) => parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file);

const TWO_WAY = 'rras-nt4-kb193843-router-20111-demand-dial-two-way-auth-peer-refused.txt';
const DEVICE = 'rras-nt4-kb183382-router-20111-demand-dial-modem-reported-an-error.txt';
const BUFFERS = 'rras-nt4-kb172290-router-20073-20095-20111-out-of-buffers.txt';
const NOT_LOADED = 'rras-nt4-kb175793-router-20105-demand-dial-no-routing-ports-20108-port-already-open.txt';
const IDLE = 'rras-nt4-kb177399-router-20139-idle-disconnect-information.txt';

const EXPECTED: Record<string, RealServerLogRow> = {
  // (was 1 of 1 with nothing said)
  [TWO_WAY]: {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'auth-protocol-mismatch']],
    says: [[1, "The server's own call to another router (its demand-dial interface, a site-to-site link) failed with Windows error 919 (RRAS event 20111, ROUTERLOG_CONNECTION_ATTEMPT_FAILED)"]],
  },
  // (was 1 of 1 with nothing said)
  [DEVICE]: {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'ras-error']],
    says: [[1, 'failed with Windows error 651 (RRAS event 20111']],
  },
  // (was 3 of 3, only the first stated, without its error)
  [BUFFERS]: {
    records: 3,
    understood: 3,
    families: { rras: 3 },
    causes: [[1, 'ras-error'], [6, 'ras-error'], [11, 'ras-error']],
    says: [
      [1, 'with Windows error 614 (RRAS event 20073, ROUTERLOG_PPP_FAILURE)'],
      [6, 'A call to the VPN server was dropped before its first data came in: Windows error 614 (RRAS event 20095, ROUTERLOG_CANT_RECEIVE_BYTES)'],
      [11, 'failed with Windows error 614 (RRAS event 20111, ROUTERLOG_CONNECTION_ATTEMPT_FAILED)'],
    ],
  },
  // (was 2 of 2 with nothing said)
  [NOT_LOADED]: {
    records: 2,
    understood: 2,
    families: { rras: 2 },
    causes: [[1, 'ras-error'], [8, 'ras-error']],
    says: [
      [1, 'The server could not load its demand-dial interface (its own connection to another router) with Windows error 925 (RRAS event 20105, ROUTERLOG_COULDNT_LOAD_IF)'],
      [8, 'The VPN server could not open one of its ports: Windows error 602 (RRAS event 20108, ROUTERLOG_UNABLE_TO_OPEN_PORT)'],
    ],
  },
  // (was 1 of 1 with nothing said)
  [IDLE]: {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [],
    says: [[1, 'A connection was hung up because it was idle for the time set on the server (RRAS event 20139, ROUTERLOG_CLIENT_AUTODISCONNECT): normal, nothing failed.']],
  },
};

describe('held-out real Windows RRAS logs (round 40)', () => {
  realServerLogTable(EXPECTED);

  it("a demand-dial failure is the router's own: the log is a site router's, the advice the two routers' and no PC's", () => {
    const r = read(TWO_WAY);
    expect(r.entries.map((e) => e.code)).toEqual([919]);
    expect(logWrittenBy(r.entries)).toBe('site-router');
    const f = explainServerLogs([r], t).findings;
    expect(f.map((x) => [x.id, x.title])).toEqual([['vpn.auth-mismatch', t('serverLog.causeAsSite.auth-protocol-mismatch.title')]]);
    expect(f[0]!.summary).not.toContain(t('serverLog.cause.auth-protocol-mismatch.pc'));
    expect(explainServerLogs([r], nl).findings[0]!.title).toBe(nl('serverLog.causeAsSite.auth-protocol-mismatch.title'));
    expect(logWrittenBy(read(DEVICE).entries)).toBe('site-router');
    // a demand-dial interface that could not load is the router's own too
    expect(logWrittenBy(read(NOT_LOADED).entries)).toBe('site-router');
    // an idle hang-up is a notice: no finding
    expect(read(IDLE).entries.map((e) => e.outcome)).toEqual(['info']);
    expect(explainServerLogs([read(IDLE)], t).findings).toEqual([]);
  });

  it("a server's statements about calls it answered keep the log the server's beside its own demand-dial call", () => {
    const r = read(BUFFERS);
    expect(r.entries.map((e) => e.code)).toEqual([614, 614, 614]);
    expect(logWrittenBy(r.entries)).toBeUndefined();
  });

  it("20111 by its data (the event's XML) carries the code and the router's side; the other router's refusal of its password is the router's to fix", () => {
    const xml = (dword: string) =>
      `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="RemoteAccess" /><EventID Qualifiers="0">20111</EventID><Level>2</Level><TimeCreated SystemTime="2016-03-18T13:26:02.000000000Z" /><Channel>System</Channel><Computer>RRAS1</Computer></System><EventData><Data>AzureGateway</Data><Data>VPN2-4</Data><Data>The remote connection was denied because the user name and password combination you provided is not recognized.</Data><Binary>${dword}</Binary></EventData></Event>`;
    // 0x2B3 = 691, little-endian
    const r = parseServerLog(xml('B3020000'), 'x.xml');
    expect(r.entries.map((e) => [e.cause, e.code])).toEqual([['credentials-rejected', 691]]);
    expect(logWrittenBy(r.entries)).toBe('site-router');
    expect(explainServerLogs([r], t).findings[0]!.title).toBe(t('serverLog.causeAsSite.credentials-rejected.title'));
    // 0x397 = 919
    expect(parseServerLog(xml('97030000'), 'x.xml').entries.map((e) => [e.cause, e.code])).toEqual([['auth-protocol-mismatch', 919]]);
  });

  it("NT's RAS service (no routing) is not read as a demand-dial by RRAS's id, and a reason text no RAS error has leaves the code unknown", () => {
    const nt = parseServerLog('Event ID: 20111\nSource: Remote Access Service\nDescription: something else on port COM1.', 'x.txt');
    expect(nt.entries.every((e) => e.cause === undefined)).toBe(true);
    const unknown = parseServerLog('Event ID: 20111\nSource: RemoteAccess\nDescription: A Demand Dial connection to the remote interface HQ on port VPN2-1 was successfully initiated but failed to complete successfully because of the following error: Zzz.', 'x.txt');
    expect(unknown.entries.map((e) => [e.cause, e.code])).toEqual([[undefined, undefined]]);
    expect(unknown.entries[0]!.decoded[0]!.key).toBe('rrasEventDemandDialFailedUnknown');
  });
});
