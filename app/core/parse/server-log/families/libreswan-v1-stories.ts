import { IKEV1_STATES } from '../codes/ike';
import { context, d, step, type FamilyState, type Rule } from '../kit';
import { INITIATOR_STATE, stateName } from './libreswan-serial';

/**
 * How far pluto's IKEv1 Main, Aggressive and Quick Mode got, as each state's "story" line tells it: Libreswan 3.x and Openswan
 * name the state (`STATE_MAIN_R2: sent MR2, expecting MI3`), Libreswan 4.x tells the story alone (`sent Main Mode R2`) and its
 * established lines name no side, so the side the serial's last story told is remembered. Spread into libreswan.ts's rule list
 * (tried in order: kit.ts).
 */

/** Libreswan 4.x's IKEv1 stories that are not yet established (ikev1_states.c) and the state each stands for. */
const V1_STORY: ReadonlyMap<string, string> = new Map([
  ['sent Main Mode request', 'STATE_MAIN_I1'],
  ['sent Main Mode R1', 'STATE_MAIN_R1'],
  ['sent Main Mode R2', 'STATE_MAIN_R2'],
  ['sent Main Mode I2', 'STATE_MAIN_I2'],
  ['sent Main Mode I3', 'STATE_MAIN_I3'],
  ['sent Aggressive Mode response, expecting confirmation', 'STATE_AGGR_R1'],
  ['sent Quick Mode request', 'STATE_QUICK_I1'],
  ['sent Quick Mode reply, inbound IPsec SA installed, expecting confirmation', 'STATE_QUICK_R1'],
]);
const V1_STORY_LINE = /^(sent (?:Main Mode (?:request|R1|R2|I2|I3)|Aggressive Mode response, expecting confirmation|Quick Mode request|Quick Mode reply, inbound IPsec SA installed, expecting confirmation))(.*)$/;
/** Per serial (`#22`), whether its last 4.x story was the initiator's: bounded, a long log runs through many serials. */
function v1Sides(s: FamilyState): Map<string, boolean> {
  let sides = s.v1Sides as Map<string, boolean> | undefined;
  if (!sides) s.v1Sides = sides = new Map();
  else if (sides.size > 2000) sides.clear();
  return sides;
}

export const V1_STORY_RULES: readonly Rule[] = [
  // Libreswan/Openswan ikev1_quick.c quick_inI1_outR1: the other side's Quick Mode asks for networks (its IDci/IDcr: `the peer
  // proposed: …` just before) that no loaded connection covers — `cannot respond to IPsec SA request because no connection is known for
  // <this side>...<the other side>`, answered INVALID_ID_INFORMATION. Phase 1 is up; the networks do not match (an L2TP/IPsec PC asks
  // for UDP 1701 host to host, RFC 3193 §4: a connection without type=transport / leftprotoport=17/1701 for that address refuses it)
  context(/^cannot respond to IPsec SA request because no connection is known for (\S+)$/, (m) => ({ decoded: [d('plutoQuickNoConnection', { selectors: m[1]! })], outcome: 'failure', cause: 'traffic-selector-mismatch' })),
  context(/^transition from state (STATE_\w+) to state (STATE_\w+)$/, (m) => step('ikeV1Transition', { from: stateName(m[1]!), to: stateName(m[2]!) }, IKEV1_STATES[m[2]!]?.established ? 'success' : 'info')),
  // (Openswan 2.6 puts `inbound IPsec SA installed, ` before what it expects: `STATE_QUICK_R1: sent QR1, inbound IPsec SA installed, expecting QI2`, Ubuntu Forums 2014)
  context(/^(STATE_\w+): (?:sent (\w+), )?(?:inbound IPsec SA installed, )?(ISAKMP SA established|IPsec SA established|expect(?:ing|ed) (\w+))(.*)$/, (m) => {
    const est = !!IKEV1_STATES[m[1]!]?.established || /established/.test(m[3]!);
    return step(est ? 'ikeV1Established' : 'ikeV1Waiting', { state: stateName(m[1]!), details: (m[5] ?? '').trim() }, est ? 'success' : 'info');
  }),
  // Libreswan 4.x (programs/pluto/ikev1_states.c, each state's "story"; ikev1.c complete_v1_state_transition logs it) names no
  // STATE_: `sent Main Mode R1`, `sent Main Mode R2`, `IKE SA established {auth=PRESHARED_KEY …}` (earlier 4.x: `ISAKMP SA
  // established`), `sent Quick Mode reply, inbound IPsec SA installed, expecting confirmation transport mode {…}`, `IPsec SA
  // established transport mode {…}` (hwdsl2/docker-ipsec-vpn-server #242). Read as the state the story stands for; an established
  // line's state by the side the serial's last story told (a responder's unless it was the initiator's), as 3.x's STATE_ lines
  context(V1_STORY_LINE, (m, _p, s) => {
    const name = V1_STORY.get(m[1]!)!;
    if (s.serialNow !== undefined) v1Sides(s).set(s.serialNow as string, INITIATOR_STATE.test(name));
    return step('ikeV1Waiting', { state: stateName(name), details: m[2]!.trim() });
  }),
  // (not 5.x's `IKE SA established but initiator rejected Child SA response`: a refusal after it, libreswan-v2-stories.ts)
  context(/^(ISAKMP|IKE|IPsec) SA established(?! but )(.*)$/, (m, _p, s) => {
    const side = s.serialNow === undefined ? undefined : v1Sides(s).get(s.serialNow as string);
    // no story of this serial before it (a paste that starts here, a client's NetworkManager relaying whack's `004 "c" #1: IKE SA
    // established {…}`, libreswan #1343): the SA as pluto names it, no side guessed
    if (side === undefined) return step('ikeV1Established', { state: `${m[1]!} SA`, details: m[2]!.trim() }, 'success');
    const name = m[1] === 'IPsec' ? (side ? 'STATE_QUICK_I2' : 'STATE_QUICK_R2') : side ? 'STATE_MAIN_I4' : 'STATE_MAIN_R3';
    return step('ikeV1Established', { state: stateName(name), details: m[2]!.trim() }, 'success');
  }),
];
