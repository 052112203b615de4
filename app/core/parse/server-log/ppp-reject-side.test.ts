import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { describeDecoded, describeEntry } from './describe';
import { parseServerLog } from './index';
import { REJECT_STATEMENTS } from './ppp-reject-side';

/**
 * A PPP refusal (Configure-Reject, Protocol-Reject, and what the asker did after it) names the server and the PC when the family
 * knows which side its log is from (ppp-reject-side.ts): a server's pppd, accel-ppp, mpd answering a dial-in → "The server … the
 * PC"; a dialling side's (pppd-role.ts, mpd's client link, an IOS router's own link) → "the server" for the other side, its
 * packet headings too ("from the server", not "the other side (the responder)"). Real logs only.
 */

const en = engineT('en');
const nl = engineT('nl');
const DIR = 'test/fixtures/real/server-logs';

/** fixture, line, what its entry says in English and in Dutch */
const ROWS: [string, number, string[], string[]][] = [
  // a server's pppd (xl2tpd's LNS) refuses a Windows 7 PC's request for an address
  ['pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt', 44,
    ['IPCP ConfRej to the PC', "The server refused the PC's request for an IP address (0.0.0.0)"],
    ['IPCP ConfRej naar de pc', 'De server weigerde het verzoek van de pc om een IP-adres (0.0.0.0)']],
  ['pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt', 40,
    ['The server does not run protocol 0x8057 (IPV6CP) that the PC sent'], ['De server gebruikt protocol 0x8057 (IPV6CP) niet, dat de pc stuurde']],
  ['pppd-xl2tpd-win7-ipcp-confrej-addr-no-address-for-peer.txt', 46,
    ['CCP ConfRej from the PC', 'The PC does not use data compression'], ['De pc gebruikt geen datacompressie']],
  // accel-ppp (a server only) and a Python sstpd's pppd
  ['pppd-accel-pptp-vyos-docs-journal-windows-10-mschap-v2-fsm-timeout-ipv6cp-discarded.txt', 16,
    ['The server does not use header compression (pcomp, accomp)'], ['De server gebruikt geen headercompressie (pcomp, accomp)']],
  ['pppd-sstpd-python-iso-time-windows-lcp-callback-cbcp-mrru-rejected.txt', 7,
    ['The server does not use callback (callback CBCP)'], ['De server gebruikt geen terugbelfunctie (callback CBCP)']],
  // mpd as an L2TP server (pfSense) and as an LNS (BSDRP)
  ['mpd5-pfsense-docs-l2tps-windows-chap-ccp-protocol-rejected-then-disconnect.txt', 28,
    ['The server does not use callback (CALLBACK 6)'], ['De server gebruikt geen terugbelfunctie (CALLBACK 6)']],
  ['mpd5-bsdrp-lns-ppp-tag-ms-chapv2-pool-address-ipcp-nak.txt', 21,
    ['The PC does not use header compression (ACFCOMP)'], ['De pc gebruikt geen headercompressie (ACFCOMP)']],
  // dialling sides: a NetworkManager pptp client (its packets tell it, pppd-role.ts), a PPPoE client, mpd's PPPoE client
  ['pppd-pptp-client-nm-auth-eap-then-chap-md5-rejected-mru-nak-loop.txt', 5,
    ['LCP ConfRej from the server (id 0x1)', "The server refused the sign-in method this side asked for (eap); this side's next request asks for another (chap MD5)"],
    ['LCP ConfRej van de server (id 0x1)', 'De server weigerde de aanmeldmethode die deze kant vroeg (eap)']],
  ['pppd-pptp-client-nm-bbcode-lcp-terminated-garbled-no-ccp.txt', 21,
    ['LCP ConfRej to the server (id 0x1)', 'This side does not use callback (callback CBCP)'], ['LCP ConfRej naar de server (id 0x1)']],
  ['pppd-pptp-client-routing-loop-sent-1-gb-received-60-bytes.txt', 33,
    ['IPCP ConfRej from the server', 'The server does not use header compression (compress VJ 0f 01)'], ['De server gebruikt geen headercompressie']],
  ['pppd-pppoe-client-rp-pppoe-plugin-docker-padi-pado-padr-pads-ipcp-nak-padt.txt', 34,
    ['IPCP ConfRej to the server (id 0x1)', 'This side does not use header compression'], ['IPCP ConfRej naar de server (id 0x1)']],
  ['mpd5-freebsd-pppoe-client-mailing-list-quoted-printable-wraps-timeout-pap.txt', 83,
    ['The server does not use header compression (COMPPROTO VJCOMP)'], ['De server gebruikt geen headercompressie (COMPPROTO VJCOMP)']],
  ['mpd5-freebsd-pppoe-client-mailing-list-quoted-printable-wraps-timeout-pap.txt', 91,
    ['The server does not run IPV6CP (Protocol-Reject): this side stops it'], ['De server gebruikt IPV6CP niet (Protocol-Reject)']],
  // a Cisco 827's own PPPoA link (ios-link-side.ts): the server it logs in to, said plainly
  ['ios-827-pppoa-client-auth-type-mismatch-glued-direction-two-captures.txt', 10,
    ['LCP Configure-Reject to the server this router logs in to'], ['naar de server waarbij deze router zich aanmeldt']],
];

const entryAt = (file: string, line: number) => {
  const e = parseServerLog(readRepoText(`${DIR}/${file}`)).entries.find((x) => x.line === line);
  expect(e, `${file}:${line}`).toBeDefined();
  return e!;
};

describe('PPP refusals name the server and the PC by the side the log is from (real logs)', () => {
  it.each(ROWS)('%s line %i', (file, line, enSays, nlSays) => {
    const e = entryAt(file, line);
    const [enText, nlText] = [describeEntry(e, en), describeEntry(e, nl)];
    for (const s of enSays) expect(enText).toContain(s);
    for (const s of nlSays) expect(nlText).toContain(s);
  });

  // every real log here with a PPP refusal tells its side (by its lines, or by its family's own default): none is left saying
  // "this side / the other side" about the other end, in either language
  const withRejects = repoFiles(DIR).filter((f) => /ConfRej|CONFREJ|Configure Reject|SendConfigRej|ProtRej/.test(readRepoText(`${DIR}/${f}`)));
  it.each(withRejects)('%s: no refusal left naming "the other side"', (file) => {
    const said = parseServerLog(readRepoText(`${DIR}/${file}`)).entries.flatMap((e) => e.decoded.filter((dd) => REJECT_STATEMENTS.has(dd.key)));
    for (const dd of said) {
      expect(describeDecoded(dd, en)).not.toMatch(/the other side/i);
      expect(describeDecoded(dd, nl)).not.toMatch(/de andere kant/i);
    }
  });

  it('a refusal whose side no family tells keeps "this side / the other side"', () => {
    expect(describeDecoded({ key: 'rejectDroppedByOther', values: { option: 'mrru 1614', words: 'multilink' } }, en)).toMatch(/^The other side does not use/);
    expect(describeDecoded({ key: 'rejectDroppedByOther', values: { option: 'mrru 1614', words: 'multilink', role: 'site' } }, en)).toMatch(/^The other router does not use/);
  });
});

describe('Cisco IOS: a server link by default, its refusals worded again when the link turns out to be its own (ios-link-side.ts)', () => {
  const reject = ['Vi1 LCP: O CONFREJ [REQsent] id 1 len 10', 'Vi1 LCP:    MRRU 1614 (0x1104064E)'];
  it('answering a PC', () => {
    const e = parseServerLog(reject.join('\n')).entries.at(-1)!;
    expect(describeEntry(e, en)).toContain('The server does not use multilink');
  });
  it('its own dial-out link, told after the reject', () => {
    const r = parseServerLog([...reject, 'Vi1 PPP: Phase is AUTHENTICATING, by the peer'].join('\n'));
    const e = r.entries.find((x) => x.line === 2)!;
    expect(describeEntry(e, en)).toContain('This side does not use multilink');
    expect(describeEntry(e, en)).not.toMatch(/The server does not use/);
  });
});
