import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { engineT } from '../../i18n';
import { parseServerLog } from '../../parse/server-log';
import { explainServerLogs } from '.';

/**
 * Advice worded for who reads it and for what the log can show: real logs (test/fixtures/real/server-logs, SOURCES.md), each
 * class in both languages.
 */

const LANGS = ['en', 'nl'] as const;
const explain = (file: string, lang: (typeof LANGS)[number]) => explainServerLogs([parseServerLog(readRepoText(`test/fixtures/real/server-logs/${file}`), file)], engineT(lang));
const PSK = { en: 'pre-shared key', nl: 'vooraf gedeelde sleutel' } as const;

describe('pluto stuck in STATE_MAIN_R2 (MI3 never came): the path first, not a wrong pre-shared key, which pluto logs apart', () => {
  // Libreswan / Openswan write a differing key as its own line ("probable authentication failure (mismatch of preshared secrets?)",
  // ikev1.c): retransmitting MR2 alone is MI3 not arriving — UDP 4500 / NAT-T (a Windows PC's 809, AssumeUDPEncapsulationContextOnSendRule)
  const ROWS = [
    // a Windows 10 PC against hwdsl2's Libreswan (XAUTH PSK), MR2 retransmitted seven times
    'pluto-xauth-psk-windows-10-main-r2-retransmits-masked-stars-no-mi3.txt',
  ];
  for (const lang of LANGS) {
    for (const file of ROWS) {
      it(`${lang}: ${file}`, () => {
        const f = explain(file, lang).findings.find((x) => x.id === 'vpn.server-unreachable');
        expect(f, file).toBeDefined();
        expect(f!.title).not.toContain(PSK[lang]);
        expect(f!.title).toContain('UDP 4500');
        const advice = f!.parts!.filter((p) => p.kind === 'advice').map((p) => p.text).join(' ');
        // the NAT-T setting and the ports come before any word about the key, which is said to be unlikely
        expect(advice).toContain('AssumeUDPEncapsulationContextOnSendRule');
        expect(advice).toContain('809');
        const key = advice.indexOf(PSK[lang]);
        expect(key === -1 || key > advice.indexOf('AssumeUDPEncapsulationContextOnSendRule')).toBe(true);
        expect(advice).not.toMatch(lang === 'en' ? /first check the pre-shared key/ : /controleer eerst de vooraf gedeelde sleutel/);
      });
    }
  }

  it('the wrong key pluto logs on its own line stays the key finding', () => {
    const { findings } = explain('pluto-docker-l2tp-psk-mismatch-malformed-id-payload.txt', 'en');
    expect(findings.map((f) => f.id)).toEqual(['server.ike-auth-failed']);
  });
});
