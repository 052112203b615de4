import { describe, expect, it } from 'vitest';
import { readRepoText, sampleCapture } from '../../../../test/support/repo-files';
import { analyseCapture } from '../../analyse';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/**
 * An IKEv1 XAUTH refusal (Libreswan, Cisco ASA 713167, VPN 3000 IKE/167) is worded as what it is: the server's XAUTH refused the user
 * name or password of a device that is no Windows built-in client (Windows never speaks XAUTH) — not the PC's error 691 and its
 * Windows advice (DOMAIN\user, dial-in permission). Its finding is vpn.auth-mismatch, and it is never matched with a PC's event.
 */

const DIR = 'test/fixtures/real/server-logs';
const explain = (text: string, lang: 'en' | 'nl' = 'en') => explainServerLogs([parseServerLog(text, 'server.log')], engineT(lang)).findings;

/** one real line of each XAUTH source: Libreswan (hwdsl2/setup-ipsec-vpn #619), the ASA's 713167 and the VPN 3000's IKE/167 */
const XAUTH_LINES = {
  libreswan: readRepoText(`${DIR}/pluto-xauth-password-file-user-found-wrong-password.txt`),
  asa: 'Nov 18 09:12:56 asa %ASA-3-713167: Group = RA, Username = bob, IP = 198.51.100.7, Remote peer has failed user authentication - check configured username and password',
  vpn3000: 'Jan  8 07:43:31 vpn.example.com 562402 01/19/2007 07:43:28.500 SEV=4 IKE/167 RPT=240 192.168.0.1  Group [VPNFull] User [testuser] Remote peer has failed user authentication - check configured username and password',
};

describe('an XAUTH refusal is no Windows 691', () => {
  for (const [source, text] of Object.entries(XAUTH_LINES)) {
    it(`${source}: vpn.auth-mismatch, worded for XAUTH and a device that is no Windows built-in client (en, nl)`, () => {
      const [f, ...rest] = explain(text);
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ id: 'vpn.auth-mismatch', severity: 'critical', title: "The server's XAUTH refused the user name or password: the device is not a Windows built-in VPN client" });
      expect(f!.summary).toContain('Windows\' own VPN client never uses XAUTH');
      expect(f!.summary).toContain('"Cisco IPsec"');
      // none of the PC's 691 advice: a Windows domain user name, dial-in permission, NPS network policy
      expect(f!.summary).not.toMatch(/error 691 on the PC|DOMAIN\\user|dial-in permission|network policy/);
      const [nl] = explain(text, 'nl');
      expect(nl!.title).toBe('XAUTH op de server weigerde de gebruikersnaam of het wachtwoord: het apparaat is geen ingebouwde VPN-client van Windows');
      expect(nl!.summary).not.toMatch(/fout 691 op de pc|DOMEIN\\gebruiker|inbelmachtiging/);
    });
  }

  it('a user refused by XAUTH and then let in (ikev1_xauth.c "Authentication Successful") is information, as a retyped password is', () => {
    const lines = [
      'Aug 27 12:02:30 SERVER-1 pluto[25352]: "xauth-psk"[1] 192.168.1.101 #1: XAUTH: User mac_xxx: Authentication Failed: Incorrect Username or Password',
      'Aug 27 12:02:41 SERVER-1 pluto[25352]: "xauth-psk"[1] 192.168.1.101 #1: XAUTH: User mac_xxx: Authentication Successful',
    ];
    expect(explain(lines.join('\n')).map((f) => [f.id, f.severity, f.title])).toEqual([['vpn.auth-mismatch', 'info', 'mac_xxx logged in after a mistyped password: nothing to change']]);
  });

  it("is not folded into a Windows PC's failure of the same minute and user: the PC never sent it", () => {
    const pc = sampleCapture('win11-ras-errors', ['route-print.txt', 'ver.txt']);
    // the PC's 734 (vpn.auth-mismatch, the same finding id) two seconds after the server's XAUTH refusal of the same user
    const event = ['Event[0]:', '  Log Name: Application', '  Source: RasClient', '  Date: 2026-11-18T09:12:58.0000000Z', '  Event ID: 20227', '  Task: N/A', '  Level: Error', '  Opcode: Info', '  Keyword: Classic', '  User: S-1-5-21-1-2-3-1013', '  User Name: LAPTOP-W11\\bob', '  Computer: LAPTOP-W11', '  Description: ', 'CoId={9C8B7A6D-5E4F-4302-9180-F1E2D3C4B5A6}: The user LAPTOP-W11\\bob dialed a connection named Office which has failed. The error code returned on failure is 734.', ''].join('\n');
    pc.files.set('rasclient-events.txt', { name: 'rasclient-events.txt', text: event, encoding: 'utf-8' });
    pc.files.set('server-logs/asa.txt', { name: 'server-logs/asa.txt', text: XAUTH_LINES.asa, encoding: 'utf-8' });
    const { report } = analyseCapture({ ...pc, label: 'test' }, { toolVersion: 't', now: new Date(0) });
    const f = report.findings.filter((x) => x.id === 'vpn.auth-mismatch');
    // the PC's own 734 and the server's XAUTH refusal, apart: nothing says they are one attempt
    expect(f).toHaveLength(2);
    expect(f.some((x) => x.parts?.some((p) => p.kind === 'matched'))).toBe(false);
  });
});
