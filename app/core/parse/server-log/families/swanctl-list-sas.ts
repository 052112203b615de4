import { context, d, step, tagged, type FamilyState, type Hit, type Rule } from '../kit';

/**
 * `swanctl --list-sas` (strongSwan src/swanctl/commands/list_sas.c; VyOS shows it as `show vpn ipsec sa detail`): per IKE_SA
 *   NAME: #ID, STATE, IKEv2, SPI_i* SPI_r           (the `*` marks the initiator's SPI)
 *     local  'ID' @ HOST[PORT] [VIPS]  /  remote 'ID' @ HOST[PORT] EAP: 'USER' XAuth: 'USER' [VIPS]
 *     ALGORITHMS, established Ns ago, rekeying in Ns…, queued:/active:/passive: tasks
 * and per CHILD_SA, indented once more
 *     NAME: #ID, reqid N, STATE, MODE[-in-UDP], ESP:ALGORITHMS
 *       installed Ns ago…, in  SPI, BYTES bytes, PACKETS packets[, Ns ago], out …, local TS, remote TS.
 * The states are charon's (ike_sa_state_names, child_sa_state_names). The lines are only taken in these exact shapes: the head
 * lines name a state, the others an SPI, an `'id' @ host[port]`, a `Ns ago` or a subnet list.
 */

/** charon's IKE_SA states (ike_sa_state_names), as `swanctl --list-sas` and `ipsec statusall` print them */
export const IKE_STATES = 'CREATED|CONNECTING|ESTABLISHED|PASSIVE|REKEYING|REKEYED|DELETING|DESTROYING';
const CHILD_STATES = 'CREATED|ROUTED|INSTALLING|INSTALLED|UPDATING|REKEYING|REKEYED|RETRYING|DELETING|DELETED|DESTROYING';
// (strongSwan 5.2/5.3 printed the SPIs as `SPI_I:SPI_R` and the endpoints without a port)
const IKE_HEAD = new RegExp(`^(\\S+): #(\\d+), (${IKE_STATES}), IKEv([12]), [0-9a-f]{16}(?:_i\\*? [0-9a-f]{16}_r\\*?|:[0-9a-f]{16})$`);
const CHILD_HEAD = new RegExp(`^\\s+(\\S+): #(\\d+), reqid (\\d+), (${CHILD_STATES}), (TUNNEL|TRANSPORT|BEET|PASS|DROP)(-in-UDP)?, (ESP|AH|IPCOMP):(\\S*)$`);
const ENDPOINT = /^\s+(local|remote)[ \t]+'([^']*)' @ ([^\s[]+)(?:\[(\d+)\])?(?: EAP: '([^']*)')?(?: XAuth: '([^']*)')?(?: \[[^\]]*\])?$/;
const COUNTERS = /^\s+(in|out)[ \t]+[0-9a-f]{8}(?:\/[0-9a-f]{4})?(?: \(0x[0-9a-f]+(?:\/0x[0-9a-f]+)?\))?,[ \t]+(\d+) bytes,[ \t]+(\d+) packets(?:,[ \t]+\d+s ago)?$/;
/** the rest: algorithms, timers, task lists, traffic selectors */
const DETAIL = /^\s+(?:[A-Z][A-Z0-9_]*(?:-\d+)?(?:\/[A-Z][A-Z0-9_]*(?:-\d+)?)+|(?:established|installed) \d+s ago(?:, (?:rekeying|reauth|expires) in \d+s)*|(?:queued|active|passive):[ \t]+\S.*|(?:local|remote)[ \t]+[0-9a-f.:]+\/\d+(?:\[[^\]]*\])?(?: [0-9a-f.:]+\/\d+(?:\[[^\]]*\])?)*)$/;

/** Whether a header-less line is one of the shapes above (claims; the indented ones first, by their first character). */
export function isListSasLine(message: string): boolean {
  const c = message.charCodeAt(0);
  // (a copy may have made tabs of the blanks: mail, an editor's tabify)
  if (c === 32 || c === 9) return CHILD_HEAD.test(message) || ENDPOINT.test(message) || COUNTERS.test(message) || DETAIL.test(message);
  return message.includes(': #') && IKE_HEAD.test(message);
}

const IN_BYTES = 'listSasInBytes';

/**
 * A CHILD_SA whose inbound counter stays at 0 while the outbound one grows: this side encrypts and sends, nothing comes back
 * through the tunnel (the other side's policy, its routing, or ESP / UDP 4500 dropped on the way back). Read from the pair
 * `in` then `out` that list_sas.c prints for each CHILD_SA.
 */
function counters(m: RegExpMatchArray, state: FamilyState): Hit {
  const bytes = Number(m[2]);
  const hit = step(m[1] === 'in' ? 'listSasTrafficIn' : 'listSasTrafficOut', { bytes, packets: Number(m[3]) });
  if (m[1] === 'in') state[IN_BYTES] = bytes;
  else {
    if (state[IN_BYTES] === 0 && bytes > 0) {
      hit.decoded.push(d('listSasOneWay', { out: bytes }));
      hit.outcome = 'warning';
    }
    delete state[IN_BYTES];
  }
  return hit;
}

export const LIST_SAS_RULES: Rule[] = [
  [IKE_HEAD, (m) => tagged(step('listSasIke', { name: m[1]!, state: m[3]!, version: m[4]! }, m[3] === 'ESTABLISHED' ? 'success' : m[3] === 'CONNECTING' ? 'warning' : 'info'), { session: `${m[1]}[${m[2]}]` })],
  [CHILD_HEAD, (m) => step('listSasChild', { name: m[1]!, state: m[4]!, mode: m[5]!, udp: m[6] ? ' (UDP 4500)' : '', proposal: m[8] ? `${m[7]}:${m[8]}` : m[7]! }, m[4] === 'INSTALLED' ? 'success' : 'info')],
  [ENDPOINT, (m) => {
    const user = m[5] ?? m[6];
    const at = m[4] ? `${m[3]}:${m[4]}` : m[3]!;
    const hit = step(m[1] === 'local' ? 'listSasLocal' : 'listSasRemote', { id: m[2]!, at });
    return m[1] === 'remote' ? tagged(hit, { peer: m[3], user }) : hit;
  }],
  [COUNTERS, (m, _pre, state) => counters(m, state)],
  context(DETAIL, () => step('charonHousekeeping')),
];
