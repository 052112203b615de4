import { d, step, tagged, type Hit } from '../kit';

/**
 * The ASA's SSL VPN messages — AnyConnect (SVC, 722xxx), WebVPN (716xxx) and the AnyConnect parent session (113039) — by id, as
 * the "Cisco Secure Firewall ASA Series Syslog Messages" guide gives them: each names the tunnel group or group policy, the user and
 * the client's public address before its text (`Group <g> User <u> IP <ip> …`, 722020/722041 `TunnelGroup <tg> GroupPolicy <gp> User
 * <u> IP <ip> …`). The guide prints the fields without the angle brackets an ASA writes (`Group VPN_USERS User x IP 1.2.3.4 …`): both
 * are read.
 */
const HEAD = /^(?:TunnelGroup <[^>]*> GroupPolicy <[^>]*>|Group <[^>]*>) User <([^>]*)> IP <([^>]*)> (.*)$/;
const PLAIN_HEAD = /^(?:TunnelGroup \S+ GroupPolicy \S+|Group \S+) User (\S+) IP ([0-9A-Fa-f.:]+) (.*)$/;

/** Whether the id is one of these (722xxx SVC, 716xxx WebVPN, 113029-113040 the AnyConnect session's AAA checks and parent session). */
export const isSslVpnId = (id: number): boolean => Math.floor(id / 1000) === 722 || Math.floor(id / 1000) === 716 || (id >= 113029 && id <= 113040);

/** One SSL VPN message: its user and the client's address as the entry's, its meaning by id (severity 3 or worse a warning otherwise). */
export function sslVpnHit(id: number, text: string, severity: number): Hit {
  const m = text.match(HEAD) ?? text.match(PLAIN_HEAD);
  const user = m?.[1] || undefined;
  const peer = m?.[2] || undefined;
  const rest = m ? m[3]! : text;
  return tagged(meaning(id, rest, severity, user ?? '?'), { user, peer });
}

function meaning(id: number, rest: string, severity: number, user: string): Hit {
  switch (id) {
    // 113039 "AnyConnect parent session started.", 716001 "WebVPN session started.", 722033 "First SVC connection established for SVC session."
    case 113039:
    case 716001:
    case 722033:
      return step('asaSslStarted', { user }, 'success');
    // 722022 "TCP|UDP SVC connection established with|without compression": the tunnel itself (TLS over TCP, DTLS over UDP)
    case 722022:
      return step('asaSslTunnelUp', { proto: rest.match(/^(TCP|UDP)\b/)?.[1] ?? '?' }, 'success');
    // 722051 "IPv4 Address <addr> IPv6 address <addr> assigned to session" (4.x images: `Address <a> assigned to session`)
    case 722051:
      return step('asaSslAddress', { ip: rest.match(/Address <([^>]*)>/)?.[1] ?? '?', user }, 'success');
    // 722020 "No address available for SVC connection": the address pool is empty — nothing on the PC fixes it
    case 722020:
      return { decoded: [d('asaSslNoAddress', { user })], outcome: 'failure', cause: 'address-pool' };
    // 716039 "Authentication: rejected, Session Type: WebVPN." (716038 its "successful")
    case 716039:
      return { decoded: [d('asaSslAuthRejected', { user })], outcome: 'failure', cause: 'credentials-rejected', code: 691 };
    case 716038:
      return user === '?' ? step('authOkNoUser', { method: 'WebVPN' }, 'success') : step('authOk', { method: 'WebVPN', user }, 'success');
    // 722037 "SVC closing connection: reason.", 716002 "WebVPN session terminated: reason.", 722023 "SVC connection terminated …"
    case 722037:
    case 716002:
      return step('asaSessionDown', { reason: rest.match(/: (.*?)\.?\s*$/)?.[1] ?? rest }, 'warning');
    // 716058 "AnyConnect session lost connection. Waiting to resume." 716059 "… resumed connection from IP <ip>."
    case 716058:
      return step('asaSslLost', undefined, 'warning');
    case 716059:
      return step('asaSslResumed');
    // 722055 "Client Type: user-agent"
    case 722055:
      return step('asaSslClient', { client: rest.replace(/^Client Type: /, '') });
    // 113029 "Session could not be established: session limit of n reached" (the ASA's session limit: license or platform),
    // 113035 "Session terminated: AnyConnect not enabled or invalid AnyConnect image on the ASA.", 113038 "Unable to create
    // AnyConnect parent session.", 113037 "Reboot pending, new sessions disabled. Denied user login." (no head), 113040 "Terminating the VPN connection attempt from group. Reason: This connection is group
    // locked to group." (no head): the ASA refused the session — its settings, not the user's password
    case 113029:
    case 113035:
    case 113037:
    case 113038:
    case 113040:
      return { decoded: [d('asaSslRefused', { text: rest.replace(/\.\s*$/, '') })], outcome: 'failure' };
    // 722011/722012 "SVC Message: type-num/WARNING|INFO: message": what the AnyConnect client reported to the ASA
    case 722011:
    case 722012: {
      const msg = rest.match(/^SVC Message: \d+\/(\w+): (.*?)\s*$/);
      if (msg) return step('asaSslClientSays', { text: msg[2]! }, /WARN|ERR/i.test(msg[1]!) ? 'warning' : 'info');
      break;
    }
    // 722035/722036 "Received|Transmitting large packet length (threshold num).": a packet larger than the tunnel's MTU (the guide:
    // the source may not know the client's MTU); with AnyConnect 3.x on ASA 9.x a sign that DTLS did not come up (Cisco TAC 116881)
    case 722035:
    case 722036: {
      const p = rest.match(/large packet (\d+) \(threshold (\d+)\)/);
      if (p) return step('asaSslLargePacket', { length: p[1]!, threshold: p[2]! });
    }
  }
  return step('asaSsl', { text: rest }, severity <= 3 ? 'warning' : 'info');
}
