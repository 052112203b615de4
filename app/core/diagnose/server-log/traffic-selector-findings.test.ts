import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/**
 * A phase 2 (Quick Mode, CHILD_SA) refused over the networks it would carry — traffic selectors (RFC 7296 §2.9, TS_UNACCEPTABLE
 * §3.10.1) or IKEv1's proxy identities against a crypto map ACL — is a cause of its own, server.traffic-selector-mismatch, worded for
 * the side whose log it is: the server a PC connected to, the side that asked (the responder refused it), or a router in a tunnel with
 * another router (each side's networks must mirror the other's). Before, each of these logs ended "No cause found".
 */

const en = engineT('en');
const nl = engineT('nl');
const ID = 'server.traffic-selector-mismatch';
const findingOf = (text: string, t = en) => explainServerLogs([parseServerLog(text, 'x.log')], t).findings.find((f) => f.id === ID);
const real = (name: string) => readRepoText(`test/fixtures/real/server-logs/${name}`);

type Side = 'server' | 'initiator' | 'site';
const TITLE_KEY: Record<Side, string> = {
  server: 'serverLog.cause.traffic-selector-mismatch.title',
  initiator: 'serverLog.causeAsInitiator.traffic-selector-mismatch.title',
  site: 'serverLog.causeAsSite.traffic-selector-mismatch.title',
};

// [fixture, the side its title is worded for, why]
const ROWS: [string, Side, string][] = [
  // Libreswan 4.x as responder: `No IKEv2 connection found with compatible Traffic Selectors`, then TS_UNACCEPTABLE to the other side;
  // the log is a site's (its connection lists an alias of subnets, libreswan-site.ts): the networks of two routers
  ['pluto-4x-masked-host-create-child-sa-no-compatible-traffic-selectors.txt', 'site', 'Libreswan CREATE_CHILD_SA refused'],
  // Openswan 2.6 Quick Mode from a Windows L2TP/IPsec PC: `cannot respond to IPsec SA request because no connection is known for …`
  ['pluto-openswan-l2tp-windows-peer-proposed-no-connection-known-quick-mode.txt', 'server', 'Openswan Quick Mode, no connection for the networks'],
  // strongSwan as initiator: `received TS_UNACCEPTABLE notify, no CHILD_SA built` — the responder refused what this side asked
  ['charon-swanctl-initiate-failed-auth-failed-then-ts-unacceptable.txt', 'initiator', 'strongSwan CHILD_SA refused by the responder'],
  ['charon-vyos-show-log-child-sa-refused-no-proposal-ts-unacceptable.txt', 'initiator', 'strongSwan both routers, the asking side first'],
  // IOS-XE `IPSec policy invalidated proposal with error 32`: the crypto map ACL does not cover the networks asked for; no structure
  // says whether the other side is a router or a client, so the server's wording stays
  ['ios-xe-hub-console-conf-t-phase2-proxy-refused-error-32-notify-spi-wrapped.txt', 'server', 'IOS error 32'],
  // ASA 713061 with a LAN-to-LAN peer (asa-l2l.ts): the other router's networks; and 713259's `crypto map policy not found` alone
  ['asa-syslog-year-timestamp-qm-fsm-error-crypto-map-not-found.txt', 'site', 'ASA 713061 and 713259'],
  ['asa-console-debug-notes-no-crypto-map-all-sa-proposals-unacceptable.txt', 'site', 'ASA console 713061 text'],
  ['asa-console-glued-ikev1-head-lab-notes-qm-fsm-error-crypto-map-policy-not-found.txt', 'site', 'ASA console teardown reason only'],
  // ASA IKEv2 750003 `There was no IPSEC policy found for received TS` (a SIEM vendor's samples, a user name: remote access)
  ['asa-ftd-siem-raw-samples-750003-id-colon-lost-failed-to-authenticate-ike-sa-hostname-remote-tls.txt', 'server', 'ASA IKEv2 750003'],
  // RouterOS 7 `reply notify: TS_UNACCEPTABLE` as responder
  ['routeros7-ike2-debug-identity-not-found-auth-failed-ts-unacceptable.txt', 'server', 'RouterOS 7 reply notify'],
];

describe('a phase 2 refused over its networks is server.traffic-selector-mismatch, worded by side', () => {
  it.each(ROWS)('%s → %s (%s)', (name, side) => {
    const f = findingOf(real(name));
    expect(f, 'the finding').toBeDefined();
    expect(f!.severity).toBe('critical');
    expect(f!.title).toBe(en(TITLE_KEY[side]));
    expect(findingOf(real(name), nl)!.title).toBe(nl(TITLE_KEY[side]));
    // a router's or an asking side's log names no PC's settings
    if (side !== 'server') expect(f!.summary).not.toMatch(/On the PC:/);
  });

  it("a PC's L2TP/IPsec host proxies refused by the ASA (713061, UDP 1701 host to host) keep the server's wording and name transport mode", () => {
    const line = '%ASA-3-713061: Group = DefaultRAGroup, IP = 203.0.113.5, Rejecting IPSec tunnel: no matching crypto map entry for remote proxy 203.0.113.5/255.255.255.255/17/1701 local proxy 198.51.100.1/255.255.255.255/17/1701 on interface outside';
    const f = findingOf(line)!;
    expect(f.title).toBe(en(TITLE_KEY.server));
    expect(f.summary).toMatch(/transport mode for UDP 1701/);
    expect(findingOf(line, nl)!.summary).toMatch(/transportmodus voor UDP 1701/);
  });

  it('an ASA teardown for any other reason is no such cause', () => {
    const line = '%ASA-5-713259: Group = DefaultRAGroup, IP = 203.0.113.5, Session is being torn down. Reason: User Requested';
    expect(findingOf(line)).toBeUndefined();
  });

  it("strongSwan's own refusal (`traffic selectors … unacceptable`) and the other side's (`received TS_UNACCEPTABLE notify`) are one cause", () => {
    const own = parseServerLog('06[IKE] traffic selectors 10.0.0.0/24 === 192.168.1.0/24 unacceptable', 'x.log').entries[0]!;
    const theirs = parseServerLog('12[IKE] received TS_UNACCEPTABLE notify, no CHILD_SA built', 'x.log').entries[0]!;
    expect([own.cause, theirs.cause]).toEqual(['traffic-selector-mismatch', 'traffic-selector-mismatch']);
    expect(findingOf('12[IKE] received TS_UNACCEPTABLE notify, no CHILD_SA built')!.title).toBe(en(TITLE_KEY.initiator));
  });
});
