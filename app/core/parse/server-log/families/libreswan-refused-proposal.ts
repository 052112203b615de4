import { DH_GROUPS } from '../codes/ike';
import { context, d, step, type FamilyState, type Hit, type Rule } from '../kit';

/**
 * pluto refusing an IKEv1 proposal: each Oakley transform or attribute it turns down (ikev1_spdb_struct.c logs one line per
 * transform), remembered so that the `no acceptable Oakley Transform` failure after them can say what the PC proposed. Spread into
 * libreswan.ts's rule list (tried in order: kit.ts).
 */

/**
 * A refused transform, remembered (a set: the same record may be decoded again after it was counted; at most 12) for the no-proposal
 * failure after it: an Oakley transform under `refused` (Main Mode), an IPsec one under `refusedIpsec` (Quick Mode).
 */
function refuse(s: FamilyState, transform: string, key: 'refused' | 'refusedIpsec' = 'refused'): void {
  const set = (s[key] ??= new Set<string>()) as Set<string>;
  if (set.size < 12) set.add(transform);
}

/** A DH group as pluto writes it (`14`, `DH19`, `OAKLEY_GROUP 14`) with its name after it (`DH19 = …`); any other text as it is. */
export const namedDhGroup = (g: string): string => {
  const n = g.match(/^(?:DH|OAKLEY_GROUP )?(\d+)$/);
  return n ? `${g} = ${DH_GROUPS[Number(n[1])] ?? '?'}` : g;
};

export const REFUSED_PROPOSAL_RULES: readonly Rule[] = [
  context(
    /^Oakley Transform \[(.*)\] refused(?: due to .*)?$/,
    (m, _p, s) => {
      refuse(s, m[1]!);
      const parts = m[1]!.split(/,\s*/);
      return step('oakleyRefused', { transform: parts.map((p) => (/^(?:OAKLEY_GROUP_|DH)/.test(p) ? namedDhGroup(p.replace(/^OAKLEY_GROUP_/, '')) : p)).join(', ') });
    },
    (message, s) => refuse(s, message.slice('Oakley Transform ['.length, message.lastIndexOf('] refused'))),
  ),
  context(/^OAKLEY_GROUP (\d+) not supported\.\s+Attribute OAKLEY_GROUP_DESCRIPTION$/, (m) => step('oakleyGroupUnsupported', { group: namedDhGroup(m[1]!) })),
  // Libreswan programs/pluto/ikev1_spdb_struct.c: any other Oakley attribute value the server refuses, e.g. `OAKLEY_DES_CBC(UNUSED) is not supported.  Attribute OAKLEY_ENCRYPTION_ALGORITHM` (single DES, which Libreswan dropped)
  context(/^(\S+?) is not supported\.\s+Attribute (OAKLEY_\w+)$/, (m) => step('oakleyAttrUnsupported', { value: m[1]!, attr: m[2]! })),
  // ikev1_spdb_struct.c, the authentication method of a proposal: "Pluto does not support %s authentication" (an unknown method, e.g. OAKLEY_ECDSA_P384)
  // and "policy does not allow OAKLEY_RSA_SIG authentication" (the connection uses another method), then ".  Attribute …" (hwdsl2/setup-ipsec-vpn #56)
  context(/^(Pluto does not support|policy does not allow) (\S+) authentication\.\s+Attribute OAKLEY_AUTHENTICATION_METHOD$/, (m) => step(m[1] === 'Pluto does not support' ? 'oakleyAuthUnsupported' : 'oakleyAuthNotAllowed', { method: m[2]! })),
  // Libreswan 3.2x programs/pluto/ikev1_spdb_struct.c (ikev1_verify_esp / ikev1_verify_ah, Quick Mode as responder): each of the PC's IPsec
  // transforms no `phase2alg=` (esp=) entry matches, `ESP IPsec Transform refused: AES_GCM_16_128-NONE` (hwdsl2/setup-ipsec-vpn #338: a
  // Chromebook's L2TP/IPsec), remembered for the `no acceptable Proposal in IPsec SA` after them. (Its `… refused: contains unexpected PRF …`
  // and `… missing integrity algorithm` are pluto's own checks of a malformed transform, not a choice: left to the generic reading)
  context(
    /^(ESP|AH) IPsec Transform refused: (?!contains unexpected |missing )(\S+)$/,
    (m, _p, s) => {
      refuse(s, m[2]!, 'refusedIpsec');
      return step('plutoIpsecTransformRefused', { proto: m[1]!, transform: m[2]! });
    },
    (message, s) => refuse(s, message.slice(message.indexOf(': ') + 2), 'refusedIpsec'),
  ),
  // ikev1_spdb_struct.c parse_ipsec_sa_body: "no acceptable Proposal in IPsec SA" — none of the PC's Quick Mode proposals is taken (Main Mode
  // was done: the key is right), answered NO_PROPOSAL_CHOSEN; the ESP transforms refused before it are what the PC proposed
  [/^no acceptable Oakley Transform$|^no acceptable (?:ESP|AH|IPsec) transform|^no acceptable Proposal in IPsec SA$/i, (m, _p, s) => {
    const hit: Hit = { decoded: [d('ikeNoProposal')], outcome: 'failure', cause: 'ike-no-proposal' };
    // what the PC proposed: the transforms pluto refused just before (ikev1_spdb_struct.c logs each one)
    const refused = (/Oakley/.test(m[0]) ? s.refused : s.refusedIpsec) as Set<string> | undefined;
    if (refused?.size) hit.decoded.push(d('pcProposed', { proposal: /Oakley/.test(m[0]) ? [...refused].map((r) => `[${r}]`).join(', ') : [...refused].join(', ') }));
    s.refused = undefined;
    s.refusedIpsec = undefined;
    return hit;
  }],
  // (the IKEv2 counterpart, `no local proposal matches remote proposals …`: libreswan-proposals.ts, with this connection's own proposals)
];
