import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeDecoded } from './describe';
import { parseServerLog } from './index';

/**
 * Windows events a forwarder sent to a syslog server (families/forwarded-event.ts): Snare's MSWinEventLog record in the layout
 * its documentation gives (TIBCO LogLogic "Event Output Format", Trellix's Snare for Windows page; the real record of a collector's
 * test is in real-rras.test.ts), and a line tagged with the event's source as NXLog's BSD syslog output writes it. The events are
 * RRAS's and the PC's, their messages mprlog.h's and RasClient's English texts; names and addresses made up.
 */
const t = engineT('en');
const said = (text: string) => {
  const r = parseServerLog(text);
  return { r, says: r.entries.map((e) => e.decoded.map((dd) => describeDecoded(dd, t)).join(' ')) };
};

const TAB = '\t';
const snare = (head: string, id: number, source: string, level: string, message: string, year = ' 2026') =>
  [`${head}MSWinEventLog`, '1', 'System', '123', `Sat Dec 05 09:12:01${year}`, String(id), source, 'N/A', 'N/A', level, 'RRAS01', 'None', '', message, '45'].join(TAB);
const AUTH_FAILED = 'CoId={NA}: The user CONTOSO\\bob connected from 198.51.100.7 but failed an authentication attempt due to the following reason: The specified user account does not exist.';

describe('Snare records (MSWinEventLog)', () => {
  it('reads an RRAS event after a syslog header by its id and source: the cause, the code, the user and the PC', () => {
    const { r, says } = said(snare('<14>Dec  5 09:12:01 RRAS01 ', 20271, 'RemoteAccess', 'Warning', AUTH_FAILED));
    expect(r.understood).toBe(1);
    expect(r.families).toEqual({ rras: 1 });
    expect(r.entries[0]).toMatchObject({ cause: 'credentials-rejected', code: 691, user: 'CONTOSO\\bob', peer: '198.51.100.7', host: 'RRAS01' });
    expect(says[0]).toBe('A user failed to log on to the VPN server (RRAS event 20271, ROUTERLOG_NTAUTH_FAILURE_EX); the PC shows error 691.');
  });

  it("judges by the id, not the words: a translated message gives the same event and cause", () => {
    const { r } = said(snare('<14>Dec  5 09:12:01 RRAS01 ', 20271, 'RemoteAccess', 'Waarschuwing', 'CoId={NA}: De gebruiker CONTOSO\\bob heeft verbinding gemaakt vanaf 198.51.100.7, maar de verificatie is mislukt.'));
    // (no error code in a translated message: none assumed — round 44; before, 691)
    expect(r.entries[0]).toMatchObject({ cause: 'ras-error', peer: '198.51.100.7' });
    expect(r.entries[0]!.code).toBeUndefined();
  });

  it("reads Snare's own line (HOST, tab, MSWinEventLog) and takes the event's time from its SubmitTime", () => {
    const { r, says } = said(snare(`RRAS01${TAB}`, 20272, 'RemoteAccess', 'Information', 'CoId={NA}: The user CONTOSO\\ann connected on port VPN2-4 on 12/5/2026 at 9:12 AM and disconnected on 12/5/2026 at 9:13 AM.  The user was active for 1 minutes 2 seconds.  1234 bytes were sent and 567 bytes were received. The reason for disconnecting was user request. The tunnel used was WAN Miniport (SSTP).'));
    expect(r.unknown).toBe(0);
    expect(r.entries[0]!.time).toEqual({ year: 2026, month: 12, day: 5, hour: 9, minute: 12, second: 1 });
    expect(says[0]).toContain('over WAN Miniport (SSTP) ended after 1 min 2 s');
  });

  it('reads one after an RFC 5424 header, and a SubmitTime without its year or in another language leaves the header time', () => {
    const { r } = said(`${snare('<13>1 2026-12-05T08:12:01.5Z RRAS01 - - - - ', 20227, 'RasClient', 'Error', 'CoId={8A8B0F6B-0C6A-4D39-9B0E-0A1F2E3D4C5B}: The user CONTOSO\\bob dialed a connection named Work which has failed. The error code returned on failure is 809.', '')}\n${snare('<14>Dec  5 09:12:01 RRAS01 ', 20271, 'RemoteAccess', 'Warning', AUTH_FAILED).replace('Sat Dec 05 09:12:01 2026', 'sam. déc. 05 09:12:01 2026')}`);
    expect(r.unknown).toBe(0);
    expect(r.entries.map((e) => e.code)).toEqual([809, 691]);
    expect(r.entries[0]!.time).toMatchObject({ year: 2026, month: 12, day: 5, hour: 8 });
    expect(r.entries[1]!.time).toEqual({ month: 12, day: 5, hour: 9, minute: 12, second: 1 });
  });

  it("reads a copy whose tabs became blanks: the id and source, and the RasClient code — not Snare's trailing counter", () => {
    const failed = snare('Dec  5 09:12:01 PC1 ', 20227, 'RasClient', 'Error', 'CoId={8A8B0F6B-0C6A-4D39-9B0E-0A1F2E3D4C5B}: The user CONTOSO\\bob dialed a connection named Work which has failed. The error code returned on failure is 809.');
    for (const blank of ['  ', ' ']) {
      const r = parseServerLog(failed.replace(/\t/g, blank));
      expect([blank, r.understood, r.entries[0]?.code, r.entries[0]?.cause]).toEqual([blank, 1, 809, 'ras-error']);
    }
  });

  it("is a record of its own after a pasted event, not that event's text", () => {
    const r = parseServerLog(`Log Name:      System\nSource:        RemoteAccess\nEvent ID:      20271\nDescription:\nCoId={NA}: The user CONTOSO\\ann connected from 203.0.113.9 but failed an authentication attempt due to the following reason: The specified user account does not exist.\n${snare(`RRAS01${TAB}`, 20271, 'RemoteAccess', 'Warning', AUTH_FAILED)}`);
    expect(r.records).toBe(2);
    expect(r.entries.map((e) => e.peer)).toEqual(['203.0.113.9', '198.51.100.7']);
  });

  it('leaves a line that only names MSWinEventLog in a sentence, and a record without an event id, unknown', () => {
    const r = parseServerLog(`Our collector shows MSWinEventLog${TAB}records from the server\nRRAS01${TAB}MSWinEventLog${TAB}1${TAB}System${TAB}no time here`);
    expect(r.understood).toBe(0);
    expect(r.unknown).toBe(2);
  });
});

describe('events tagged with their source (NXLog BSD syslog)', () => {
  it('reads RemoteAccess by its English text where the id is missing, and names both ids the text has', () => {
    const { r, says } = said('Dec  5 09:14:02 RRAS01 RemoteAccess[1234]: The user CONTOSO\\bob connected from 198.51.100.7 but failed an authentication attempt due to the following reason: The specified user account does not exist.');
    expect(r.families).toEqual({ rras: 1 });
    expect(r.entries[0]).toMatchObject({ cause: 'credentials-rejected', code: 691, user: 'CONTOSO\\bob', peer: '198.51.100.7' });
    expect(says[0]).toBe('A user failed to log on to the VPN server (RRAS event 20189/20271, ROUTERLOG_NTAUTH_FAILURE_EX); the PC shows error 691.');
  });

  it('says a translated RemoteAccess message is an event of that source, with no cause guessed from its words', () => {
    const { r, says } = said('Dec  5 09:16:02 RRAS01 RemoteAccess[1234]: De gebruiker CONTOSO\\bob heeft verbinding gemaakt vanaf 198.51.100.7 maar de verificatie is mislukt.');
    expect(r.understood).toBe(1);
    expect(r.entries[0]!.cause).toBeUndefined();
    expect(says[0]).toBe('An event from RemoteAccess (the line does not hold its number).');
  });

  it("reads the PC's RasClient failure by its code", () => {
    const { r } = said('Dec  5 09:15:02 PC1 RasClient[99]: CoId={8A8B0F6B-0C6A-4D39-9B0E-0A1F2E3D4C5B}: The user CONTOSO\\bob dialed a connection named Work which has failed. The error code returned on failure is 691.');
    expect(r.entries[0]).toMatchObject({ family: 'rras', cause: 'ras-error', code: 691 });
  });
});

describe('Service Control Manager events under their tag (syslog-ng Windows agent, a bare Service_Control_Manager tag)', () => {
  // the real lines' shapes (real-rras.test.ts: syslog-ng's loggen test data, a zh-CN Logstash record) with a VPN service put in
  const agent = (type: string, message: string, id: number) => `<134>Jul 27 14:55:12 RRAS01 Microsoft-Windows-Service_Control_Manager[3720]: : System Microsoft-Windows-Service Control Manager: [${type}] ${message} (EventID ${id})`;
  it('a VPN service stopping or failing is the service down, by the id and the service the message names', () => {
    const r = parseServerLog([
      agent('Information', 'The Routing and Remote Access service entered the stopped state.', 7036),
      agent('Error', 'The Secure Socket Tunneling Protocol Service service terminated unexpectedly.  It has done this 1 time(s).', 7034),
      'Service_Control_Manager[740]: Remote Access Connection Manager 服务处于 停止 状态。',
    ].join('\n'));
    expect(r.entries.map((e) => [e.family, e.cause, e.decoded[0]!.key, e.decoded[0]!.values?.winService])).toEqual([
      ['rras', 'service-down', 'scmStopped', 'RemoteAccess'],
      ['rras', 'service-down', 'scmCrashed', 'SstpSvc'],
      ['rras', 'service-down', 'scmStopped', 'RasMan'],
    ]);
  });
  it('the same service running again is its comeback, in Chinese too (正在运行); another service is said not to be the VPN’s', () => {
    const r = parseServerLog(['Service_Control_Manager[740]: IKE and AuthIP IPsec Keying Modules 服务处于 停止 状态。', 'Service_Control_Manager[740]: IKE and AuthIP IPsec Keying Modules 服务处于 正在运行 状态。', agent('Information', 'The Print Spooler service entered the running state.', 7036)].join('\n'));
    expect(r.entries.map((e) => e.cause)).toEqual(['service-down', 'service-recovered', undefined]);
    expect(r.entries[2]!.decoded[0]).toMatchObject({ key: 'scmOtherService', values: { id: 7036, service: 'Print Spooler' } });
  });
});

describe('NXLog JSON records (im_msvistalog, to_json)', () => {
  // the real record (test/fixtures/real/server-logs/nxlog-json-rsyslog-scm-7036-nxlog-service-running.txt) with a VPN service's
  // insertion strings and ids put in: the fields NXLog writes for a Service Control Manager event
  const nxlog = (id: number, param1: string, param2: string, message: string): string =>
    `{"EventTime":"2026-12-05 09:12:01","Hostname":"RRAS01","EventType":"ERROR","EventID":${id},"SourceName":"Service Control Manager","ProviderGuid":"{555908D1-A6D7-4695-8E1E-26931D2012F4}","Channel":"System","Message":${JSON.stringify(message)},"param1":${JSON.stringify(param1)},"param2":${JSON.stringify(param2)},"EventReceivedTime":"2026-12-05 09:12:02","SourceModuleName":"eventlog","SourceModuleType":"im_msvistalog"}`;
  it('a 7023 about RRAS after a syslog header: the service down by its id, source and insertion strings, the header’s time', () => {
    const { r, says } = said(`Dec  5 09:12:03 collector  ${nxlog(7023, 'Routing and Remote Access', '%%1068', 'The Routing and Remote Access service terminated with the following error: …')}\n`);
    expect(r.entries[0]).toMatchObject({ family: 'rras', cause: 'service-down', time: { hour: 9, minute: 12, second: 3 } });
    expect(says[0]).toContain('Routing and Remote Access (RemoteAccess) stopped with an error: a service it depends on did not start (Windows error 1068)');
  });
  it('a line of its own, its message in German: the same by the insertion strings; its time NXLog’s EventTime', () => {
    const { r } = said(`${nxlog(7036, 'Routing und RAS', 'Beendet', 'Der Dienst "Routing und RAS" befindet sich jetzt im Status "Beendet".')}\n`);
    // (7036's state word is translated: "Beendet" is not read — the event names RRAS, but says nothing known of its state)
    expect(r.entries[0]).toMatchObject({ family: 'rras', time: { year: 2026, month: 12, day: 5, hour: 9, minute: 12, second: 1 } });
    const { r: down } = said(`${nxlog(7024, 'Routing und RAS', '16389', 'Der Dienst "Routing und RAS" wurde mit folgendem dienstspezifischem Fehler beendet: 16389')}\n`);
    expect([down.entries[0]!.cause, down.understood]).toEqual(['service-down', 1]);
  });
  it('a record cut before its end stays counted (not understood), never thrown on', () => {
    const r = parseServerLog(`${nxlog(7023, 'Routing and Remote Access', '%%1068', 'x').slice(0, 120)}\n`);
    expect([r.records, r.understood]).toEqual([1, 0]);
  });
});
