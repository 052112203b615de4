import { describe, expect, it } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * A VPN daemon's service as systemd runs it, from real logs (test/fixtures/real/server-logs, sources in SOURCES.md): systemd's own
 * lines about xl2tpd's and Libreswan's units (the daemon exited with a status, crashed, could not be started), journalctl's head
 * and `-x` explanations, CentOS 7's doubled tag (`xl2tpd: xl2tpd[31026]: …`) and Libreswan's addconn refusing ipsec.conf.
 */

const t = engineT('en');
const nl = engineT('nl');

const EXPECTED: Record<string, RealServerLogRow> = {
  // the xl2tpd lines were all unknown (the doubled tag), systemd's "not part of the VPN"
  'pppd-centos7-xl2tpd-double-tag-systemd-main-process-exited-failure.txt': {
    records: 13,
    understood: 13,
    families: { syslog: 1, pppd: 12 },
    causes: [[11, 'service-down'], [12, 'service-down'], [13, 'service-down']],
    says: [
      [9, 'xl2tpd bookkeeping.'],
      [10, 'xl2tpd was told to stop (signal 15, SIGTERM'],
      [11, 'The VPN service xl2tpd.service stopped with an error (exit status 1, FAILURE): until it runs again, VPN connections through it fail.'],
      [12, 'systemd marks the VPN service xl2tpd.service as failed: it is not running.'],
      [13, 'systemd marks the VPN service xl2tpd.service as failed: it is not running.'],
    ],
  },
  'pppd-journal-lsb-xl2tpd-control-process-exited-failed-to-start.txt': {
    records: 7,
    understood: 7,
    families: { syslog: 1, pppd: 6 },
    causes: [[4, 'service-down'], [5, 'service-down'], [6, 'service-down'], [7, 'service-down']],
    says: [
      [1, 'systemd is not part of the VPN; ignored.'],
      [2, 'systemd is starting the VPN service xl2tpd.service.'],
      [4, 'The VPN service xl2tpd.service stopped with an error (exit status 1)'],
      [5, 'The VPN service xl2tpd.service could not be started: it is not running'],
      [7, "systemd marks the VPN service xl2tpd.service as failed (result 'exit-code')."],
    ],
  },
  'pluto-journalctl-xe-addconn-cannot-load-config-control-process-exited.txt': {
    records: 7,
    understood: 7,
    families: { syslog: 4, libreswan: 3 },
    // (addconn's own line under its tag is ipsec.service's ExecStartPre --checkconfig: pluto never starts — libreswan-startup.ts)
    causes: [[2, 'service-down'], [3, 'service-down'], [4, 'service-down']],
    says: [
      [1, "journalctl's own note"],
      [2, 'Libreswan cannot read its configuration /etc/ipsec.conf, so the IPsec service does not start and no connection is loaded: /etc/ipsec.d/EastVPC-to-WestVPC.conf:2: syntax error'],
      [3, 'The VPN service ipsec.service stopped with an error (exit status 3)'],
      [4, 'The VPN service ipsec.service could not be started'],
      [5, "journalctl's own note"],
    ],
  },
  // libreswan#1786: Libreswan 5.x's ExecStartPre `addconn --checkconfig` names the error line, then `cannot load config file` (was
  // not understood): the unit does not start — service-down, named by the daemon (the lines name no unit that went down); the
  // test harness's Electric Fence banner stays not understood
  'pluto-5x-journal-addconn-syntax-error-cannot-load-config-file.txt': {
    records: 4,
    understood: 4,
    families: { libreswan: 4 },
    causes: [[4, 'service-down']],
    says: [
      [2, 'Electric Fence, a memory debugger this build of Libreswan runs with, announces itself'],
      [1, 'systemd is starting the VPN service ipsec.service.'],
      [3, "Libreswan's configuration has an error in /etc/ipsec.conf, line 29: syntax error."],
      [4, 'Libreswan cannot read its configuration /etc/ipsec.conf (the line before this one says why), so the IPsec service does not start'],
    ],
  },
  // _plutorun's own words that pluto crashed (were unknown), and its start 54 s later (cron's restart): not running, then running again;
  // the poster's two notes in angle brackets stay unknown on purpose (a person's words, no log line; were read as RouterOS PPP options)
  'pluto-libreswan-316-plutorun-failure-signal-11-restart-never-came.txt': {
    records: 6,
    understood: 4,
    families: { libreswan: 4 },
    causes: [[1, 'service-down'], [4, 'service-recovered']],
    says: [
      [1, "pluto, Libreswan's IKE service, crashed (exit status 139, signal 11): until it runs again, no VPN connection to this server can start."],
      [2, 'The IPsec start script will start pluto again after a pause'],
      [4, "pluto, Libreswan's IKE service, is being started again after it stopped."],
    ],
  },
  // Libreswan 5.x's fatal errors as `journalctl --output cat -u ipsec.service | grep FATAL` shows them (no header; were unknown): addconn's
  // start check and pluto itself refusing a keyword of ipsec.conf's config setup — the service does not run
  'pluto-5x-journal-cat-fatal-error-addconn-and-pluto-unrecognized-keyword.txt': {
    records: 3,
    understood: 3,
    families: { libreswan: 3 },
    causes: [[1, 'service-down'], [2, 'service-down'], [3, 'service-down']],
    says: [
      [1, "Libreswan's addconn stopped with a fatal error in its configuration /etc/ipsec.conf, line 13: unrecognized keyword 'unrecognized'. The IPsec service does not run."],
      [2, "Libreswan's pluto stopped with a fatal error in its configuration /etc/ipsec.conf, line 13"],
    ],
  },
  'pluto-journal-ipsec-service-unit-names-deactivated-then-core-dump.txt': {
    records: 7,
    understood: 7,
    families: { syslog: 2, libreswan: 5 },
    causes: [[6, 'service-down'], [7, 'service-down']],
    says: [
      [2, 'The VPN service ipsec.service has stopped.'],
      [3, 'The VPN service ipsec.service has stopped.'],
      [4, 'systemd is not part of the VPN; ignored.'],
      [5, 'systemd is starting the VPN service ipsec.service.'],
      [6, 'The VPN service ipsec.service crashed (signal 6, ABRT, core dumped)'],
      [7, "systemd marks the VPN service ipsec.service as failed (result 'core-dump')."],
    ],
  },
};

/** One line's entry: its family, outcome, pid and English. */
function said(line: string) {
  const r = parseServerLog(`${line}\n`);
  const e = r.entries[0];
  return { understood: r.understood, family: e?.family, outcome: e?.outcome, session: e?.session, says: e ? describeEntry(e, t) : '' };
}

describe('real VPN services under systemd', () => {
  realServerLogTable(EXPECTED);

  it("systemd's lines about a VPN daemon's unit, in each header shape a modern distribution writes", () => {
    const exited = 'xl2tpd.service: Main process exited, code=exited, status=1/FAILURE';
    const expected = { family: 'pppd', outcome: 'failure', says: 'The VPN service xl2tpd.service stopped with an error (exit status 1, FAILURE): until it runs again, VPN connections through it fail.' };
    // rsyslog's RFC 3339 file (Debian 12, Ubuntu 24.04), journalctl -o short-iso, short-precise, short-monotonic, docker logs -t
    expect(said(`2024-05-01T10:00:00.123456+02:00 vpn systemd[1]: ${exited}`)).toMatchObject(expected);
    expect(said(`2024-05-01T10:00:00+0200 vpn systemd[1]: ${exited}`)).toMatchObject(expected);
    expect(said(`May 01 10:00:00.123456 vpn systemd[1]: ${exited}`)).toMatchObject(expected);
    expect(said(`[ 1234.567890] vpn systemd[1]: ${exited}`)).toMatchObject(expected);
    expect(said(`2024-05-01T10:00:00.123456+02:00 vpn systemd: ${exited}`)).toMatchObject(expected);
    // systemd 219's lower-case form, a signal, a crash, the start script's status, a restart, giving up
    expect(said('Jul 10 18:41:12 h systemd: ipsec.service: main process exited, code=killed, status=6/ABRT')).toMatchObject({ family: 'libreswan', outcome: 'failure', says: 'The VPN service ipsec.service was ended by signal 6, ABRT: until it runs again, VPN connections through it fail.' });
    expect(said('Jul 10 18:41:12 h systemd[1]: strongswan-starter.service: Main process exited, code=dumped, status=11/SEGV').says).toContain('strongswan-starter.service crashed (signal 11, SEGV, core dumped)');
    expect(said('Jul 10 18:41:12 h systemd[1]: strongswan-starter.service: Main process exited, code=dumped, status=11/SEGV').family).toBe('strongswan');
    expect(said('Feb 14 00:02:52 h systemd[1]: ipsec.service: Control process exited, code=exited, status=1/FAILURE').says).toContain('exit status 1, FAILURE');
    expect(said('Jul 10 18:41:12 h systemd[1]: xl2tpd.service: Main process exited, code=exited, status=0/SUCCESS')).toMatchObject({ outcome: 'info', says: 'The VPN service xl2tpd.service ended normally (exit status 0).' });
    expect(said('Nov 23 07:07:39 server systemd: xl2tpd.service holdoff time over, scheduling restart.')).toMatchObject({ outcome: 'warning', says: 'systemd starts the VPN service xl2tpd.service again after it stopped.' });
    expect(said('Nov 23 07:07:39 server systemd[1]: xl2tpd.service: Scheduled restart job, restart counter is at 5.').outcome).toBe('warning');
    expect(said('Nov 23 07:07:39 server systemd[1]: xl2tpd.service: Start request repeated too quickly.')).toMatchObject({ outcome: 'failure' });
    // the unit named by its description only (systemd before the unit name came first) or after its name
    expect(said('Jan 29 10:23:11 itsme systemd[1]: Starting Internet Key Exchange (IKE) Protocol Daemon for IPsec...')).toMatchObject({ family: 'libreswan', says: 'systemd is starting the VPN service ipsec.service.' });
    expect(said('Oct 27 15:05:27 h systemd[1]: Failed to start Level 2 Tunnel Protocol Daemon (L2TP).')).toMatchObject({ family: 'pppd', outcome: 'failure' });
    expect(said('Jan 21 09:14:08.388796 abreu systemd[1]: Started strongswan-starter.service - strongSwan IPsec IKEv1/IKEv2 daemon using ipsec.conf.')).toMatchObject({ family: 'strongswan', says: 'systemd started the VPN service strongswan-starter.service.' });
    // near misses: another unit, another program, an unknown description stay "not part of the VPN"
    expect(said('Jul 10 18:41:12 h systemd[1]: nginx.service: Main process exited, code=exited, status=1/FAILURE')).toMatchObject({ family: 'syslog', says: 'systemd is not part of the VPN; ignored.' });
    expect(said('Jul 10 18:41:12 h systemd[1]: Starting Daily apt download activities...').family).toBe('syslog');
    expect(said('Jul 10 18:41:12 h cron[12]: xl2tpd.service: Main process exited, code=exited, status=1/FAILURE').family).toBe('syslog');
  });

  it('CentOS 7: a daemon tag written twice is read under the inner one, with its pid', () => {
    expect(said('Jul 10 10:44:27 10-8-12-176 xl2tpd: xl2tpd[31026]: Listening on IP address 0.0.0.0, port 1701')).toMatchObject({ understood: 1, family: 'pppd', session: 'xl2tpd[31026]' });
    expect(said('2024-05-01T10:00:00.123456+02:00 vpn xl2tpd: xl2tpd[31026]: death_handler: Fatal signal 15 received')).toMatchObject({ family: 'pppd', outcome: 'warning' });
    // near miss: another daemon's tag inside is not unwrapped
    expect(said('Jul 10 10:44:27 h xl2tpd: pppd[31026]: Listening on IP address 0.0.0.0, port 1701').understood).toBe(0);
  });

  it("journalctl's head, boot marks and -x explanations are journalctl's notes; an e-mail signature's `-- ` is not", () => {
    const notes = ['-- Logs begin at Fri 2018-07-06 15:37:50 UTC, end at Fri 2018-07-06 16:15:24 UTC. --', '-- Journal begins at Mon 2023-01-02 10:00:00 CET, ends at Tue 2023-01-03 10:00:00 CET. --', '-- Boot 0123456789abcdef0123456789abcdef --', '-- Reboot --', '-- No entries --', '-- Subject: A start job for unit ipsec.service has begun execution', '-- Defined-By: systemd', '-- The job identifier is 10673.'];
    for (const n of notes) expect(said(n), n).toMatchObject({ understood: 1, family: 'syslog', says: "journalctl's own note around the log's lines (not a message of the server)." });
    expect(said('-- ').understood).toBe(0);
    expect(said('-- John, network team').understood).toBe(0);
  });

  it("tail's header before a file's lines (`tail -f /var/log/messages` copied with it) is tail's; a near miss is not", () => {
    expect(said('==> /var/log/messages <==')).toMatchObject({ understood: 1, family: 'syslog', says: "The header tail writes before each file's lines (/var/log/messages): the lines below come from that file." });
    expect(said('==> nothing here').understood).toBe(0);
  });

  it("Debian's xl2tpd init script's `Starting xl2tpd:` with nothing after it (the daemon did not start)", () => {
    expect(said('Jan 02 10:06:26 kd20621 xl2tpd[13422]: Starting xl2tpd:')).toMatchObject({ understood: 1, family: 'pppd' });
  });

  it('says it in Dutch too', () => {
    const r = parseServerLog('Jul 06 12:37:33 h systemd[1]: ipsec.service: control process exited, code=exited status=3\n');
    expect(describeEntry(r.entries[0]!, nl)).toBe('De VPN-service ipsec.service is gestopt met een fout (afsluitcode 3): tot hij weer draait, mislukken VPN-verbindingen erdoor.');
  });
});
