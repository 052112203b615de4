import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * The message classes real pppd-family logs showed (real-pppd.test.ts has the fixtures): pppd,
 * pptpd, xl2tpd and accel-ppp lines, each rule with its variants and near misses, the source file
 * of its wording named in each describe.
 */

const t = engineT('en');

describe('message classes (families/pppd.ts)', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('pppd "Unsupported protocol": CCP (0x80fd) is the server refusing encryption; other protocols are information', () => {
    expect(one("Nov 03 20:16:24 pppd[4644]: Unsupported protocol 'Compression Control Protocol' (0x80fd) received")).toMatchObject({ outcome: 'failure', cause: 'server-refused-encryption' });
    expect(one('pppd[4644]: Unsupported protocol 0x80fd received')).toMatchObject({ cause: 'server-refused-encryption' });
    const mplscp = one("Dec 19 19:42:06 host pppd[6635]: Unsupported protocol 'MPLSCP' (0x8281) received")!;
    expect([mplscp.outcome, mplscp.cause]).toEqual(['info', undefined]);
    // near miss: not pppd's wording
    expect(one('pppd[1]: Unsupported protocol received')).toBeUndefined();
  });
  it('xl2tpd "Connection N closed to …": a timeout is a warning, another reason information', () => {
    expect(one('Mar 27 10:15:32 h xl2tpd[10164]: Connection 0 closed to X.X.X.X, port 1701 (Timeout)')).toMatchObject({ outcome: 'warning' });
    expect(one('Mar 27 10:15:32 h xl2tpd[10164]: control_finish: Connection 5 closed to 10.0.0.2, port 1701 (Goodbye!)')).toMatchObject({ outcome: 'info' });
    expect(describeEntry(one('xl2tpd[1]: Connection 0 closed to 10.0.0.2, port 1701 (Server closing)')!, t)).toBe('L2TP tunnel 0 to 10.0.0.2 (port 1701) closed: Server closing.');
  });
  it('xl2tpd AVP lines: vendor Microsoft names the Windows client, another vendor does not; any other AVP is bookkeeping', () => {
    expect(describeEntry(one("xl2tpd[1]: vendor_avp: peer reports vendor 'Microsoft'")!, t)).toContain('built into Windows');
    expect(describeEntry(one("xl2tpd[1]: vendor_avp: peer reports vendor 'Linux'")!, t)).toBe("The PC's L2TP software reports vendor Linux.");
    expect(describeEntry(one('xl2tpd[1]: challenge_avp: challenge avp found')!, t)).toBe('xl2tpd bookkeeping.');
  });
  it('accel-ppp: session prefixes (syslog ifname:user:, log_file ifname: sessionid: and ifname:) are cut and name the session', () => {
    const e = one('Oct 23 01:25:01 h accel-pppd: ppp3:bob: bob: authentication failed')!;
    expect(e).toMatchObject({ cause: 'credentials-rejected', user: 'bob', session: 'ppp3' });
    expect(one('[2017-12-05 14:36:29]:  info: ppp0: da66f165863aaaac: bob: authentication failed')).toMatchObject({ cause: 'credentials-rejected', session: 'ppp0' });
    const noName = one('Oct 23 01:25:01 h accel-pppd: ppp0:: authentication failed')!;
    expect([noName.cause, noName.user]).toEqual(['credentials-rejected', undefined]);
    expect(one("Oct 23 01:25:01 h accel-pppd: ppp0:: cann't negotiate authentication type")).toMatchObject({ cause: 'auth-protocol-mismatch' });
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: mppe: MPPE requested but not supported by kernel')).toMatchObject({ cause: 'mppe-unavailable' });
    // near miss: a module word is not an interface, so `sstp: ` stays part of the message
    const module = one('Oct 23 01:25:01 h accel-pppd: sstp: disconnect by peer')!;
    expect([module.outcome, module.session]).toEqual(['warning', undefined]);
  });
  it('accel-ppp packet dumps are read as pppd packets: an MS-CHAP-v2 Failure carries its E= code', () => {
    const e = one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: send [MSCHAP-v2 Failure id=1 "E=691 R=1 C=0123456789abcdef0123456789abcdef V=3 M=Authentication failed"]')!;
    expect(e).toMatchObject({ outcome: 'failure', cause: 'credentials-rejected', code: 691 });
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:: recv [MSCHAP-v2 Response id=1 <aa>, <bb>, F=0, name="alice"]')).toMatchObject({ user: 'alice' });
    expect(describeEntry(one('Sep  5 16:55:12 h accel-pppd: br0:: send [LCP ConfReq id=65 <auth MSCHAP-v2> <mru 1400> <magic 560feeb9>]')!, t)).toContain('(id 0x65)');
  });
  it('a trailing comma (a pasted list of lines) does not hide the message', () => {
    expect(one('xl2tpd[1]: Maximum retries exceeded for tunnel 9072.  Closing.,')).toMatchObject({ outcome: 'warning' });
  });
});

describe('pppd, pptpd and radius message classes (source-checked wordings)', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  const causeOf = (line: string) => one(line)?.cause;
  it('LCP echo failure: the PC stopped answering (warning, no cause)', () => {
    const e = one('Jan  1 00:00:02 h pppd[1]: No response to 4 echo-requests')!;
    expect([e.outcome, e.cause]).toEqual(['warning', undefined]);
    expect(describeEntry(e, t)).toContain('4 unanswered');
    expect(one('Jan  1 00:00:02 h pppd[1]: Serial link appears to be disconnected.')!.outcome).toBe('warning');
  });
  it('IPCP: no local address is an address problem; the PC refusing ours is a warning', () => {
    expect(causeOf('pppd[1]: Could not determine local IP address')).toBe('address-pool');
    expect(one('pppd[1]: Peer refused to agree to our IP address')!.outcome).toBe('warning');
  });
  it('"No CHAP secret found for authenticating USER" names the user and is error 691; the client-side "… us to X" is not', () => {
    expect(one('pppd[1]: No CHAP secret found for authenticating dev')).toMatchObject({ cause: 'credentials-rejected', code: 691, user: 'dev' });
    expect(causeOf('pppd[1]: No CHAP secret found for authenticating us to server')).toBeUndefined();
  });
  it('auth and MPPE refusals by the PC', () => {
    expect(causeOf('pppd[1]: peer refused to authenticate: terminating link')).toBe('auth-protocol-mismatch');
    expect(causeOf('pppd[1]: MPPE required but peer refused')).toBe('pc-refused-encryption');
    expect(causeOf("pppd[1]: Protocol-Reject for 'Compression Control Protocol' (0x80fd) received")).toBe('pc-refused-encryption');
    expect(causeOf('pppd[1]: Protocol-Reject for unsupported protocol 0x80fd')).toBe('pc-refused-encryption');
    const ipv6 = one("pppd[1]: Protocol-Reject for 'IPv6 Control Protocol' (0x8057) received")!;
    expect([ipv6.outcome, ipv6.cause]).toEqual(['info', undefined]);
  });
  it('an MS-CHAP failure pppd has no text for still gives its E= code', () => {
    expect(one('pppd[1]: Unknown MS-CHAP authentication failure: E=649 R=0 V=3')).toMatchObject({ cause: 'credentials-rejected', code: 649 });
  });
  it('other control protocols terminated by the PC; scripts; RADIUS plugin start-up', () => {
    expect(describeEntry(one('pppd[1]: CCP terminated by peer (No compression negotiated)')!, t)).toBe('The PC ended CCP: "No compression negotiated".');
    expect(describeEntry(one('pppd[1]: Script /etc/ppp/ip-up started (pid 6652)')!, t)).toBe('pppd runs script /etc/ppp/ip-up.');
    const radius = one("pppd[1]: RADIUS: Can't read config file /etc/radiusclient/radiusclient.conf")!;
    // the plugin cannot start: no password can be checked (radius-misconfigured)
    expect([radius.outcome, radius.cause]).toEqual(['failure', 'radius-misconfigured']);
    expect(one('pppd[1]: rc_avpair_new: unknown attribute 97')!.outcome).toBe('info');
  });
  it("accel-ppp's RADIUS module cannot start (dictionary, server lines) and its SSTP certificate files: causes with their own advice", () => {
    for (const line of ["accel-pppd[1]: radius: open dictionary '/usr/share/accel-ppp/radius/dictionary': No such file or directory", "accel-pppd[1]: radius: failed to parse 'auth-server'", "accel-pppd[1]: radius: failed to parse '10.0.0.5,secret,bogus'", 'accel-pppd[1]: radius: failed to parse dae-server']) {
      expect(one(line), line).toMatchObject({ outcome: 'failure', cause: 'radius-misconfigured' });
    }
    expect(describeEntry(one("accel-pppd[1]: radius: failed to parse 'auth-server'")!, t)).toBe("accel-ppp's RADIUS settings cannot be used (auth-server): it cannot check any user's password.");
    // a warning about one server's weight is not the module failing
    expect(one('accel-pppd[1]: radius: 10.0.0.5,secret,weight=0: invalid weight (forced to 1)')?.cause).toBeUndefined();
    for (const option of ['pemfile', 'keyfile', 'ca-file']) expect(one(`accel-pppd[1]: sstp: ssl-${option} error: error:02001002:system library:fopen:No such file or directory`)!.cause).toBe('sstp-server-certificate');
  });
  it('pptpd: no free slot is an address/slot problem; the MGR catch-all still reads other MGR lines; GRE from PTY is pppd ending, from network is GRE', () => {
    expect(causeOf('pptpd[1]: MGR: No free connection slots or IPs - no more clients can connect!')).toBe('address-pool');
    expect(describeEntry(one('pptpd[1]: MGR: Manager process started')!, t)).toBe('pptpd bookkeeping.');
    expect(describeEntry(one('pptpd[1]: GRE: read(fd=6,buffer=413500,len=8196) from PTY failed: status = -1 error = I/O error')!, t)).toContain('pptpd lost its pppd');
    expect(describeEntry(one('pptpd[1]: GRE: read(fd=6,buffer=413500,len=8196) from network failed: status = -1 error = Connection refused')!, t)).toContain('GRE error reading network');
    // (ENOPROTOOPT is an ICMP protocol-unreachable answer to the server's GRE, net/ipv4/icmp.c icmp_err_convert: the PC's side refuses
    // GRE — real-held-out-round40-windows-ppp.test.ts)
    expect(describeEntry(one('pptpd[1]: GRE: read(fd=6,buffer=413500,len=8196) from network failed: status = -1 error = Protocol not available')!, t)).toContain("the PC's side does not accept GRE");
  });
  it("pptpd's logwtmp plugin names the user and the PC's address", () => {
    expect(one('pppd[1]: pptpd-logwtmp.so ip-up ppp0 bob 203.0.113.7')).toMatchObject({ user: 'bob', peer: '203.0.113.7', outcome: 'success' });
  });
});

describe('xl2tpd call and start-up classes', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('"Call established with" with PID (older xl2tpd), without it, and with (ref=a/b)', () => {
    for (const line of ['xl2tpd[1]: Call established with 10.0.0.2, PID: 5, Local: 1, Remote: 2, Serial: 3', 'xl2tpd[1]: Call established with 10.0.0.2, Local: 1, Remote: 2, Serial: 3', 'xl2tpd[1]: Call established with 128.198.18.9, Local: 30365, Remote: 11, Serial: 1 (ref=0/0)']) {
      expect(one(line), line).toMatchObject({ outcome: 'success', peer: line.includes('128.') ? '128.198.18.9' : '10.0.0.2' });
    }
  });
  it("pppd's argv after start_pppd is bookkeeping from xl2tpd only (near miss: a quoted word from another program)", () => {
    expect(describeEntry(one('xl2tpd[1]: "require-chap" ')!, t)).toBe('xl2tpd starts pppd (its command line follows).');
    expect(one('pppd[1]: "require-chap"')).toBeUndefined();
  });
});

describe('accel-ppp RADIUS classes', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('an Access-Reject is error 691; an Access-Request or Access-Accept is a step (near miss)', () => {
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: recv [RADIUS(1) Access-Reject id=1 <Reply-Message "denied">]')).toMatchObject({ cause: 'credentials-rejected', code: 691, session: 'ppp0' });
    const accept = one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: recv [RADIUS(1) Access-Accept id=1 <Framed-IP-Address 10.0.0.5>]')!;
    expect([accept.outcome, accept.cause]).toEqual(['info', undefined]);
  });
  it('a RADIUS server not responding (and no servers left) is radius-unreachable', () => {
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: radius: server(1) not responding')).toMatchObject({ cause: 'radius-unreachable' });
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: radius: server(2) not responding, terminating session...')).toMatchObject({ cause: 'radius-unreachable' });
    expect(one('Oct 23 01:25:01 h accel-pppd: ppp0:bob: radius: no available servers')).toMatchObject({ cause: 'radius-unreachable' });
  });
});

describe('pppd start-up and compression classes', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('no PPP in the kernel is ppp-setup-failed, with or without the errno text', () => {
    expect(one("pppd[1]: Couldn't open the /dev/ppp device: No such device or address")).toMatchObject({ cause: 'ppp-setup-failed' });
    expect(one('pppd[1]: Sorry - this system lacks PPP kernel support')).toMatchObject({ cause: 'ppp-setup-failed' });
  });
  it('a compressor other than MPPE is a step; the MPPE line keeps its own rule (near miss)', () => {
    expect(describeEntry(one('pppd[1]: Deflate (15) compression enabled')!, t)).toBe('Compression Deflate (15) is on.');
    expect(describeEntry(one('pppd[1]: MPPE 128-bit stateless compression enabled')!, t)).not.toContain('Compression MPPE');
  });
});

describe('pptpd control-connection classes (ctrlpacket.c)', () => {
  const one = (line: string) => parseServerLog(line).entries[0];
  it('EOF while reading a message body reads like EOF while reading its length', () => {
    expect(describeEntry(one('pptpd[1]: CTRL: EOF or bad error reading ctrl packet.')!, t)).toContain('was closed by the other side');
  });
  it('not a PPTP message: bad length, bad magic cookie, unknown type', () => {
    expect(describeEntry(one('pptpd[1]: CTRL: 11 < Control packet (length=0) < PPTP_MAX_CTRL_PCKT_SIZE (1024)')!, t)).toContain('(length 0)');
    expect(describeEntry(one('pptpd[1]: CTRL: Bad magic cookie - lost syncronization, closing control connection.')!, t)).toContain('(magic cookie)');
    expect(describeEntry(one('pptpd[1]: CTRL: PPTP Control Message type 9 not supported.')!, t)).toContain('(type 9)');
  });
  it('write failures and retryable reads; near miss: a retry is not the exit', () => {
    expect(one("pptpd[1]: CTRL: Couldn't write packet to client.")!.outcome).toBe('warning');
    expect(describeEntry(one("pptpd[1]: CTRL: couldn't read packet header (retry)")!, t)).toBe('pptpd bookkeeping.');
    expect(describeEntry(one("pptpd[1]: CTRL: couldn't read packet header (exit)")!, t)).toContain('was closed by the other side');
  });
});

describe("pppd's %q names (utils.c vslprintf escapes \" and \\)", () => {
  const one = (line: string) => parseServerLog(line).entries[0]!;
  it('a DOMAIN\\user name is given back as typed', () => {
    expect(one('pppd[1]: Peer CORP\\\\bob failed CHAP authentication').user).toBe('CORP\\bob');
    expect(describeEntry(one('pppd[1]: Peer CORP\\\\bob failed CHAP authentication'), t)).toContain('The user "CORP\\bob" failed CHAP');
    expect(one('pppd[1]: No CHAP secret found for authenticating CORP\\\\bob').user).toBe('CORP\\bob');
    // near miss: a plain name is unchanged
    expect(one('pppd[1]: Peer bob failed CHAP authentication').user).toBe('bob');
  });
});

describe('accel-ppp PPTP classes (accel-pppd/ctrl/pptp/pptp.c)', () => {
  const one = (line: string) => parseServerLog(line).entries[0]!;
  it('a new connection names the PC; a Call-Clear-Request is the PC hanging up; other PPTP packets stay steps', () => {
    expect(one('Nov 01 15:57:45 h accel-pppd[1]: pptp: new connection from 203.0.113.9').peer).toBe('203.0.113.9');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: ppp0:bob: recv [PPTP Call-Clear-Request <Call-ID 1>]'), t)).toContain('The PC ended the call');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: :: recv [PPTP Start-Ctrl-Conn-Request <Version 256> <Framing 1> <Bearer 1> <Max-Chan 0>]'), t)).toBe('accel-ppp PPTP message Start-Ctrl-Conn-Request.');
  });
  it('echo failure, bad messages and an address outside client-ip-range are warnings', () => {
    expect(one('Nov 01 15:57:45 h accel-pppd[1]: ppp0:bob: pptp: no echo reply').outcome).toBe('warning');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: :: pptp: invalid magic'), t)).toContain('(invalid magic)');
    expect(one('Nov 01 15:57:45 h accel-pppd[1]: pptp: IP is out of client-ip-range, droping connection...').outcome).toBe('warning');
  });
});

describe('accel-ppp L2TP classes (accel-pppd/ctrl/l2tp/l2tp.c)', () => {
  const one = (line: string) => parseServerLog(line).entries[0]!;
  it('tunnel lines name the PC; established, StopCCN/CDN and a wrong tunnel secret are read; other tunnel lines are bookkeeping', () => {
    expect(one('Nov 01 15:57:45 h accel-pppd[1]: l2tp tunnel 1234-5 (203.0.113.9:1701): established at 198.51.100.1:1701')).toMatchObject({ outcome: 'success', peer: '203.0.113.9' });
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: l2tp tunnel 1234-5 (203.0.113.9:1701): sending StopCCN (res: 2, err:0)'), t)).toBe('accel-ppp sends an L2TP StopCCN (result 2, error 0): it closes the tunnel or call.');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: l2tp tunnel 1234-5 (203.0.113.9:1701): impossible to authenticate peer: invalid Challenge Response sent by peer (wrong secret)'), t)).toContain('not the user\'s password');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: l2tp session 1234-5, 77-88: sending CDN (res: 3, err: 0)'), t)).toContain('L2TP CDN (result 3');
    expect(describeEntry(one('Nov 01 15:57:45 h accel-pppd[1]: l2tp tunnel 1234-5 (203.0.113.9:1701): discarding unexpected Challenge Response sent by peer'), t)).toBe('accel-ppp bookkeeping.');
  });
});
