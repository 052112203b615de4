import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * RouterOS lines the MikroTik family read wrongly or said little about: the OpenVPN server's own lines, `TCP connection
 * established from` under the sstp and ovpn topics (not PPTP's), and the firewall's log lines (who sent the packet, where to,
 * what its TCP flags do).
 */

const t = engineT('en');
const nl = engineT('nl');
const say = (text: string, lang = t): string[] => parseServerLog(text).entries.map((e) => describeEntry(e, lang));

describe('RouterOS OpenVPN server lines', () => {
  // the log of forum.mikrotik.com thread 213051 (RouterOS 6.49.2), with the blanks RouterOS prints: the search index's copy of
  // the post lost them (`Dec/04/202412:22:27ovpn,debug<…>:disconnected<peer disconnected>`), so it is no fixture
  const THREAD = [
    '12:21:50 ovpn,info : using encoding - AES-256-CBC/SHA1',
    '12:22:27 ovpn,debug <xxx.xxx.xxx.xxx>: disconnected <peer disconnected>',
    '12:22:27 ovpn,debug listening again for incoming connections',
    '12:22:27 ovpn,info TCP connection established from xxx.xxx.xxx.xxx',
    '12:22:27 ovpn,debug no more listening for incoming connections: too busy',
    '12:22:27 ovpn,debug,packet sent P_CONTROL_HARD_RESET_SERVER_V2 kid=0 sid=9eaab3acb63e7cfc pid=0 DATA len=0',
  ].join('\n');

  it('every line is read, none as PPTP, none as a failure of its own', () => {
    const r = parseServerLog(THREAD);
    expect([r.records, r.understood]).toEqual([6, 6]);
    expect(r.entries.filter((e) => e.cause)).toEqual([]);
    const en = say(THREAD);
    expect(en[0]).toBe('The OpenVPN session encrypts with AES-256-CBC and checks its packets with SHA1.');
    expect(en[1]).toContain('the PC closed its connection ("peer disconnected"');
    expect(en[2]).toBe("The router's OpenVPN server accepts new connections again.");
    expect(en[3]).toBe("A TCP connection came in from xxx.xxx.xxx.xxx to the router's OpenVPN server (TCP 1194 by default).");
    expect(en[4]).toContain('("too busy")');
    expect(en[5]).toBe("The router sent an OpenVPN P_CONTROL_HARD_RESET_SERVER_V2 packet. It is the server's answer to a client's first packet: the session's TLS handshake can start.");
    for (const s of en) expect(s).not.toMatch(/PPTP|serverLog\./);
    for (const s of say(THREAD, nl)) expect(s).not.toMatch(/\{\{|serverLog\./);
  });

  it('the reason in angle brackets decides; the session by address is the peer; the router’s own client hears the server close', () => {
    const r = parseServerLog(['10:00:01 ovpn,info <203.0.113.5>: disconnected <bad packet received>', '10:00:02 ovpn,info ovpn-out1: disconnected <peer disconnected>', '10:00:03 ovpn,info <203.0.113.6>: disconnected <connection reset>'].join('\n'));
    expect(r.entries.map((e) => [e.outcome, e.peer ?? null])).toEqual([
      ['warning', '203.0.113.5'],
      ['info', null],
      ['info', '203.0.113.6'],
    ]);
    const en = r.entries.map((e) => describeEntry(e, t));
    expect(en[0]).toContain('a packet it could not read ("bad packet received"');
    expect(en[1]).toBe('The router\'s own OpenVPN connection on ovpn-out1 ended: the server closed it ("peer disconnected").');
    expect(en[2]).toBe('The OpenVPN session ended (connection reset).');
  });

  it('a garbled topic list (empty topics, other facilities among them) is still the OpenVPN line; a list led by another facility is not', () => {
    // the shape of RouterOS 6's lists in SoftEtherVPN issue #333, varied: no date, the Winbox column copy (no empty topic there), another message under it
    const r = parseServerLog(
      [
        'jun/14/2017 12:24:09 ovpn,debug,error,,,,,,,,,bgp,info,,l2tp,,,critical,,,,,,,,,critical,,,,critical duplicate packet, dropping',
        '12:24:10 ovpn,,debug,,error duplicate packet, dropping',
        'ovpn, debug, error | duplicate packet, dropping',
        '12:24:11 ovpn,debug,,,bgp,info listening again for incoming connections',
        '12:24:12 bgp,,info,,ovpn duplicate packet, dropping',
      ].join('\n'),
    );
    expect(r.entries.map((e) => e.family)).toEqual(['mikrotik', 'mikrotik', 'mikrotik', 'mikrotik', 'mikrotik']);
    const en = r.entries.map((e) => describeEntry(e, t));
    for (const s of en.slice(0, 3)) expect(s).toContain('("duplicate packet, dropping")');
    expect(r.entries.slice(0, 3).map((e) => [e.outcome, e.cause ?? null])).toEqual([['warning', null], ['warning', null], ['warning', null]]);
    expect(r.entries[0]!.time).toMatchObject({ year: 2017, month: 6, day: 14, hour: 12, minute: 24, second: 9 });
    expect(en[3]).toBe("The router's OpenVPN server accepts new connections again.");
    // led by BGP: another facility's line, not the VPN's
    expect(en[4]).toContain('RouterOS bgp');
    expect(describeEntry(r.entries[0]!, nl)).toContain('OpenVPN 2.6');
  });

  it('a session named by the PC\'s address has that address as its peer, not as a user; TLS failing is a failure on either side', () => {
    const r = parseServerLog(
      [
        '10:00:01 sstp,ppp,info <203.0.113.5>: terminating... - TLS failed',
        '10:00:02 ovpn,info ovpn-out1: terminating... - TLS failed',
        '10:00:03 l2tp,ppp,info <203.0.113.6>: authenticated',
        '10:00:04 l2tp,ppp,info <l2tp-anna>: connected',
        '10:00:05 pptp,ppp,info <2001:db8::7>: terminating... - peer is not responding',
      ].join('\n'),
    );
    expect(r.entries.map((e) => [e.outcome, e.peer ?? null, e.user ?? null])).toEqual([
      ['failure', '203.0.113.5', null],
      ['failure', null, null],
      ['success', '203.0.113.6', null],
      ['success', null, 'anna'],
      ['warning', '2001:db8::7', null],
    ]);
    const en = r.entries.map((e) => describeEntry(e, t));
    expect(en[0]).toContain('its TLS handshake with the PC failed');
    expect(en[1]).toContain('The router is the VPN client here, not the PC.');
    expect(describeEntry(r.entries[1]!, nl)).toContain('ovpn-out1');
  });

  it('received opcodes are named; the client reset is explained; an unknown opcode is named alone', () => {
    const en = say(['10:00:01 ovpn,debug,packet rcvd P_CONTROL_HARD_RESET_CLIENT_V2 kid=0 sid=1 pid=0 DATA len=0', '10:00:02 ovpn,debug,packet rcvd P_CONTROL_WKC_V1 kid=0'].join('\n'));
    expect(en[0]).toBe("The router received an OpenVPN P_CONTROL_HARD_RESET_CLIENT_V2 packet. It is the client's first packet: it starts a new session.");
    expect(en[1]).toBe('The router received an OpenVPN P_CONTROL_WKC_V1 packet.');
  });

  it('an MPPE line is still MPPE, not an OpenVPN cipher', () => {
    expect(say('20:20:36 pptp,ppp,info <pptp-USERNAME>: using encoding - MPPE128 stateless')[0]).toContain('Encryption is up');
  });
});

describe('RouterOS `TCP connection established from`: the topic names the server', () => {
  it('sstp and ovpn are not PPTP; pptp and a line without topics stay PPTP, the sender not called the PC', () => {
    const en = say(['1 sstp,info TCP connection established from 10.1.2.3', 'ovpn,info TCP connection established from 10.1.2.4', 'pptp,info TCP connection established from 10.1.2.5', 'TCP connection established from 10.1.2.6'].map((l, i) => `12:00:0${i} ${l.replace(/^1 /, '')}`).join('\n'));
    expect(en).toEqual([
      "A TCP connection came in from 10.1.2.3 to the router's SSTP server (TLS, TCP 443 by default).",
      "A TCP connection came in from 10.1.2.4 to the router's OpenVPN server (TCP 1194 by default).",
      // (RouterOS logs every TCP connection to its PPTP port, a scanner's too: the PC is not named)
      "A TCP connection came in from 10.1.2.5 to the router's PPTP server (TCP 1723): a VPN client starting PPTP, or any other host trying the port.",
      "A TCP connection came in from 10.1.2.6 to the router's PPTP server (TCP 1723): a VPN client starting PPTP, or any other host trying the port.",
    ]);
  });
});

describe('RouterOS firewall log lines', () => {
  it('the chain says where the packet went, the addresses who sent it; the outside side is the peer', () => {
    const r = parseServerLog(
      [
        '20:20:44 firewall,info input: in:ether1-gateway out:(none), src-mac 00:01:5c:82:ee:47, proto 47, 82.132.216.62->82.XXX.XXX.177, len 54',
        '20:20:45 firewall,info forward: in:ether1 out:ether2, proto TCP (SYN), 192.168.1.10:12345->10.0.0.1:80, NAT 192.168.1.10:12345->(10.0.0.1:80)->10.0.0.1:80, len 60',
        '20:20:46 firewall,info output: in:(unknown 0) out:ether1, proto UDP, 198.51.100.1:500->203.0.113.9:500, len 300',
        '20:20:47 firewall,info remote-access input: in:ether1 out:(none), proto TCP (RST), 203.0.113.7:22200->198.51.100.1:1723, len 40',
      ].join('\n'),
    );
    expect(r.entries.map((e) => e.peer ?? null)).toEqual(['82.132.216.62', null, '203.0.113.9', '203.0.113.7']);
    const en = r.entries.map((e) => describeEntry(e, t));
    expect(en).toEqual([
      "The router's firewall logged a GRE (47) packet from 82.132.216.62 to the router itself (82.XXX.XXX.177).",
      "The router's firewall logged a TCP 80 packet from 192.168.1.10 to 10.0.0.1, passing through the router. It opens a new TCP connection (SYN).",
      "The router's firewall logged a UDP 500 (IKE) packet the router sent from 198.51.100.1 to 203.0.113.9.",
      "The router's firewall logged a TCP 1723 (PPTP) packet from 203.0.113.7 to the router itself (198.51.100.1). The TCP connection is broken off: refused or aborted (RST).",
    ]);
    expect(describeEntry(r.entries[3]!, nl)).toContain('(RST)');
  });

  it('a SYN,ACK (the answer to a SYN) opens nothing; FIN with ACK still closes', () => {
    const en = say(['1 firewall,info input: in:e1 out:(none), proto TCP (SYN,ACK), 203.0.113.7:443->198.51.100.1:50000, len 60', '2 firewall,info input: in:e1 out:(none), proto TCP (ACK,FIN), 203.0.113.7:50001->198.51.100.1:1723, len 52'].map((l, i) => `12:00:0${i} ${l.slice(2)}`).join('\n'));
    expect(en[0]).not.toContain('SYN');
    expect(en[1]).toContain('(FIN)');
  });
});

describe("racoon's per-peer messages in a RouterOS forum copy that lost its newlines", () => {
  it('each starts before its address (masked or not), after a port or a full stop; the address is the peer', () => {
    const r = parseServerLog('respond new phase 1 (Identity Protection): 198.51.100.1[500]<=>203.0.113.9[4500]203.0.113.9 failed to get valid proposal.203.0.113.9 failed to pre-process ph1 packet (side: 1, status 1).203.0.113.9 phase1 negotiation failed.');
    expect(r.entries.map((e) => [e.cause ?? null, e.peer])).toEqual([
      [null, '203.0.113.9'],
      ['ike-no-proposal', '203.0.113.9'],
      ['ike-no-proposal', '203.0.113.9'],
      [null, '203.0.113.9'],
    ]);
    expect(parseServerLog('12:00:00 ipsec,error x.x.x.x parsing packet failed, possible cause: wrong password').entries[0]).toMatchObject({ cause: 'ike-auth-failed', peer: 'x.x.x.x' });
  });

  it('a line with one such message is not cut inside its address', () => {
    const r = parseServerLog('17:12:32 ipsec,error 10.5.107.112 failed to get valid proposal.\n17:12:33 ipsec,error 10.5.107.112 phase1 negotiation failed.');
    expect([r.records, r.entries.map((e) => e.peer)]).toEqual([2, ['10.5.107.112', '10.5.107.112']]);
  });
});
