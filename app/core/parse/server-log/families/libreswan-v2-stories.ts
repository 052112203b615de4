import { context, d, step, type Rule } from '../kit';
import { stateName } from './libreswan-serial';

/**
 * pluto's IKEv2 lines that tell how far the IKE SA and its first Child SA got, where the IKEv1 stories
 * (libreswan-v1-stories.ts) and the 4.x/5.x exchange lines in libreswan.ts do not: Libreswan 3.x's established
 * parent states, the Child SA an IKE_AUTH answer left out or this side refused, a childless IKE SA, and pluto's own
 * internal checks. Spread into libreswan.ts's rule list (tried in order: kit.ts).
 */
export const V2_STORY_RULES: readonly Rule[] = [
  // Libreswan 3.x programs/pluto ikev2 state stories (libreswan-initiator.ts ESTABLISHED_PARENT): the responder's PARENT_R2
  // `STATE_PARENT_R2: received v2I2, PARENT SA established` (libreswan #678), the initiator's PARENT_I3 `PARENT SA established`, each
  // with the first Child SA's mode and SPIs after it when there is one (`tunnel mode {ESP=>0x… <0x… xfrm=…}`)
  context(/^((?:STATE_)?(?:V2_)?PARENT_[IR]\d): (?:received v2I2, )?PARENT SA established(.*)$/, (m) => step('plutoParentSaUp', { state: stateName(m[1]!), details: m[2]!.trim() }, 'success')),
  // Libreswan 4.x/5.x (ikev2_auth.c, the initiator reading the IKE_AUTH answer): the responder authenticated this side but sent back
  // no Child SA — `IKE_AUTH response missing v2SA, v2TSi or v2TSr: not attempting to setup CHILD SA` (libreswan #1867; #2348 calls it
  // the responder's silent refusal, as its TS_UNACCEPTABLE): the IKE SA is up, the IPsec tunnel is not; the other side's log says why
  context(/^(\w+) response missing v2SA, v2TSi or v2TSr: not attempting to setup CHILD SA$/, (m) => step('plutoChildMissingInAnswer', { exchange: m[1]! }, 'warning')),
  // ikev2_auth.c (Libreswan 5.x, llog_sa RC_LOG_SERIOUS): this side, the initiator, did not take the Child SA in the answer (the line
  // before says what it did not like): `IKE SA established but initiator rejected Child SA response` (libreswan #1867)
  context(/^IKE SA established but initiator rejected Child SA response$/, () => step('plutoChildRejectedByInitiator', undefined, 'warning')),
  // Libreswan 4.x (ikev2_ike_sa_init.c, a connection with no Child SA to set up yet — a childless IKE SA, RFC 6023): `omitting CHILD SA
  // payloads` (libreswan #462); the IKE_AUTH after it sets up the IKE SA alone
  context(/^omitting CHILD SA payloads$/, () => step('plutoChildless')),
  // Libreswan 3.2x/4.x ikev2.c: an answer (or request) for an IKE SA this side no longer holds — `ISAKMP_v2_IKE_AUTH message response with
  // Message ID 1 has no matching SA` (libreswan #678, each fragment of a repeated answer once): dropped; the SA was deleted or replaced
  context(/^(?:ISAKMP_v2_)?([A-Z][A-Z_]+) message (request|response) with Message ID (\d+) has no matching SA$/, (m) => step('plutoNoMatchingSa', { exchange: m[1]!, kind: m[2]!, id: m[3]! }, 'warning')),
  // Libreswan 3.x ikev2_child.c: the Child SA's traffic selectors as agreed, `negotiated connection [10.0.158.77-10.0.158.77:6081-6081 17] ->
  // [10.0.249.185-10.0.249.185:0-65535 17]` (libreswan #386: first address-last address:ports protocol, this side's then the other side's)
  context(/^negotiated connection \[([^\]]+)\] -> \[([^\]]+)\]$/, (m) => step('plutoNegotiatedTs', { local: m[1]!, remote: m[2]! })),
  // Libreswan 4.x ikev2_child.c (a CREATE_CHILD_SA request as responder): no connection's subnets take the other side's traffic selectors,
  // `No IKEv2 connection found with compatible Traffic Selectors`, then its TS_UNACCEPTABLE (libreswan #786): the two sides' networks differ
  context(/^No IKEv2 connection found with compatible Traffic Selectors$/, () => ({ decoded: [d('tsMismatch')], outcome: 'failure', cause: 'traffic-selector-mismatch' })),
  // (a Child SA's or connection's proposals listed one a line under a title: libreswan-proposals.ts, which remembers the IKE ones)
  // Libreswan 3.x/5.x rekeying and superseding (libreswan #386, #1989): `initiate rekey of IKEv2 CREATE_CHILD_SA IKE Rekey`, a state named
  // as its own story (`STATE_V2_REKEY_IKE_I: STATE_V2_REKEY_IKE_I`), `rekeyed #108 STATE_V2_REKEY_IKE_I and expire it remaining life 608s`,
  // `suppressing retransmit because IKE SA was superseded #2; drop this negotiation` — the SA renewing itself, nothing refused
  context(/^initiate rekey of IKEv2 CREATE_CHILD_SA .*$|^(STATE_\w+): \1$|^rekeyed #\d+ STATE_\w+ and expire it remaining life \d+s$|^suppressing retransmit because IKE SA was superseded #\d+; drop this negotiation$/, () => step('plutoHousekeeping')),
  // Libreswan lib/libswan pexpect()/passert(): pluto's own consistency check failed — 5.x `EXPECTATION FAILED: "netkey" #9: not (protoid ==
  // IKEv2_SEC_PROTO_NONE) (emit_v2DELETE() +42 programs/pluto/ikev2_delete.c)` (libreswan #1867, #1989), 3.x after the serial `"device1" #1:
  // EXPECTATION FAILED: proposal->remote_spi.size <= … (in print_proposal() at ikev2_spdb_struct.c:351)` (libreswan #678): a Libreswan
  // bug, not a setting; after EXPECTATION pluto goes on, after ASSERTION (the same prefix for passert: assumed) it aborts and restarts
  context(/^(EXPECTATION|ASSERTION) FAILED: (?:"[^"]*"(?:\[\d+\])?(?: \S+)? #\d+: )?(.*?)(?: \((?:in )?\w+\(\)(?: \+\d+| at) (\S+?)(?::\d+)?\))?$/, (m) => step(m[1] === 'ASSERTION' ? 'plutoAssertionFailed' : 'plutoExpectationFailed', { where: m[3] ?? m[2]! }, 'warning')),
  // Libreswan 3.x (x509.c, at shutdown or reload): its cache of CA certificates emptied
  context(/^destroying root certificate cache$/, () => step('plutoHousekeeping')),
];
