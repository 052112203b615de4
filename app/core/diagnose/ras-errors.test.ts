import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import nl from '../i18n/nl.json';
import { engineT } from '../i18n';
import { explainRasError, RAS_ERRORS } from './ras-errors';

/**
 * windows-reference.md §7, every row (830/831 share one), and the account-state codes its stage table names after
 * 20223/20224 (647–649) with their siblings 646 and 709 (raserror.h; the MS-CHAP failure codes, RFC 2759 §6).
 */
const REFERENCE_CODES = [619, 628, 629, 646, 647, 648, 649, 691, 709, 718, 720, 721, 734, 741, 742, 768, 788, 789, 800, 806, 807, 809, 812, 825, 830, 831, 868];
/** raserror.h codes the reference does not list that a PC's 20227 or a server's event often carries, and IKEv2's winerror.h ones */
const COMMON_CODES = [651, 678, 732, 733, 735, 738, 766, 781, 787, 792, 13801, 13806, 13868];
const CATALOGUE = [...REFERENCE_CODES, ...COMMON_CODES].sort((a, b) => a - b);

describe('RAS error catalogue', () => {
  it('holds every code of the reference, each with meaning, causes and what to try in en and nl', () => {
    expect([...RAS_ERRORS.keys()].sort((a, b) => a - b)).toEqual(CATALOGUE);
    for (const dict of [en, nl] as { rasErrors: { codes: Record<string, Record<string, string>> } }[]) {
      for (const code of CATALOGUE) {
        const c = dict.rasErrors.codes[String(code)];
        expect(c, String(code)).toBeDefined();
        for (const k of ['meaning', 'causes', 'tryThis']) expect(c![k]!.length, `${code}.${k}`).toBeGreaterThan(20);
      }
    }
  });
  it('explains a known code in the chosen language', () => {
    expect(explainRasError(806, engineT('en'))).toMatchObject({ known: true, symbol: 'ERROR_VPN_GRE_BLOCKED', category: 'gre', meaning: expect.stringContaining('GRE') });
    expect(explainRasError(806, engineT('nl')).tryThis).toContain('pass-through');
  });
  it('an account-state code is not sent back to the password (en, nl)', () => {
    for (const code of [646, 647, 649]) {
      expect(explainRasError(code, engineT('en')).causes, String(code)).toContain('The password is not the problem');
      expect(explainRasError(code, engineT('nl')).causes, String(code)).toContain('Het wachtwoord is niet het probleem');
    }
    expect(explainRasError(649, engineT('en'))).toMatchObject({ known: true, symbol: 'ERROR_NO_DIALIN_PERMISSION', meaning: expect.stringContaining('no permission') });
    expect(explainRasError(648, engineT('nl')).meaning).toBe('Het wachtwoord van dit account is verlopen.');
  });
  it('unknown codes are explained as unknown, by range, never thrown', () => {
    const t = engineT('en');
    expect(explainRasError(87, t)).toMatchObject({ known: false, meaning: expect.stringContaining('general Windows error') });
    expect(explainRasError(699, t)).toMatchObject({ known: false, meaning: 'RAS error 699 is not in our catalogue.' });
    expect(explainRasError(-5, t).meaning).toContain('-5');
    expect(explainRasError(13880, engineT('nl')).tryThis).toContain('13880');
  });
  it('the codes a PC most often shows beyond the reference: IKEv2\'s certificate errors, a WAN Miniport\'s 651, no address (en, nl)', () => {
    expect(explainRasError(13801, engineT('en'))).toMatchObject({ known: true, symbol: 'ERROR_IPSEC_IKE_AUTH_FAIL', category: 'ipsec', causes: expect.stringContaining('Server Authentication') });
    expect(explainRasError(13806, engineT('nl'))).toMatchObject({ known: true, tryThis: expect.stringContaining('Vertrouwde basiscertificeringsinstanties') });
    expect(explainRasError(13868, engineT('en')).tryThis).toContain('Set-VpnConnectionIPsecConfiguration');
    expect(explainRasError(651, engineT('en'))).toMatchObject({ known: true, symbol: 'ERROR_FROM_DEVICE', causes: expect.stringContaining('WAN Miniport') });
    expect(explainRasError(738, engineT('nl')).meaning).toBe('De server gaf de pc geen IP-adres.');
  });
});
