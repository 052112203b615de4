import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * The real fixtures' lines that stay not understood on purpose (counted and listed, never dropped): no program wrote them as they
 * stand — a person's note or caption in the paste, an elision, a word joining two captures, a line the source garbled, or a piece of a
 * line the copy hard-wrapped (joining those back is lines.ts's and first-wrap.ts's work, not a family's). Each line below, with why;
 * a change that reads one of them must say what the line means, and move it out of this list.
 */
const ON_PURPOSE: Record<string, [number, string][]> = {
  'pluto-libreswan-316-plutorun-failure-signal-11-restart-never-came.txt': [
    [3, "the poster's note in angle brackets (`<here I should see pluto starting …>`)"],
    [5, "the poster's note standing for left-out lines (`<connections loaded from config>`)"],
  ],
  'routeros-winbox-copy-l2tp-debug-control-messages-chap-success-ipcp-opened.txt': [
    [2, "the author's `...` between rows"], [6, 'the same'], [8, 'the same'], [13, 'the same'], [17, 'the same'],
  ],
  'ios-827-pppoa-client-auth-type-mismatch-glued-direction-two-captures.txt': [[12, "the guide's `or` between its two captures"]],
  'ios-pppoe-client-pap-only-asked-chap-sendauth-fail-unable-to-authenticate.txt': [[17, "the article's caption inside the block (`CHAP authentication failure`)"]],
  'ios-debug-crypto-isakmp-no-timestamps-transform-refused-qm-proposal-not-chosen.txt': [[6, 'a line the source garbled (`ins.ert sa successfully …`, a dot inside `insert`)']],
  'ios-debug-crypto-markdown-quote-bullet-times-chinese-notes-main-mode-initiator.txt': [[29, "the author's heading in Chinese between the debug's lines"], [37, 'the same']],
  'charon-nm-l2tp-client-journal-starter-ikev1-integrity-check-failed.txt': [[18, "the rest of charon's `loaded plugins:` line, hard-wrapped by the copy"]],
  'pluto-5x-iso-time-addconn-interfaces-oriented-connections.txt': [[9, 'one `oriented IKEv2 connection` message split over two lines as posted'], [10, 'its second half']],
  // (IPoE is no VPN: accel-ppp's own IPoE lines and its netlink message are not about a PC's tunnel; line 1 also lost its `[` as posted)
  'pppd-accel-ppp-log-file-ipoe-radius-bind-address-in-use-no-available-servers.txt': [
    [1, 'an IPoE interface created (`create interface ipoe125 parent bond-lan.971`), its log-file header without its `[`'],
    [5, 'an IPoE session finished: no VPN'],
    [6, "libnetlink's `RTNETLINK answers: Cannot assign requested address`, a kernel answer with no session or tunnel named"],
  ],
  'pppd-accel-pppd-sstp-new-connection-sni-http-handshake-wrapped-guid.txt': [[6, 'the rest of the line before (`}/ HTTP/1.1>]`), wrapped inside its GUID as posted']],
  'softether-server-log-flattened-paragraph-ike-sa-then-quick-mode.txt': [
    [1, "the paragraph's last record, whose message the post wrapped onto the next line (`: The client initiates a QuickMode negotiation.`)"],
    [2, 'that message and a record after it, as wrapped'],
  ],
  'asa-cac-anyconnect-certificate-map-none-lua-username-script-error-authorization-unknown-user.txt': [[18, "`[88] Session Start`: one line of the ASA's `debug ldap` (its session number) with none of that debug around it"]],
};

const fixture = (name: string) => readRepoText(`test/fixtures/real/server-logs/${name}`);

describe('real lines left not understood on purpose', () => {
  for (const [name, lines] of Object.entries(ON_PURPOSE)) {
    it(name, () => {
      const r = parseServerLog(fixture(name), name);
      const unknown = r.unknownLines.map((u) => u.line);
      for (const [line, why] of lines) expect(unknown, `line ${line}: ${why}`).toContain(line);
      expect(unknown.length).toBe(lines.length);
    });
  }

  it('FortiGate hex a forum wrapped at its own width: the pieces stay unknown, the debug around them is read', () => {
    const name = 'fortios-ike-debug-initiator-main-mode-first-message-wrapped-hex.txt';
    const r = parseServerLog(fixture(name), name);
    expect(r.unknownLines.map((u) => u.line)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(r.understood).toBeGreaterThan(0);
  });
});

describe('other programs in a VPN paste (families/other-daemons.ts)', () => {
  const en = engineT('en');
  const one = (line: string) => {
    const r = parseServerLog(`${line}\n`);
    return { understood: r.understood, says: r.entries[0] ? describeEntry(r.entries[0], en) : '' };
  };
  it("racoon's IKE sockets and BusyBox syslogd's start are understood; racoon's other lines and another syslogd are not", () => {
    expect(one('Dec 17 12:23:43 netbook racoon: INFO: 192.168.0.12[500] used as isakmp port (fd=8)')).toEqual({ understood: 1, says: 'racoon (the IKE service of ipsec-tools) listens for IKE on 192.168.0.12, port 500: it started; nothing about a connection.' });
    expect(one('Dec 17 12:23:43 netbook racoon: INFO: 192.168.0.12[4500] used for NAT-T').understood).toBe(1);
    expect(one('Dec 17 12:23:43 netbook racoon: ERROR: failed to bind to address 192.168.0.12[500] (Address already in use).').understood).toBe(0);
    expect(one('Aug 23 02:23:03 4f9a7d5d39f5 syslog.info syslogd started: BusyBox v1.24.2').says).toBe('The system log (BusyBox syslogd) started: not part of the VPN.');
    expect(one('Aug 23 02:23:03 4f9a7d5d39f5 syslogd started: rsyslog v8').understood).toBe(0);
  });
});
