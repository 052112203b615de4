import { describe, expect, it } from 'vitest';
import { explainServerLogs } from '../../../diagnose/server-log';
import { engineT } from '../../../i18n';
import { parseServerLog } from '../index';

/**
 * A hub that dials several spokes at once (strongswan-first-exchange.ts): one spoke's answer is not another's. The lines are
 * charon's own (the shapes of test/fixtures/real/server-logs/charon-initiator-ike-sa-init-retransmits-no-response.txt and the
 * site-to-site fixtures); no public copy of a hub log with one spoke down was found, so the log is built from them.
 */
const en = engineT('en');
const at = (clock: string, text: string, name = '') => `Dec  7 10:${clock} hub charon: 05[IKE] ${name ? `<${name}> ` : ''}${text}`;
const hub = (names: { a: string; b: string } = { a: '', b: '' }, cut = 0) =>
  [
    at('00:00', 'initiating IKE_SA spoke-a[1] to 203.0.113.10', names.a),
    at('00:00', 'generating IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) N(FRAG_SUP) N(HASH_ALG) N(REDIR_SUP) ]', names.a),
    at('00:00', 'sending packet: from 198.51.100.1[500] to 203.0.113.10[500] (464 bytes)', names.a),
    at('00:00', 'initiating IKE_SA spoke-b[2] to 203.0.113.20', names.b),
    at('00:00', 'generating IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) N(FRAG_SUP) N(HASH_ALG) N(REDIR_SUP) ]', names.b),
    at('00:00', 'sending packet: from 198.51.100.1[500] to 203.0.113.20[500] (464 bytes)', names.b),
    at('00:00', 'received packet: from 203.0.113.20[500] to 198.51.100.1[500] (472 bytes)', names.b),
    at('00:00', 'parsed IKE_SA_INIT response 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) N(FRAG_SUP) N(HASH_ALG) N(CHDLESS_SUP) N(MULT_AUTH) ]', names.b),
    at('00:00', 'IKE_SA spoke-b[2] established between 198.51.100.1[hub]...203.0.113.20[spoke-b]', names.b),
    ...[1, 2, 3, 4, 5].flatMap((n) => [at(`0${n}:00`, `retransmit ${n} of request with message ID 0`, names.a), at(`0${n}:00`, 'sending packet: from 198.51.100.1[500] to 203.0.113.10[500] (464 bytes)', names.a)]),
    at('06:00', 'giving up after 5 retransmits', names.a),
    at('06:00', 'establishing IKE_SA failed, peer not responding', names.a),
  ]
    .slice(cut)
    .join('\n');
const causes = (text: string) => parseServerLog(text, 'hub.log').entries.filter((e) => e.cause).map((e) => `${e.line} ${e.cause}`);
const findings = (text: string) => explainServerLogs([parseServerLog(text, 'hub.log')], en).findings.map((f) => f.id);

describe('a hub dialling two spokes, one of which never answers', () => {
  it('is the unanswered first exchange, though the other spoke answered in between (lines that name no IKE SA)', () => {
    expect(causes(hub())).toEqual(['20 ike-responder-unreachable']);
    expect(findings(hub())).toEqual(['vpn.server-unreachable']);
  });

  it('and so with `ike_name` on its lines, each SA counted on its own', () => {
    expect(causes(hub({ a: 'spoke-a|1', b: 'spoke-b|2' }))).toEqual(['20 ike-responder-unreachable']);
  });

  it("with `ike_name`, another SA's answer is not this one's even where the log begins after that SA's request", () => {
    // (the log cut after spoke-b's request: its answer alone, then spoke-a's retransmissions, no "giving up" in the copy)
    const text = hub({ a: 'spoke-a|1', b: 'spoke-b|2' }).split('\n');
    const copy = [...text.slice(0, 3), ...text.slice(6, 19)].join('\n');
    expect(findings(copy)).toEqual(['vpn.server-unreachable']);
  });

  it('is nothing when both answered', () => {
    const both = hub().split('\n').slice(0, 9).join('\n') + '\n' + at('00:01', 'parsed IKE_SA_INIT response 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) ]');
    expect(findings(both)).toEqual([]);
  });
});
