import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { realServerLogTable, REAL_SERVER_LOGS, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * mpd5, the PPP daemon of pfSense's and OPNsense's PPTP, L2TP and PPPoE servers and clients (families/mpd.ts), on real logs
 * (test/fixtures/real/server-logs/mpd5-*.txt, sources in test/fixtures/real/SOURCES.md): pfSense's documented L2TP/IPsec
 * session of a Windows PC (ident `l2tps`, option lines without a head), a BSDRP LNS (`ppp[pid]`, MS-CHAP v2, an address from a
 * pool), a PPPoE client in a mailing list's quoted-printable copy, OPNsense's RFC 5424 lines and its log page copied with tabs.
 * No real log of a refused mpd log-in, MPPE refusal or RADIUS time-out was found: those lines are tested below as mpd's sources
 * write them (chap.c ChapInputFinish, auth.c AuthFailMsg, radius.c, ipcp.c, ccp_mppc.c MppcDecodeConfigReq).
 */

const en = engineT('en');
const nl = engineT('nl');

const EXPECTED: Record<string, RealServerLogRow> = {
  'mpd5-pfsense-docs-l2tps-windows-chap-ccp-protocol-rejected-then-disconnect.txt': {
    records: 167,
    understood: 166,
    families: { pppd: 166 },
    causes: [],
    says: [
      [1, 'L2TP from 192.0.2.52 (port 1701): the other side opens a tunnel.'],
      [53, 'The server asks the PC to log in with CHAP.'],
      [57, 'The PC identifies itself as Windows remote access (MSRASV5.20).'],
      [63, 'The PC logs in as "jim".'],
      [66, 'INTERNAL gave no verdict: mpd checks the password itself next.'],
      [68, 'No log-in back end decided: mpd compares the password itself now.'],
      [69, 'The user jim logged in (CHAP authentication succeeded).'],
      [84, 'TCP/IP header compression (Van Jacobson, RFC 1144) with 16 slots.'],
      // Windows refuses CCP inside L2TP/IPsec: no encryption finding, IPsec encrypts
      [106, 'The PC refused CCP, PPP\'s own encryption (MPPE): normal for L2TP/IPsec'],
      [112, 'This side proposes 192.168.32.128 instead (Configure-Nak).'],
      [130, 'Server side of the tunnel: 192.168.32.1. The PC was given 192.168.32.128.'],
      [135, 'The user jim was connected 29 s: 8139 bytes in, 737 bytes out.'],
      [165, 'This side ended L2TP call 0.'],
      [166, 'The L2TP tunnel closes: result code 0 (no more sessions exist in this tunnel).'],
    ],
  },
  'mpd5-bsdrp-lns-ppp-tag-ms-chapv2-pool-address-ipcp-nak.txt': {
    records: 115,
    understood: 115,
    families: { syslog: 1, pppd: 114 },
    causes: [],
    says: [
      [19, 'Option of the packet above: AUTHPROTO CHAP MSOFTv2.'],
      [41, 'LCP goes from state Ack-Rcvd to Opened.'],
      // the method is the one the two sides acknowledged in LCP, not the word "CHAP" of the line
      [50, 'The user olivier logged in (MS-CHAP-v2 authentication succeeded).'],
      [66, 'The PC gets 88.88.0.1 from the address pool "pool1".'],
      [115, 'Server side of the tunnel: 88.88.0.254. The PC was given 88.88.0.1.'],
    ],
  },
  'mpd5-freebsd-pppoe-client-mailing-list-quoted-printable-wraps-timeout-pap.txt': {
    records: 99,
    understood: 97,
    families: { pppd: 97 },
    causes: [],
    says: [
      // `… timeout after 9 secon=` / `ds`: the quoted-printable soft break is no part of the text
      [3, 'No PPPoE server answered within 9 seconds (no offer, PADO)'],
      [7, 'This side dials again in 4 seconds (attempt 942).'],
      [46, 'The server asks this side to log in with PAP.'],
      [52, 'This side logged in to the other side (PAP authentication succeeded).'],
      [91, 'The server does not run IPV6CP (Protocol-Reject)'],
      // a client's log: its own address, and the server's
      [110, 'This side was given 160.202.143.224. The server\'s side of the tunnel: 220.158.188.4.'],
    ],
  },
  // pfSense's mpd 5.7 dialling its PPPoE WAN (`[opt2_link0]`) with RFC 4638's PPP-Max-Payload: `PPPoE: Connecting to ''` (this side
  // sends the PADI) and the access concentrator's name from its PADO say the log is the PPPoE client's (were bookkeeping, and the
  // log said nothing of whose it is); mpd's empty line after its banner is no statement
  'mpd5-pfsense-pppoe-client-wan-rfc4638-max-payload-acname-connection-successful.txt': {
    records: 16,
    understood: 15,
    families: { pppd: 15 },
    causes: [],
    says: [
      [11, "This side looks for a PPPoE server (access concentrator) for the service '' ('' is any): it is the PPPoE client, the side that dials (PADI)."],
      [12, "The PPPoE server (access concentrator) dsl7.th-lon-XXXXXXXXXXXXXX answered this side's search (PADO): this side is the PPPoE client."],
    ],
  },
  'mpd5-opnsense-gui-copy-tabs-pppoe-client-lcp-down-connection-closed.txt': {
    records: 4,
    understood: 4,
    families: { pppd: 4 },
    causes: [],
    session: 'wan_link0',
    says: [
      [1, 'LCP left the Opened state for Starting: the connection below PPP went down'],
      [3, 'The PPP link is down.'],
    ],
  },
  'mpd5-opnsense-rfc5424-meta-sequence-l2tp-client-lcp-renegotiation-chap-challenge.txt': {
    records: 11,
    understood: 11,
    families: { pppd: 11 },
    causes: [],
    session: 'opt1_link0',
    says: [
      [2, 'LCP left the Opened state for Ack-Sent'],
      [8, 'The server asks this side to log in with CHAP.'],
      [10, 'CHAP Challenge from the server (id 136)'],
      [11, 'The server names itself "lns1-ixn".'],
    ],
  },
};

/** mpd lines as a pfSense PPTP server (`pptps`) logs them, one record each */
const server = (...lines: string[]) => parseServerLog(lines.map((l) => `Jan 10 12:00:01 pfsense pptps: ${l}`).join('\n'), 'mpd');
const keys = (r: ReturnType<typeof parseServerLog>, line: number) => r.entries.filter((e) => e.line === line).flatMap((e) => e.decoded.map((x) => x.key));

describe('real mpd5 logs (pfSense, OPNsense, BSDRP, a mailing list)', () => {
  it('covers every mpd5 fixture', () => {
    // (or in real-held-out-round42-ppp-servers.test.ts, the round's held-out logs: read as text, so their tests do not run twice)
    const round42 = readRepoText('app/core/parse/server-log/real-held-out-round42-ppp-servers.test.ts');
    expect(repoFiles(REAL_SERVER_LOGS).filter((f) => f.startsWith('mpd5-') && !round42.includes(`'${f}'`)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  realServerLogTable(EXPECTED);

  it('a refused log-in on the server: the user of the Response, the checked password, MS-CHAP E=691 (chap.c ChapInputFinish, auth.c AuthFailMsg)', () => {
    const r = server('[pt0] LCP: auth: peer wants nothing, I want CHAP', '[pt0] CHAP: rec\'d RESPONSE #1 len: 62', '[pt0]   Name: "alice"', '[pt0] AUTH: Trying INTERNAL', '[pt0] AUTH: INTERNAL returned: undefined', '[pt0] CHAP: Auth return status: undefined', '[pt0] CHAP: Invalid response', '[pt0] CHAP: Reply message: E=691 R=0 M=Authentication failed');
    expect(r.entries.filter((e) => e.cause).map((e) => [e.line, e.cause, e.code, e.user])).toEqual([
      [7, 'credentials-rejected', 691, 'alice'],
      [8, 'credentials-rejected', 691, undefined],
    ]);
    expect(describeEntry(r.entries.find((e) => e.line === 7)!, en)).toBe('The user "alice" failed CHAP authentication: wrong user name or password, or the account may not dial in.');
    // (another MS-CHAP code: 649, no dial-in permission)
    expect(server('[pt0] CHAP: Reply message: E=649 R=0 M=Not allowed').entries[0]).toMatchObject({ cause: 'credentials-rejected', code: 649 });
  });

  it('RADIUS: no answer is the RADIUS server\'s fault, a reject the password\'s (radius.c RadiusSendRequest)', () => {
    const none = server('[pt0] RADIUS: rad_send_request for user \'alice\' failed: No valid RADIUS responses received', '[pt0] AUTH: RADIUS returned: fail');
    expect(none.entries.map((e) => [e.line, e.cause, e.outcome])).toEqual([[1, 'radius-unreachable', 'failure'], [2, undefined, 'warning']]);
    const reject = server('[pt0] RADIUS: Rec\'d RAD_ACCESS_REJECT for user \'alice\'');
    expect(reject.entries[0]).toMatchObject({ cause: 'credentials-rejected', code: 691, user: 'alice' });
  });

  it('MPPE refused by either side, read from the MPPC option\'s bits under a CCP Configure-Reject (ccp_mppc.c MppcDecodeConfigReq)', () => {
    const pc = server('[pt1] CCP: rec\'d Configure Reject #1 (Req-Sent)', '[pt1]   MPPC', '[pt1]     0x01000040:MPPE(128 bits), stateless');
    expect(pc.entries.at(-1)).toMatchObject({ line: 3, cause: 'pc-refused-encryption', decoded: [{ key: 'step.mpdMppcBits', values: { mppe: 0x01000040 } }, { key: 'rejectEncryptionByOther' }] });
    expect(describeEntry(pc.entries.at(-1)!, en)).toContain('(0x01000040): MPPE 128-bit, stateless.');
    const own = server('[pt1] CCP: SendConfigRej #1', '[pt1]   MPPC', '[pt1]     0x00000060:MPPE(40, 128 bits)');
    expect(own.entries.at(-1)).toMatchObject({ cause: 'server-refused-encryption' });
    // (why mpd refuses it, MppcDecodeConfigReq: said after the verdict every PPP family shares)
    expect(keys(own, 3)).toEqual(['step.mpdMppcBits', 'rejectEncryptionHere', 'mpdMppeRefused']);
    // a rejected option without a key length (MPPC compression only) is no encryption refused
    expect(server('[pt1] CCP: rec\'d Configure Reject #1 (Req-Sent)', '[pt1]     0x00000001:MPPC').entries.at(-1)!.cause).toBeUndefined();
    // CCP refused with a Protocol-Reject: the PC does no MPPE at all — a failure over PPTP, normal inside L2TP/IPsec (the fixture)
    expect(server('[pt0] LCP: rec\'d Protocol Reject #7 (Opened)', '[pt0] LCP: protocol CCP was rejected').entries.at(-1)).toMatchObject({ cause: 'pc-refused-encryption' });
  });

  it('no address for the PC: an empty pool (ipcp.c), the PC\'s IP-Address option rejected', () => {
    expect(server('[B-2] IPCP: Can\'t get IP from pool "pool1" for peer').entries[0]).toMatchObject({ cause: 'address-pool', session: 'B-2' });
    const rej = server('[B-2] IPCP: SendConfigRej #3', '[B-2]   IPADDR 0.0.0.0');
    expect(rej.entries.at(-1)).toMatchObject({ cause: 'address-pool', outcome: 'failure' });
    // the PC's DNS option rejected is harmless (the fixture's PRINBNS, SECDNS)
    expect(server('[B-2] IPCP: SendConfigRej #3', '[B-2]   SECDNS 0.0.0.0').entries.at(-1)!.cause).toBeUndefined();
  });

  it('the PC rejects the log-in method the server asks for (an LCP Configure-Reject of AUTHPROTO)', () => {
    const r = server('[pt0] LCP: SendConfigReq #1', '[pt0]   AUTHPROTO CHAP MSOFTv2', '[pt0] LCP: rec\'d Configure Reject #1 (Req-Sent)', '[pt0]   AUTHPROTO CHAP MSOFTv2');
    expect(keys(r, 2)).toEqual(['step.mpdOption']);
    expect(keys(r, 4)).toEqual(['step.mpdOption', 'rejectAuthByOther']);
    // (as pppd's dump and IOS's option lines: a cause until a later request shows the server went on without it, ppp-got-past.ts)
    expect(r.entries.at(-1)).toMatchObject({ outcome: 'failure', cause: 'auth-protocol-mismatch' });
  });

  it('mpd as a client refused by its server: the CHAP Failure and its message\'s E= code, worded for this side (chap.c ShowMesg)', () => {
    const r = parseServerLog(['[opt1_link0] LCP: auth: peer wants CHAP, I want nothing', '[opt1_link0] CHAP: rec\'d CHALLENGE #136 len: 29', '[opt1_link0] CHAP: sending RESPONSE #136 len: 59', '[opt1_link0] CHAP: rec\'d FAILURE #136 len: 47', '[opt1_link0]   MESG: E=691 R=1 C=0123456789ABCDEF V=3 M=Bad password'].map((l) => `Mar  2 10:45:07 opnsense ppp[39188]: ${l}`).join('\n'));
    expect(r.entries.filter((e) => e.cause).map((e) => [e.line, e.cause, e.code])).toEqual([[4, 'credentials-rejected', 691], [5, 'credentials-rejected', 691]]);
    expect(describeEntry(r.entries.at(-1)!, en)).toContain("The server refused this side's CHAP log-in (MS-CHAP error E=691");
  });

  it('pppd\'s own lines under a `ppp` tag stay pppd\'s: only a [link] head or mpd\'s head-less lines make them mpd\'s', () => {
    const r = parseServerLog('Aug  1 22:45:15 router ppp[7]: sent [LCP ConfReq id=0x1 <mru 1400>]');
    expect(r.entries[0]!.decoded[0]).toMatchObject({ key: 'packet', values: { options: 'mru 1400' } });
  });

  it('reads the Dutch', () => {
    const r = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/mpd5-bsdrp-lns-ppp-tag-ms-chapv2-pool-address-ipcp-nak.txt`));
    expect(describeEntry(r.entries.find((e) => e.line === 66)!, nl)).toBe('De pc krijgt 88.88.0.1 uit de adresgroep "pool1".');
    const c = parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/mpd5-freebsd-pppoe-client-mailing-list-quoted-printable-wraps-timeout-pap.txt`));
    expect(describeEntry(c.entries.find((e) => e.line === 3)!, nl)).toMatch(/^Geen PPPoE-server antwoordde binnen 9 seconden \(geen aanbod, PADO\)\. .*glasvezelmodem.*PPPoE-servicenaam of AC-naam/);
  });
});
