import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * pppd's "LCP: timeout sending Config-Requests" means blocked GRE only where PPP rides in GRE (PPTP). Over L2TP (xl2tpd, pppd's
 * pppol2tp plugin) there is no GRE: the line is a failure with no PC-side cause, not vpn.gre-blocked. A real LNS log (pppd 2.5.1
 * with pppol2tp.so: its row in real-pppd.test.ts) and the signs of each transport.
 */

const nl = engineT('nl');

const TIMEOUT = 'Apr  6 18:57:26 h pppd[6145]: LCP: timeout sending Config-Requests';
const timeoutOf = (...before: string[]) => parseServerLog([...before, TIMEOUT].join('\n')).entries.at(-1)!;

describe('LCP time-out: GRE only where the log shows PPTP', () => {
  it('L2TP signs: pppd\'s pppol2tp plugin, its PPPoL2TP options, an xl2tpd line before', () => {
    for (const before of ['Apr  6 18:56:56 h pppd[6145]: Plugin pppol2tp.so loaded.', 'Apr  6 18:56:56 h pppd[6145]: PPPoL2TP options: lnsmode tid 59263 sid 15552 debugmask 0', 'Apr  6 18:56:55 h xl2tpd[77]: Connection established to 1.2.3.4, 1701.  Local: 5, Remote: 6 (ref=0/0).']) {
      const e = timeoutOf(before);
      expect(e.outcome, before).toBe('failure');
      expect(e.cause, before).toBeUndefined();
    }
    expect(describeEntry(timeoutOf('Apr  6 18:56:56 h pppd[1]: Plugin /usr/lib/pppd/2.4.9/pppol2tp.so loaded.'), nl)).toContain('L2TP gebruikt geen GRE');
  });
  it('PPTP signs, no signs, or both: blocked GRE as before', () => {
    expect(timeoutOf().cause).toBe('no-ppp-frames');
    expect(timeoutOf('Apr  6 18:56:56 h pppd[4789]: Plugin /usr/lib/pptpd/pptpd-logwtmp.so loaded.').cause).toBe('no-ppp-frames');
    expect(timeoutOf('Apr  6 18:56:56 h pptpd[12]: CTRL: Client 1.2.3.4 control connection started').cause).toBe('no-ppp-frames');
    expect(timeoutOf('Apr  6 18:56:55 h xl2tpd[77]: Listening on IP address 0.0.0.0, port 1701', 'Apr  6 18:56:56 h pptpd[12]: CTRL: Client 1.2.3.4 control connection started').cause).toBe('no-ppp-frames');
  });
});

describe("pppd's kernel-mode lines", () => {
  it('the kernel channel and the PPPoL2TP ids; a near miss is not read', () => {
    expect(parseServerLog('Aug 11 17:13:28 lns01 pppd[30636]: using channel 869').understood).toBe(1);
    expect(parseServerLog('Aug 11 17:13:28 lns01 pppd[30636]: PPPoL2TP options: lnsmode tid 1 sid 2 debugmask 0').entries[0]!.decoded[0]!.values).toEqual({ tunnel: '1', session: '2' });
    // a LAC's pppd names no ids, only its debug mask (xelerance/xl2tpd #202: real-held-out.test.ts); a near miss of that is not read
    expect(parseServerLog('Aug 11 17:13:28 lns01 pppd[30636]: PPPoL2TP options: debugmask 0').understood).toBe(1);
    expect(parseServerLog('Aug 11 17:13:28 lns01 pppd[30636]: PPPoL2TP options: debugmask x').understood).toBe(0);
    expect(parseServerLog('Aug 11 17:13:28 lns01 pppd[30636]: using channel x').understood).toBe(0);
  });
});

describe("a relay's header before the router's own `host: program[pid]:`", () => {
  it('the program after the router name is read, for pppd/xl2tpd, charon and pluto', () => {
    const x = parseServerLog('Sep 30 11:14:14 10.0.0.1 minerva: xl2tpd[1030]: child_handler : pppd exited for call 52796 with code 2').entries[0]!;
    expect(x).toMatchObject({ family: 'pppd', cause: 'ppp-setup-failed' });
    expect(parseServerLog('Sep 30 11:14:14 10.0.0.1 gw: charon: 12[IKE] received proposals unacceptable').entries[0]).toMatchObject({ family: 'strongswan', cause: 'ike-no-proposal' });
    expect(parseServerLog('Sep 30 11:14:14 10.0.0.1 gw: pluto[9]: "c"[1] 1.2.3.4 #1: no acceptable Oakley Transform').entries[0]).toMatchObject({ family: 'libreswan', cause: 'ike-no-proposal' });
  });
  it('another program after the name, or a name with a pid, stays as it was', () => {
    expect(parseServerLog('Sep 30 11:14:14 10.0.0.1 minerva: netifd: Interface vpn is now down').entries[0]!.family).toBe('syslog');
    expect(parseServerLog('Sep 30 11:14:14 10.0.0.1 minerva[5]: xl2tpd[1030]: child_handler : pppd exited for call 52796 with code 2').entries[0]?.cause).toBeUndefined();
  });
});
