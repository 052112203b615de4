import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { MAX_ENTRIES, parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';
import { settledServiceCause } from './service-state';

/**
 * server.service-down: systemd's lines saying a VPN daemon's unit exited with an error, crashed or could not start are a finding of
 * their own — not running (critical) when the log ends with it down, stopped and started again (a warning) when each unit it
 * names ran again afterwards; per log, per unit.
 */

const en = engineT('en');
const nl = engineT('nl');
const explain = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'x.log')], t).findings.filter((f) => f.id === 'server.service-down');

const EXITED = 'Jul 10 18:41:12 vpn systemd[1]: xl2tpd.service: Main process exited, code=exited, status=1/FAILURE';
const FAILED = "Jul 10 18:41:12 vpn systemd[1]: xl2tpd.service: Failed with result 'exit-code'.";
const RESTART = 'Jul 10 18:41:17 vpn systemd[1]: xl2tpd.service: Scheduled restart job, restart counter is at 1.';
const STARTED = 'Jul 10 18:41:17 vpn systemd[1]: Started xl2tpd.service - Level 2 Tunnel Protocol Daemon (L2TP).';
const STARTED_OLD = 'Jul 10 18:41:17 vpn systemd: Started Level 2 Tunnel Protocol Daemon (L2TP).';
const IPSEC_CRASH = 'Jul 10 18:42:00 vpn systemd[1]: ipsec.service: Main process exited, code=dumped, status=6/ABRT';

describe('server.service-down', () => {
  it('a unit down at the log’s end: critical, named, with what to ask the administrator', () => {
    const [f, ...more] = explain([EXITED, FAILED].join('\n'));
    expect(more).toEqual([]);
    expect(f).toMatchObject({ severity: 'critical', title: 'The VPN service xl2tpd.service is not running on the server' });
    expect(f!.summary).toContain('systemctl start xl2tpd.service');
    expect(f!.evidence.map((e) => e.line)).toEqual([1, 2]);
  });

  it('started again after it was down: a warning, the start quoted as evidence; by the unit’s name or its description', () => {
    for (const started of [STARTED, STARTED_OLD]) {
      const [f] = explain([EXITED, FAILED, RESTART, started].join('\n'));
      expect(f).toMatchObject({ severity: 'warning', title: 'The VPN service xl2tpd.service on the server stopped and was started again' });
      expect(f!.summary).not.toContain('systemctl start');
      expect(f!.evidence.map((e) => e.line)).toEqual([1, 2, 4]);
    }
  });

  it('down again after the restart, or another unit still down: critical, naming the unit that is down', () => {
    expect(explain([EXITED, STARTED, EXITED].join('\n'))[0]).toMatchObject({ severity: 'critical' });
    const [f] = explain([EXITED, IPSEC_CRASH, STARTED].join('\n'));
    expect(f).toMatchObject({ severity: 'critical', title: 'The VPN service ipsec.service is not running on the server' });
  });

  it('a start with nothing down before it, a clean exit, another service: no finding', () => {
    expect(explain([STARTED, 'Jul 10 18:41:12 vpn systemd[1]: xl2tpd.service: Main process exited, code=exited, status=0/SUCCESS'].join('\n'))).toEqual([]);
    expect(explain('Jul 10 18:41:12 vpn systemd[1]: nginx.service: Main process exited, code=exited, status=1/FAILURE')).toEqual([]);
  });

  it('past the entries cap, the service going down and coming back are still kept (as every cause is)', () => {
    const filler = Array.from({ length: MAX_ENTRIES + 50 }, (_, i) => `Jul 10 18:40:00 vpn pppd[${100 + i}]: Using interface ppp${i}`);
    const [f] = explain([...filler, EXITED, STARTED].join('\n'));
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f!.evidence.map((e) => e.line)).toEqual([filler.length + 1, filler.length + 2]);
  });

  it('each log on its own: a unit down in one log and started in another is still down in the first', () => {
    const down = parseServerLog(EXITED, 'a.log');
    const up = parseServerLog(STARTED, 'b.log');
    expect(explainServerLogs([down, up], en).findings.find((f) => f.id === 'server.service-down')).toMatchObject({ severity: 'critical' });
  });

  it('a service-down line that names no unit is down: nothing can say it came back', () => {
    const entry = { line: 1, endLine: 1, family: 'libreswan' as const, text: 'x', decoded: [{ key: 'step.x' }], outcome: 'failure' as const, cause: 'service-down' as const };
    expect(settledServiceCause([{ source: 'a', entry }])).toBe('service-down');
  });

  it('a real log: CentOS 7’s xl2tpd exiting with status 1 — in English and Dutch', () => {
    const text = readRepoText('test/fixtures/real/server-logs/pppd-centos7-xl2tpd-double-tag-systemd-main-process-exited-failure.txt');
    expect(explain(text)[0]).toMatchObject({ severity: 'critical', title: 'The VPN service xl2tpd.service is not running on the server' });
    expect(explain(text, nl)[0]).toMatchObject({ title: 'De VPN-service xl2tpd.service draait niet op de server' });
    expect(explain([EXITED, STARTED].join('\n'), nl)[0]!.title).toBe('De VPN-service xl2tpd.service op de server stopte en is opnieuw gestart');
  });
});
