import { context, d, step, type FamilyState, type Hit, type Rule } from '../kit';
import { windowsFit } from './windows-ike-settings';
import { currentSerial } from './libreswan-serial';

/**
 * pluto's own IKEv2 proposals (what this server allows), remembered per connection so that its refusal of a Windows PC's
 * (`no local proposal matches remote proposals 1:IKE:…`) can say which Set-VpnConnectionIPsecConfiguration makes Windows send one of
 * them (windows-ike-settings.ts, as strongSwan's `configured proposals:` line gets it). pluto writes its proposals in two notations
 * (Libreswan programs/pluto/ikev2_proposals.c jam_v2_proposal, lib/libswan/proposals.c jam_proposal):
 *
 * - the IKEv2 transform notation, `1:IKE:ENCR=AES_CBC_256,AES_CBC_128;PRF=HMAC_SHA1;INTEG=HMAC_SHA1_96;DH=MODP2048` (3.x: a type's
 *   algorithms after one `=`, commas between) or `1:IKE:ENCR=AES_CBC_128;ENCR=AES_CBC_256;…` (later: the type repeated), proposals
 *   separated by a blank — on one line after `ikev2-cp IKE proposals for initial responder:` (3.1x, hwdsl2/setup-ipsec-vpn #106, #307)
 *   and `constructed local IKE proposals for ikev2-cp (IKE SA responder matching remote proposals):` (3.2x, hwdsl2/setup-ipsec-vpn #670);
 * - the proposal notation, one a line under a title, `1:IKE=AES_CBC_256-HMAC_SHA2_256-HMAC_SHA2_256_128-MODP2048+MODP3072+ECP_256`:
 *   encryption, PRF, integrity, key exchange in that order (jam_proposal), `+` between a slot's algorithms — under
 *   `local IKE proposals (IKE SA responder matching remote proposals):` (3.3x, hwdsl2/setup-ipsec-vpn #826), `IKE SA proposals
 *   (connection add):` (4.x/5.x at start-up, hwdsl2/setup-ipsec-vpn #1314) and `IKE SA proposals:` (hwdsl2/setup-ipsec-vpn #1179),
 *   each line under a connection-only head (`"ikev2-cp":   1:IKE=…`) or the instance's (`"ikev2-cp"[1] 1.2.3.4:   1:IKE=…`).
 *
 * Each proposal is turned into strongSwan's names (windows-ike-settings.ts reads those) by the table below; one it cannot (a slot
 * count other than four, a name not in the table kept as it is) is kept and simply matches no Windows setting.
 */

/** pluto's encryption names → strongSwan's: `AES_GCM_C` is AES-GCM with a 16-octet ICV (RFC 4106 ENCR_AES_GCM_16; B = 12, A = 8: Libreswan lib/libswan/ike_alg_encrypt.c) */
const ENCR: Readonly<Record<string, string>> = {
  '3DES': '3DES_CBC',
  '3DES_CBC': '3DES_CBC',
  DES: 'DES_CBC',
  DES_CBC: 'DES_CBC',
  CHACHA20_POLY1305: 'CHACHA20_POLY1305',
  CHACHA20_POLY1305_256: 'CHACHA20_POLY1305',
};
const AES = /^AES_(CBC|CTR|GCM_([ABC])|GCM_(8|12|16)|CCM_([ABC])|CCM_(8|12|16))(?:_(\d+))?$/;
const ICV: Readonly<Record<string, string>> = { A: '8', B: '12', C: '16' };

function encryption(name: string): string[] {
  if (name === '') return [];
  const known = ENCR[name];
  if (known) return [known];
  const m = name.match(AES);
  if (!m) return [name];
  const kind = m[1]!.startsWith('GCM') ? `GCM_${m[2] ? ICV[m[2]] : m[3]}` : m[1]!.startsWith('CCM') ? `CCM_${m[4] ? ICV[m[4]] : m[5]}` : m[1]!;
  // (an AES without its key length: pluto's default, 3.x prints `AES_CBC` alone — any of the lengths; assumed)
  return m[6] ? [`AES_${kind}_${m[6]}`] : [`AES_${kind}_256`, `AES_${kind}_128`];
}

/** pluto's key exchange names (`MODP2048`, `ECP_256`, `DH19`, `CURVE25519`) → strongSwan's (`MODP_2048`, `ECP_256`, `CURVE_25519`); RFC 7296 / IANA IKEv2 group numbers */
const DH_NUMBERED: Readonly<Record<string, string>> = { '1': 'MODP_768', '2': 'MODP_1024', '5': 'MODP_1536', '14': 'MODP_2048', '15': 'MODP_3072', '16': 'MODP_4096', '19': 'ECP_256', '20': 'ECP_384', '21': 'ECP_521', '24': 'MODP_2048_256', '31': 'CURVE_25519', '32': 'CURVE_448' };
function keyExchange(name: string): string | undefined {
  if (name === 'NONE') return undefined;
  let m = name.match(/^MODP(\d+)$/);
  if (m) return `MODP_${m[1]}`;
  m = name.match(/^DH(\d+)$/);
  if (m) return DH_NUMBERED[m[1]!] ?? name;
  m = name.match(/^CURVE(\d+)$/);
  return m ? `CURVE_${m[1]}` : name;
}

const prf = (name: string): string => (name === '' ? '' : `PRF_${name}`);
const integrity = (name: string): string | undefined => (name === 'NONE' ? undefined : name);

/** One pluto IKE proposal (either notation, its `N:` number first) in strongSwan's notation `IKE:A/B/…`; undefined when it is no IKE proposal. */
export function plutoIkeProposal(text: string): string | undefined {
  const m = text.match(/^\d+:IKE([:=])(\S+)$/);
  if (!m) return undefined;
  const algorithms: string[] = [];
  const add = (a: string | string[] | undefined) => {
    // (an empty name: a slot's list cut short, `…+ECP_384+`)
    for (const x of Array.isArray(a) ? a : a === undefined ? [] : [a]) if (x !== '' && !algorithms.includes(x)) algorithms.push(x);
  };
  if (m[1] === ':') {
    for (const part of m[2]!.split(';')) {
      const eq = part.indexOf('=');
      const type = part.slice(0, eq);
      // (`[first-match]` and the like after an algorithm: what pluto's comparison marked, not a name)
      for (const name of part.slice(eq + 1).replace(/\[[^\]]*\]$/, '').split(',')) {
        if (type === 'ENCR') add(encryption(name));
        else if (type === 'PRF') add(prf(name));
        else if (type === 'INTEG') add(integrity(name));
        else if (type === 'DH' || type === 'KE') add(keyExchange(name));
      }
    }
  } else {
    const slots = m[2]!.split('-');
    if (slots.length !== 4) return undefined;
    const [e, p, i, k] = slots.map((s) => s.split('+'));
    e!.forEach((x) => add(encryption(x)));
    p!.forEach((x) => add(prf(x)));
    i!.forEach((x) => add(integrity(x)));
    k!.forEach((x) => add(keyExchange(x)));
  }
  return `IKE:${algorithms.join('/')}`;
}

/** A connection's local IKE proposals as remembered: pluto's own words (shown) and strongSwan's notation (matched), in the same order. */
interface LocalProposals {
  readonly own: string[];
  readonly converted: string[];
}

const LOCAL = 'plutoLocalIke';
/** the connection whose titled list is being read (the lines under the title follow it) */
const LISTING = 'plutoIkeListing';
const MAX_CONNS = 64;
const MAX_PROPOSALS = 32;

function locals(s: FamilyState): Map<string, LocalProposals> {
  let map = s[LOCAL] as Map<string, LocalProposals> | undefined;
  if (!map) s[LOCAL] = map = new Map();
  return map;
}

/** Start a connection's list afresh (a new title, or a one-line list). */
function startList(s: FamilyState, conn: string): LocalProposals {
  const map = locals(s);
  if (!map.has(conn) && map.size >= MAX_CONNS) map.clear();
  const list: LocalProposals = { own: [], converted: [] };
  map.set(conn, list);
  return list;
}

function addProposal(list: LocalProposals, own: string): void {
  const converted = plutoIkeProposal(own);
  if (converted === undefined || list.own.length >= MAX_PROPOSALS) return;
  list.own.push(own);
  list.converted.push(converted);
}

/** The connection a record names: its head's (libreswan.ts parse sets plutoConnNow), else the one quoted at the start of the body. */
const connOf = (s: FamilyState, named: string | undefined): string => named ?? (s.plutoConnNow as string | undefined) ?? '';

/** The Windows sentence for a refusal of `conn`'s IKE SA: its remembered local proposals, read by windows-ike-settings.ts. */
function windowsSentence(s: FamilyState, conn: string): Hit['decoded'] {
  const map = s[LOCAL] as Map<string, LocalProposals> | undefined;
  // (a refusal whose head names no connection, `packet from …`: the only connection whose proposals were seen, if there is one)
  const list = map?.get(conn) ?? (map?.size === 1 ? [...map.values()][0] : undefined);
  if (!list || list.converted.length === 0) return [];
  return windowsFit(list.converted.join(', '), (i) => list.own[i]!);
}

/** `"ikev2-cp":` before a body: a connection-only head (Libreswan 4.x/5.x lines of a connection being added) */
const NAMED = '(?:"([^"]+)":\\s+)?';

/** A title of a listed set: IKE SA proposals open the connection's list (a new title starts it afresh), Child SA (ESP/AH) ones close it. */
const IKE_TITLE = new RegExp(`^${NAMED}(?:local IKE proposals \\([^)]*\\)|IKE SA proposals(?: \\([^)]*\\))?):\\s*$`);
const CHILD_TITLE = new RegExp(`^${NAMED}(?:new Child SA|Child SA proposals(?: \\([^)]*\\))?|local ESP/AH proposals \\([^)]*\\)):\\s*$`);
/** one proposal of a listed set (`  1:IKE=…`; a console may have cut it, its blanks kept: `…+ECP_256      +ECP_384`) */
const LISTED = new RegExp(`^${NAMED}\\s*(\\d+:(?:IKE|ESP|AH)[=:]\\S+(?:\\s+\\S+)*)\\s*$`);
/** the one-line lists: 3.1x `ikev2-cp IKE proposals for initial responder: …`, 3.2x `constructed local IKE proposals for ikev2-cp (…): …` */
const ONE_LINE = /^(?:(\S+) IKE proposals for initial responder|constructed local IKE proposals for (\S+?)(?: \([^)]*\))?): (.*)$/;

/** What a title or a listed line writes (the rule's handler and its counted reading alike: the same writes, idempotent when the record is decoded again). */
function noteTitle(body: string, s: FamilyState, ike: boolean): void {
  const m = body.match(/^"([^"]+)":/);
  if (!ike) {
    s[LISTING] = undefined;
    return;
  }
  const conn = connOf(s, m?.[1]);
  startList(s, conn);
  s[LISTING] = conn;
}
function noteListed(m: RegExpMatchArray, s: FamilyState): void {
  const own = m[2]!.replace(/\s+/g, '');
  if (!/^\d+:IKE/.test(own)) return;
  const conn = connOf(s, m[1]);
  const list = s[LISTING] === conn ? locals(s).get(conn) : undefined;
  if (list && !list.own.includes(own)) addProposal(list, own);
}
function noteOneLine(m: RegExpMatchArray, s: FamilyState): void {
  const list = startList(s, m[1] ?? m[2]!);
  for (const own of m[3]!.trim().split(/\s+/)) addProposal(list, own);
}

export const LOCAL_PROPOSAL_RULES: readonly Rule[] = [
  context(IKE_TITLE, (m, _p, s) => (noteTitle(m.input!, s, true), step('plutoHousekeeping')), (message, s) => noteTitle(message, s, true)),
  context(CHILD_TITLE, (m, _p, s) => (noteTitle(m.input!, s, false), step('plutoHousekeeping')), (message, s) => noteTitle(message, s, false)),
  context(LISTED, (m, _p, s) => (noteListed(m, s), step('plutoHousekeeping')), (message, s) => {
    const m = message.match(LISTED);
    if (m) noteListed(m, s);
  }),
  context(ONE_LINE, (m, _p, s) => (noteOneLine(m, s), step('ikeProposalsConfigured', { proposal: m[3]! })), (message, s) => {
    const m = message.match(ONE_LINE);
    if (m) noteOneLine(m, s);
  }),
  // Libreswan 3.2x+ programs/pluto/ikev2_proposals.c: "no local proposal matches remote proposals %s" — the other side's proposals after
  // it in pluto's `1:ESP:ENCR=…` form (libreswan #1604: a CREATE_CHILD_SA's ESP proposals; a long list runs past a console's width). The
  // IKEv2 counterpart of `no acceptable Oakley Transform`; an IKE SA's refusal of a PC also says which Windows IPsec policy sends one of
  // this connection's own proposals, when its list was seen (not on a serial this side started, nor between two routers: libreswan-site.ts)
  [/^no local proposal matches remote proposals (\S.*)$/, (m, pre, s) => {
    const hit: Hit = { decoded: [d('ikeNoProposal'), d('pcProposed', { proposal: m[1]! })], outcome: 'failure', cause: 'ike-no-proposal' };
    if (!/^\d+:IKE:/.test(m[1]!)) return hit;
    const conn = pre.message.match(/^(?:\S+ +)?"([^"]+)"/)?.[1] ?? '';
    const site = (s.plutoSiteConns as Map<string, boolean> | undefined)?.get(conn) === true;
    if (!site && currentSerial(s)?.initiator !== true) hit.decoded.push(...windowsSentence(s, conn));
    return hit;
  }],
];
