import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';

/**
 * strongSwan's starter (`ipsec start`, tag `ipsec_starter`), the ipsec.conf reader it runs and the `ipsec` script (families/strongswan-starter.ts):
 * real copies from a terminal and from NetworkManager's journal, then each class of line.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  'charon-starter-console-ipsec-conf-syntax-error-fatal-errors-in-config.txt': {
    records: 4,
    understood: 4,
    families: { strongswan: 4 },
    // (the starter exits: charon is not running — service-down; was ipsec-config-error, the PC's 809, before the two were told apart)
    causes: [[4, 'service-down']],
    says: [
      // the init script's line, with the `ipsec` script's own glued after its status column
      [1, "`ipsec stop` found strongSwan's starter not running"],
      [2, 'strongSwan 4.5.2 is being started (`ipsec start`)'],
      [3, 'strongSwan cannot read its configuration: /etc/ipsec.conf, line 6: syntax error, unexpected FIRST_SPACES'],
      [3, 'must be indented, and nothing else may be'],
      [4, 'strongSwan does not start: its configuration ipsec.conf has fatal errors'],
    ],
  },
  'charon-nm-l2tp-client-journal-starter-ikev1-integrity-check-failed.txt': {
    records: 96,
    // (line 18: the rest of the plugin list, wrapped by the copy)
    understood: 95,
    families: { strongswan: 95 },
    causes: [],
    says: [
      [1, 'strongSwan 5.8.2 is being started'],
      [3, 'The strongSwan starter reads ipsec.conf.'],
      [7, 'The strongSwan starter starts charon, the IKE service.'],
      [9, 'strongSwan bookkeeping.'],
      [21, 'charon, the IKE service, is running (process 5222, started in 20 ms).'],
      [28, "The IKE service received a command from the `ipsec` tool: initiate 'e30e20a1-6f99-46d8-9e7e-2007356cff21'."],
      [53, 'sent its identity in IKEv1 Main Mode unencrypted (some SonicWall devices do)'],
      [55, 'An IKEv1 message failed its integrity check'],
      [60, 'The IKE service (charon) is shutting down (SIGINT).'],
      [61, 'An IKE SA still being set up (state CONNECTING) is dropped'],
      // NetworkManager's copy of `ipsec up`'s output: charon's messages without their thread head
      [62, 'This side starts IKE negotiation (e30e20a1-6f99-46d8-9e7e-2007356cff21[1]) with 71.89.153.210.'],
      [63, 'IKEv1 Main Mode'],
      [85, 'sent its identity in IKEv1 Main Mode unencrypted'],
      [92, "Starting the connection 'e30e20a1-6f99-46d8-9e7e-2007356cff21' failed (this side started it)."],
      [93, 'The IKE service charon (process 5222) ended normally (exit code 0).'],
      [94, 'An empty line of the strongSwan starter'],
      [96, "strongSwan's IPsec service has stopped"],
    ],
  },
  'charon-windows-l2tp-quick-mode-rekey-lifebytes-updown-vpn-tag.txt': {
    records: 10,
    understood: 10,
    families: { strongswan: 10 },
    causes: [],
    says: [
      // Windows' Quick Mode proposal carries 250000000 bytes (quick_mode.c)
      [1, 'The other side proposes an IPsec SA limit of 250000000 bytes; this side\'s setting is 0 bytes (0: none).'],
      [5, 'The other side deleted a security association (ESP CHILD_SA).'],
      // the updown script's `vpn` lines: `- ID PEER -- ME` and `+ …`
      [7, 'The IPsec tunnel to 74.85._._ (identity 10.5.7.88) is down'],
      [9, 'IPsec SA L2TP-IKEv1-PSK{11} established'],
      [10, 'The IPsec tunnel to 74.85._._ (identity 10.5.7.88) is up'],
    ],
  },
  'charon-pfsense-clog-starter-freebsd-no-known-stack-shunt-routed-invalid-ke.txt': {
    records: 88,
    understood: 88,
    families: { strongswan: 88 },
    causes: [],
    says: [
      [4, 'found no IPsec stack it knows in the kernel and carries on (usual on FreeBSD and pfSense'],
      [6, 'refused strongSwan NAT-T (UDP 4500 encapsulation) on one of its sockets: unable to set UDP_ENCAP: Invalid argument'],
      [19, 'strongSwan bookkeeping.'],
      [23, 'charon, the IKE service, is running (process 69720, started in 80 ms).'],
      // stroke_config.c's dump of the connection charon received
      [25, "strongSwan loads the connection 'bypasslan'; its settings follow."],
      [52, 'as strongSwan loaded it: ike=aes256-sha1-modp2048s256!.'],
      [37, 'Looking up the server connection'],
      // the starter passing on charon's answers to `route`, and the empty line after each
      [40, "The policy 'bypasslan' (PASS) is in place"],
      [41, 'An empty line of the strongSwan starter'],
      [67, 'IPsec SA state CREATED → ROUTED.'],
      [68, "The connection 'con1' is set to start by itself when traffic for it appears (a trap policy)."],
      [85, 'MODP_2048_256'],
    ],
  },
};

describe('real strongSwan starter logs', () => {
  realServerLogTable(EXPECTED);
});

const t = engineT('en');
const parse = (text: string) => parseServerLog(text, 'x.log');
const one = (line: string) => {
  const r = parse(line);
  expect(r.understood, line).toBe(1);
  return r.entries[0]!;
};
const says = (line: string) => describeEntry(one(line), t);

describe('strongSwan starter classes', () => {
  it("the starter's lines under its own tag, `ipsec`, NetworkManager's and none are strongSwan's", () => {
    for (const line of [
      'Jan 21 09:14:08 vpn ipsec_starter[1234]: Starting strongSwan 5.9.5 IPsec [starter]...',
      'Jan 21 09:14:08 vpn ipsec[1234]: Starting strongSwan 5.9.5 IPsec [starter]...',
      'Jan 21 09:14:08 vpn NetworkManager[1234]: Starting strongSwan 5.9.5 IPsec [starter]...',
      'Starting strongSwan 5.9.5 IPsec [starter]...',
    ]) {
      expect(one(line)).toMatchObject({ family: 'strongswan', outcome: 'info' });
      expect(says(line)).toContain('strongSwan 5.9.5 is being started');
    }
    // (NetworkManager's own lines stay its own)
    expect(one('Mar 02 10:19:26 xps NetworkManager[5096]: <info>  [1614698366.5249] manager: startup complete').family).toBe('syslog');
  });
  it('the daemon started, stopped, died and restarted; its exit and signal', () => {
    expect(one('Nov 05 03:48:01 debian ipsec_starter[31585]: charon (31594) started after 20 ms')).toMatchObject({ outcome: 'success' });
    expect(says('ipsec_starter[8993]: charon stopped after 200 ms')).toBe('charon, the IKE service, has stopped.');
    expect(says('ipsec_starter[8993]: ipsec starter stopped')).toContain('has stopped');
    expect(one('ipsec_starter[1]: charon has died -- restart scheduled (5sec)')).toMatchObject({ outcome: 'warning' });
    expect(one('ipsec_starter[1]: charon has died -- restart scheduled (5sec)').cause).toBeUndefined();
    expect(says('ipsec_starter[1]: child 5222 (charon) has quit (exit code 2)')).toContain('exit code 2: an error');
    expect(says('ipsec_starter[1]: child 5222 (charon) has been killed by sig 11')).toContain('ended by signal 11');
    expect(one('ipsec_starter[1]: charon is already running (/var/run/charon.pid exists) -- skipping daemon start').outcome).toBe('info');
  });
  it('the daemon that cannot start, or that the starter gives up on, is not running: service-down, named strongSwan (charon)', () => {
    for (const line of ['ipsec_starter[1]: charon has quit: initialization failed', 'ipsec_starter[1]: charon has quit: integrity test of libstrongswan failed', 'ipsec_starter[1]: charon refused to be started', 'ipsec_starter[1]: charon too long to start... - kill kill', 'ipsec_starter[1]: unable to start strongSwan -- fatal errors in config', 'ipsec_starter[1]: unable to start strongSwan IPsec -- no /dev/random!']) {
      expect(one(line), line).toMatchObject({ outcome: 'failure', cause: 'service-down' });
      expect(one(line).decoded[0]!.values, line).toMatchObject({ service: 'strongSwan (charon)' });
    }
    expect(says('ipsec_starter[1]: unable to start strongSwan IPsec -- no /dev/random!')).toContain('no /dev/random');
  });
  it("confread.c: error counts, an ignored conn (the cause: it is not loaded), keyword and value errors; the parser's FILE:LINE errors", () => {
    expect(one('ipsec_starter[1]: ### 1 parsing error (0 fatal) ###')).toMatchObject({ outcome: 'warning' });
    expect(one('ipsec_starter[1]: ### 3 parsing errors (2 fatal) ###')).toMatchObject({ outcome: 'failure' });
    expect(one('ipsec_starter[1]: ### 3 parsing errors (2 fatal) ###').cause).toBeUndefined();
    expect(one("ipsec_starter[1]: # ignored conn 'ikev2-vpn' due to 2 parsing errors")).toMatchObject({ outcome: 'failure', cause: 'ipsec-config-error' });
    expect(says("ipsec_starter[1]: # ignored conn 'ikev2-vpn' due to 2 parsing errors")).toContain("The connection 'ikev2-vpn' of ipsec.conf is not loaded");
    expect(says("ipsec_starter[1]: # unknown keyword 'nat_traversal'")).toContain("'nat_traversal': it is ignored");
    expect(says("ipsec_starter[1]: # unsupported keyword 'leftsubnet' in config setup")).toContain("'leftsubnet' where it does not belong (config setup)");
    expect(says("ipsec_starter[1]: # deprecated keyword 'pfs' in conn 'l2tp-psk'")).toContain("old setting 'pfs' (conn 'l2tp-psk')");
    expect(says("ipsec_starter[1]:   bad argument value in conn 'ikev2-vpn'")).toContain("conn 'ikev2-vpn'");
    expect(says('ipsec_starter[1]: # bad option value: rekey=maybe')).toContain('rekey=maybe');
    expect(says("ipsec_starter[61654]: /run/nm-l2tp-548dbce3/ipsec.conf:11: syntax error, unexpected EQ")).toContain('/run/nm-l2tp-548dbce3/ipsec.conf, line 11: syntax error, unexpected EQ');
    expect(says("ipsec_starter[61654]: invalid config file '/run/nm-l2tp-548dbce3/ipsec.conf'")).toContain('rejects its configuration file');
    expect(one("ipsec_starter[1]: can't reload config file due to errors -- keeping old one")).toMatchObject({ outcome: 'warning' });
    // a header-less colon-number line that is no config error stays unknown
    expect(parse('/etc/hosts:3: something else').understood).toBe(0);
  });
  it("the updown script's `vpn` lines (host and subnet forms) and Quick Mode's lifetime lines", () => {
    expect(one('Oct 13 09:22:46 localhost vpn: + 192.168.1.3 111.193.187.196 -- 106.186.127.110')).toMatchObject({ family: 'strongswan', outcome: 'success' });
    expect(says('Oct 13 09:22:46 gw vpn: - C=CH, O=strongSwan, CN=carol 10.3.0.0/16 == 192.168.0.100 -- 192.168.0.1 == 10.1.0.0/16')).toContain('The IPsec tunnel to 192.168.0.100 (identity C=CH, O=strongSwan, CN=carol) is down');
    expect(says('Oct 13 09:22:46 localhost charon: 01[IKE] received 3600s lifetime, configured 0s')).toContain('3600 seconds');
    // another program's `vpn` tag stays its own
    expect(one('Oct 13 09:22:46 localhost vpn: tunnel started').family).toBe('syslog');
  });
  it("charon's start-up notes and its connection dump; ike_name followed by a tab (a tab-damaged copy)", () => {
    expect(says("Apr 22 12:30:32 pf charon: 01[CFG]   esp=aes128gcm128-sha1!")).toBe('A setting of the connection, as strongSwan loaded it: esp=aes128gcm128-sha1!.');
    expect(one('Apr 22 12:30:32 pf charon: 00[KNL] unable to set UDP_ENCAP: Invalid argument').outcome).toBe('warning');
    expect(says('Apr 22 12:30:32 pf charon: 01[CFG] <1>\t candidate: %any...%any, prio 24')).toBe(says('Apr 22 12:30:32 pf charon: 01[CFG] <1>   candidate: %any...%any, prio 24'));
    expect(says("Apr 22 12:30:32 pf ipsec_starter[69708]: 'con1' routed")).toContain('a trap policy');
  });
  it('the ipsec script and the kernel stack probe', () => {
    expect(says('Reloading strongSwan IPsec failed: starter is not running')).toContain('`ipsec reload` found');
    expect(says('Updating strongSwan IPsec failed: starter is not running')).toContain('`ipsec update` found');
    expect(says('Stopping strongSwan IPsec...')).toContain('being stopped');
    expect(says('Apr 22 12:30:32 pf ipsec_starter[67724]: no known IPsec stack detected, ignoring!')).toContain('usual on FreeBSD and pfSense');
    expect(says('Apr 22 12:30:32 pf ipsec_starter[67724]: no netkey IPsec stack detected')).toContain('netkey');
  });
});
