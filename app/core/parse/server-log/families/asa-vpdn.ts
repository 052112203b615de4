import { d, step, tagged, type Hit } from '../kit';

/**
 * The ASA's own PPTP and L2TP (the guide's "vpdn" class: 4031xx, 6031xx), by id, as the "Cisco Secure Firewall ASA Series Syslog
 * Messages" guide gives them (https://www.cisco.com/c/en/us/td/docs/security/asa/syslog/b_syslog.html, "Messages 400000 to …",
 * "Messages 602101 to …"). The 4031xx texts name the server setting that is missing; the 6031xx ones a tunnel's life.
 */

/** Whether the id is one of these (4031xx, 6031xx). */
export const isVpdnId = (id: number): boolean => Math.floor(id / 100) === 4031 || Math.floor(id / 100) === 6031;

/** `name is value` (603104, 603106) or `name = value` (603105, 603107, 603110): one field of a 6031xx text, up to its comma or the sentence's end. */
const field = (text: string, name: string): string | undefined => text.match(new RegExp(`\\b${name} (?:is|=) ([^,]+?)(?:\\.\\s|\\.?\\s*$|,)`))?.[1];

/**
 * The user after `user: ` up to the words the guide's text goes on with (`… user: user aaa authentication started`, `… user: user
 * missing MPPE key …`), not to a blank: a name may hold one (a Windows logon name, `John Smith`); its first word where those words
 * are not there.
 */
function userBefore(text: string, next: string): string | undefined {
  const at = text.indexOf('user: ');
  if (at < 0) return undefined;
  const end = text.indexOf(next, at + 6);
  return end > at + 6 ? text.slice(at + 6, end) : text.slice(at + 6).match(/^\S+/)?.[0];
}

export function vpdnHit(id: number, text: string, severity: number): Hit {
  switch (id) {
    case 403101:
    case 403102:
      return step('asaTunnel', { text }, 'warning');
    case 403103:
      return { decoded: [d('asaPppMaxConnections')], outcome: 'failure', cause: 'ppp-setup-failed' };
    case 403104:
      return { decoded: [d('asaPppMppeNeeds', { what: 'MS-CHAP' })], outcome: 'failure', cause: 'mppe-unavailable' };
    case 403106:
      return { decoded: [d('asaPppMppeNeeds', { what: 'RADIUS' })], outcome: 'failure', cause: 'mppe-unavailable' };
    case 403107:
      return { decoded: [d('asaPppNoAaaGroup')], outcome: 'failure', cause: 'ppp-setup-failed' };
    case 403108:
      return { decoded: [d('asaPppNoPool')], outcome: 'failure', cause: 'address-pool' };
    // 403110 "PPP virtual interface interface_name, user: user missing MPPE key from aaa server."
    case 403110: {
      const user = userBefore(text, ' missing MPPE key');
      return tagged({ decoded: [d('asaPppNoMppeKey', { user: user ?? '?' })], outcome: 'failure', cause: 'mppe-unavailable' }, { user });
    }
    // 603102 "PPP virtual interface name - user: user aaa authentication started"; 603103 "… aaa authentication status" (the
    // AAA server's answer; the guide names no values: a status with "fail" or "reject" in it is read as a refusal — assumed)
    case 603102:
    case 603103: {
      const user = userBefore(text, ' aaa authentication');
      const status = text.match(/aaa authentication (.*?)\s*$/)?.[1] ?? '';
      if (id === 603103 && /fail|reject/i.test(status)) return tagged({ decoded: [d('aaaRejected', { reason: status, server: '', user: user ?? '?' })], outcome: 'failure', cause: 'credentials-rejected', code: 691 }, { user });
      return tagged(step('asaPppAuth', { user: user ?? '?', status }, id === 603103 && /succe/i.test(status) ? 'success' : 'info'), { user });
    }
    // 603104 "PPTP Tunnel created, tunnel_id is n, remote_peer_ip is ip, ppp_virtual_interface_id is n, client_dynamic_ip is ip,
    // username is user, MPPE_key_strength is string"; 603106 the same for L2TP, without the key strength
    case 603104:
    case 603106: {
      const peer = field(text, 'remote_peer_ip');
      const user = field(text, 'username');
      const mppe = field(text, 'MPPE_key_strength');
      const values: Record<string, string> = { proto: id === 603104 ? 'PPTP' : 'L2TP', peer: peer ?? '?', ip: field(text, 'client_dynamic_ip') ?? '?', user: user ?? '?' };
      const up = step('asaPppTunnelUp', values, 'success');
      if (mppe) up.decoded.push(d('step.asaPppMppe', { strength: mppe }));
      return tagged(up, { peer, user: user && !/^\*+$/.test(user) ? user : undefined });
    }
    // 603105 "PPTP Tunnel deleted, tunnel_id = n, remote_peer_ip = ip", 603107 the same for L2TP
    case 603105:
    case 603107: {
      const peer = field(text, 'remote_peer_ip');
      return tagged(step('asaPppTunnelDown', { proto: id === 603105 ? 'PPTP' : 'L2TP', peer: peer ?? '?' }), { peer });
    }
    // 603110 "Failed to establish L2TP session, tunnel_id = n, remote_peer_ip = ip, user = user. Multiple sessions per tunnel are
    // not supported": a second session in one L2TP tunnel, refused (the first one goes on)
    case 603110: {
      const peer = field(text, 'remote_peer_ip');
      return tagged(step('asaL2tpSecondSession', { peer: peer ?? '?' }, 'warning'), { peer, user: field(text, 'user') });
    }
  }
  // 603101 PPTP out of sequence, 603108/603109 the ASA's own PPPoE client (not a VPN the PC dials), any other
  return step('asaTunnel', { text }, severity <= 3 ? 'warning' : 'info');
}
