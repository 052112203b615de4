import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { MAX_ENTRIES, parseServerLog } from '../../parse/server-log';
import { describeEntry } from '../../parse/server-log/describe';
import { explainServerLogs } from '.';
import { serviceState } from './service-state';

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
    expect(serviceState([{ source: 'a', entry }]).cause).toBe('service-down');
  });

  it('a real log: CentOS 7’s xl2tpd exiting with status 1 — in English and Dutch', () => {
    const text = readRepoText('test/fixtures/real/server-logs/pppd-centos7-xl2tpd-double-tag-systemd-main-process-exited-failure.txt');
    expect(explain(text)[0]).toMatchObject({ severity: 'critical', title: 'The VPN service xl2tpd.service is not running on the server' });
    expect(explain(text, nl)[0]).toMatchObject({ title: 'De VPN-service xl2tpd.service draait niet op de server' });
    expect(explain([EXITED, STARTED].join('\n'), nl)[0]!.title).toBe('De VPN-service xl2tpd.service op de server stopte en is opnieuw gestart');
  });
});

/**
 * "Not running" or "running, a connection not loaded": the lines of strongSwan's starter and Libreswan's addconn told apart
 * (strongswan-starter.ts, libreswan-startup.ts say why, per line). Real lines: the Ubuntu Forums starter copy, xelerance/Openswan#247,
 * libreswan#1786 (test/fixtures/real/SOURCES.md).
 */
describe('a VPN daemon that is not running, from its own lines (no systemd unit named)', () => {
  const all = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'x.log')], t).findings;
  const STARTER_FATAL = readRepoText('test/fixtures/real/server-logs/charon-starter-console-ipsec-conf-syntax-error-fatal-errors-in-config.txt');
  const ADDCONN_5X = readRepoText('test/fixtures/real/server-logs/pluto-5x-journal-addconn-syntax-error-cannot-load-config-file.txt');

  it("strongSwan's starter refusing its config: server.service-down named strongSwan (charon), no systemctl advice for a unit it did not name (en, nl)", () => {
    const [f, ...more] = all(STARTER_FATAL);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ id: 'server.service-down', severity: 'critical', title: 'The VPN service strongSwan (charon) is not running on the server' });
    expect(f!.summary).not.toContain('systemctl');
    expect(all(STARTER_FATAL, nl)[0]!.title).toBe('De VPN-service strongSwan (charon) draait niet op de server');
  });

  it('charon started by the starter after that: stopped and started again (a warning)', () => {
    const [f] = all(`${STARTER_FATAL}\nNov 05 03:48:01 debian ipsec_starter[31585]: charon (31594) started after 20 ms\n`);
    expect(f).toMatchObject({ id: 'server.service-down', severity: 'warning', title: 'The VPN service strongSwan (charon) on the server stopped and was started again' });
  });

  it("a conn the starter left out: strongSwan runs, that connection is not loaded — still vpn.server-unreachable (the PC's 809)", () => {
    const [f, ...more] = all("Nov 05 03:48:01 debian ipsec_starter[1]: # ignored conn 'ikev2-vpn' due to 2 parsing errors");
    expect(more).toEqual([]);
    expect(f).toMatchObject({ id: 'vpn.server-unreachable', title: "strongSwan runs, but a connection of its configuration (ipsec.conf) has errors and is not loaded (error 809 on the PC)" });
  });

  it("Libreswan 5.x addconn's ExecStartPre refusal: server.service-down named Libreswan (pluto)", () => {
    expect(all(ADDCONN_5X).map((f) => [f.id, f.title])).toEqual([['server.service-down', 'The VPN service Libreswan (pluto) is not running on the server']]);
  });

  it('with systemd’s lines about ipsec.service next to it, the unit is named, and its Started says it runs again', () => {
    const journal = readRepoText('test/fixtures/real/server-logs/pluto-journalctl-xe-addconn-cannot-load-config-control-process-exited.txt');
    expect(all(journal)[0]).toMatchObject({ severity: 'critical', title: 'The VPN service ipsec.service is not running on the server' });
    const [up] = all(`${journal}\nJul 06 12:40:00 ip-10-10-0-181.ec2.internal systemd[1]: Started Internet Key Exchange (IKE) Protocol Daemon for IPsec.\n`);
    expect(up).toMatchObject({ severity: 'warning', title: 'The VPN service ipsec.service on the server stopped and was started again' });
  });

  it("Libreswan 5.x's FATAL ERROR of addconn or pluto (libreswan#2117): server.service-down named Libreswan (pluto); relayed by a running pluto, none", () => {
    const fatal = readRepoText('test/fixtures/real/server-logs/pluto-5x-journal-cat-fatal-error-addconn-and-pluto-unrecognized-keyword.txt');
    expect(all(fatal).map((f) => [f.id, f.severity, f.title])).toEqual([['server.service-down', 'critical', 'The VPN service Libreswan (pluto) is not running on the server']]);
    expect(all(fatal, nl)[0]!.title).toBe('De VPN-service Libreswan (pluto) draait niet op de server');
    const relayed = parseServerLog("Aug 14 12:30:00 road pluto[640]: addconn: FATAL ERROR: ipsec addconn: /etc/ipsec.conf:13: unrecognized keyword 'x'", 'x.log');
    expect(relayed.entries[0]).toMatchObject({ outcome: 'failure' });
    expect(relayed.entries[0]!.cause).toBeUndefined();
  });

  it("Openswan/Libreswan 3.x _plutorun's `!pluto failure!` (libreswan#50): not running; its next start says running again", () => {
    const crash = readRepoText('test/fixtures/real/server-logs/pluto-libreswan-316-plutorun-failure-signal-11-restart-never-came.txt');
    const [f, ...more] = all(crash);
    expect(more).toEqual([]);
    expect(f).toMatchObject({ id: 'server.service-down', severity: 'warning', title: 'The VPN service Libreswan (pluto) on the server stopped and was started again' });
    expect(f!.evidence.map((e) => e.line)).toEqual([1, 4]);
    // cut before the restart: still down; a start with nothing down before it is only a start
    const [down] = all(crash.split('\n').slice(0, 2).join('\n'));
    expect(down).toMatchObject({ severity: 'critical', title: 'The VPN service Libreswan (pluto) is not running on the server' });
    expect(all('May 11 13:02:05 h ipsec__plutorun: Starting Pluto subsystem...')).toEqual([]);
    expect(all('May 11 13:01:11 h ipsec__plutorun: !pluto failure!:  exited with error status 1')[0]).toMatchObject({ severity: 'critical' });
  });

  // (the relayed form's prefix as pluto writes its addconn child's lines: hwdsl2/setup-ipsec-vpn #1786's `pluto[15608]: addconn: …`)
  it("addconn's refusal relayed by a running pluto (5.x `pluto[…]: addconn: …`): its connections not loaded, no service-down", () => {
    for (const line of ["Aug 14 12:30:00 road pluto[640]: addconn: ipsec addconn: cannot load config file '/etc/ipsec.conf'"]) {
      const r = parseServerLog(line, 'x.log');
      expect(r.entries[0], line).toMatchObject({ outcome: 'failure' });
      expect(r.entries[0]!.cause, line).toBeUndefined();
      expect(describeEntry(r.entries[0]!, en), line).toContain('The connections in it are not loaded');
    }
  });
});
