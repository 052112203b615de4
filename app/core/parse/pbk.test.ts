import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { PBK_MAX_LINE, parsePbk, PbkEditError, serialisePbk, setPbkValue, undoPbkEdit } from './pbk';
import { pbkEntryToProfile } from './pbk-entry';

/** One row per corpus phonebook, checked by hand against the file (grep of the keys). */
const EXPECTED: Record<string, { entries: [name: string, server: string | undefined, tunnel: string, encryption: string, auth: string[], split: boolean][]; uncertainAuth?: string[] }> = {
  'en-alwayson-sstp-nrpt-trustednetworks.pbk': { entries: [['Turner AlwaysOn VPN', 'aovpn.turner-industries.com', 'sstp', 'require', ['eap'], true]] },
  'sl-ikev2-l2tp-pptp-split-tunnel-mixed.pbk': {
    entries: [
      ['vpn.e-zj.si', 'vpn.e-zj.si', 'ikev2', 'require', ['unknown'], true], // AuthRestrictions=2048: undocumented bit
      ['marbo.pin.si', 'marbo.pin.si', 'l2tp', 'optional', ['chap', 'mschapv2'], true], // 544 = 512 + 32
      ['vpn.kurej.si', 'vpn.kurej.si', 'l2tp', 'optional', ['mschapv2'], true],
      ['vpn.kurej.si-GW', 'vpn.kurej.si', 'l2tp', 'optional', ['mschapv2'], false], // IpPrioritizeRemote=1
      ['vpn.pin.si', 'vpn.pin.si', 'l2tp', 'require', ['mschapv2'], true],
      ['jezero.pin.si', 'jezero.pin.si', 'pptp', 'optional', ['mschapv2'], true],
    ],
    uncertainAuth: ['vpn.e-zj.si'],
  },
  'zh-pppoe-localised-device-name.pbk': { entries: [['宽带连接', undefined, 'none', 'optional', ['pap', 'chap', 'mschapv2'], false]] },
  'zh-pppoe-plus-ikev2-static-ipv6.pbk': {
    entries: [
      ['宽带连接', undefined, 'none', 'optional', ['pap', 'chap', 'mschapv2'], false],
      ['aliyun-hk', 'aliyun-hk.6tu.me', 'ikev2', 'requireMax', ['eap'], false],
      ['pub.6tu.me', 'pub.6tu.me', 'ikev2', 'requireMax', ['eap'], false],
    ],
  },
};

describe.skipIf(!corpusAvailable)('rasphone.pbk corpus', () => {
  it('has a row for every corpus phonebook', () => {
    expect(corpusFiles('pbk')).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const file of Object.keys(EXPECTED)) {
    it(`${file}: byte-identical round trip, hand-checked entries`, () => {
      const text = readCorpus('pbk', file);
      const r = parsePbk(text, `pbk/${file}`);
      expect(serialisePbk(r.value.document)).toBe(text);
      expect(r.problems).toEqual([]);
      const profiles = r.value.entries.map((e) => pbkEntryToProfile(e, file));
      expect(profiles.map((p) => [p.name, p.server, p.tunnel, p.encryption, p.auth, p.splitTunnel])).toEqual(EXPECTED[file]!.entries);
      for (const name of EXPECTED[file]!.uncertainAuth ?? []) {
        const e = r.value.entries.find((x) => x.name === name)!;
        expect(e.authRestrictions?.meaning).toBe('uncertain');
      }
    });
  }
  it('keeps the repeated multi-line keys and reads CustomAuthData as one blob (PEAP, CustomAuthKey=25)', () => {
    const e = parsePbk(readCorpus('pbk', 'en-alwayson-sstp-nrpt-trustednetworks.pbk')).value.entries[0]!;
    expect(e.customAuthKey).toEqual({ value: 25, method: 'PEAP' });
    expect(e.customAuthData).toMatch(/^3144424319000000.*00000000000000000000000000$/);
    expect(e.vpnStrategy).toMatchObject({ value: 6, name: 'SstpFirst', meaning: 'known' });
    expect(e.dataEncryption).toEqual({ value: 256, level: 'require', meaning: 'known' });
  });
  it('IpInterfaceMetric=2 is known, 0 is marked uncertain', () => {
    const entries = parsePbk(readCorpus('pbk', 'sl-ikev2-l2tp-pptp-split-tunnel-mixed.pbk')).value.entries;
    expect(entries[0]!.ipInterfaceMetric).toEqual({ value: 2, meaning: 'known' });
    expect(entries[1]!.ipInterfaceMetric?.meaning).toBe('uncertain');
  });
  it('edits one key in a corpus file and undoes it exactly (CRLF kept)', () => {
    const text = readCorpus('pbk', 'zh-pppoe-plus-ikev2-static-ipv6.pbk');
    const { text: edited, edit } = setPbkValue(text, 'aliyun-hk', 'IpPrioritizeRemote', '0');
    expect(edit.previous).toBe('1');
    expect(edited.length).toBe(text.length);
    expect(parsePbk(edited).value.entries[1]!.ipPrioritizeRemote).toEqual({ value: 0, splitTunnel: true });
    expect(parsePbk(edited).value.entries[0]!.ipPrioritizeRemote?.value).toBe(1); // the PPPoE entry is untouched
    expect(undoPbkEdit(edited, edit)).toBe(text);
  });
});

describe('pbk structure and bad input', () => {
  const SMALL = '; written by hand\n[Corp VPN]\nType=2\nPhoneNumber=x\n\nMEDIA=rastapi\nDevice=WAN Miniport (PPTP)\n\nDEVICE=vpn\nPhoneNumber=vpn.example.com\n';
  it('keeps comments, reads PhoneNumber from the DEVICE group only', () => {
    const r = parsePbk(SMALL);
    expect(serialisePbk(r.value.document)).toBe(SMALL);
    expect(r.value.entries[0]!.phoneNumbers).toEqual(['vpn.example.com']);
    expect(r.value.entries[0]!.device).toBe('WAN Miniport (PPTP)');
  });
  it('duplicate sections are reported and both kept; editing refuses to guess', () => {
    const text = '[A]\r\nType=2\r\n[A]\r\nType=1\r\n';
    const r = parsePbk(text, 'pbk/dup.pbk');
    expect(r.value.entries).toHaveLength(2);
    expect(r.problems).toEqual([expect.objectContaining({ source: 'pbk/dup.pbk', line: 3, message: expect.stringMatching(/appears twice.*uncertain/) })]);
    expect(() => setPbkValue(text, 'A', 'IpPrioritizeRemote', '0')).toThrow(PbkEditError);
  });
  it('a 1 MB line is reported, kept byte for byte, and not interpreted', () => {
    const text = `[A]\nType=2\nCustomAuthData=${'A'.repeat(1024 * 1024)}\nVpnStrategy=1\n`;
    const r = parsePbk(text, 'pbk/big.pbk');
    expect(serialisePbk(r.value.document)).toBe(text);
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining(`${1024 * 1024 + 15} characters`) })]);
    expect(r.value.entries[0]!.vpnStrategy?.value).toBe(1);
    expect(1024 * 1024).toBeGreaterThan(PBK_MAX_LINE);
  });
  it('unknown values are said to be uncertain, not guessed', () => {
    const e = parsePbk('[A]\nType=2\nVpnStrategy=42\nDataEncryption=3\nAuthRestrictions=4096\nTypicalAuth=2\nNumRoutes=1\nRoutes=0A000000FFFFFF00\n').value.entries[0]!;
    const p = pbkEntryToProfile(e, 'x.pbk');
    expect(e.vpnStrategy).toMatchObject({ meaning: 'uncertain', tunnel: 'unknown' });
    expect(e.dataEncryption).toMatchObject({ level: 'unknown', meaning: 'uncertain' });
    expect(e.authRestrictions).toMatchObject({ unknownBits: [4096], meaning: 'uncertain' });
    expect(e.routes).toEqual({ declared: 1, raw: ['Routes=0A000000FFFFFF00'], meaning: 'uncertain' });
    expect(p.uncertain.join('\n')).toMatch(/VpnStrategy=42[\s\S]*DataEncryption=3[\s\S]*4096[\s\S]*TypicalAuth[\s\S]*NumRoutes/);
  });
  it('non-numeric values and text before the first section are problems, not crashes', () => {
    const r = parsePbk('stray=1\n[A]\nType=two\nnonsense\n', 'pbk/bad.pbk');
    expect(r.problems.map((p) => p.line)).toEqual([1, 4, 3]);
  });
  it('not a phonebook at all', () => {
    expect(parsePbk('hello=world\n').problems.map((p) => p.message)).toContain('no [entry] section found: not a phonebook');
  });
  it('inserts a missing key after the entry\'s own keys, before its sub-groups, and undoes it', () => {
    const { text, edit } = setPbkValue(SMALL, 'Corp VPN', 'IpPrioritizeRemote', '0');
    expect(text).toBe(SMALL.replace('PhoneNumber=x\n', 'PhoneNumber=x\nIpPrioritizeRemote=0\n'));
    expect(edit.previous).toBeNull();
    expect(undoPbkEdit(text, edit)).toBe(SMALL);
    expect(() => undoPbkEdit(SMALL, edit)).toThrow(/no longer/);
  });
  it('refuses values that would change the structure, and repeated keys', () => {
    expect(() => setPbkValue(SMALL, 'Corp VPN', 'X', 'a\r\n[B]')).toThrow(PbkEditError);
    expect(() => setPbkValue('[A]\nK=1\nK=2\n', 'A', 'K', '3')).toThrow(/repeated/);
    expect(() => setPbkValue(SMALL, 'Nope', 'K', '3')).toThrow(/no entry/);
  });
});

describe('pbk properties', () => {
  const pbkish = fc.array(fc.oneof(fc.constantFrom('[A]', '[宽带连接]', 'MEDIA=rastapi', 'DEVICE=vpn', 'PhoneNumber=x', 'Type=2', '; c', '', 'VpnStrategy=abc', '[', '=v'), fc.string()), { maxLength: 30 });
  const eol = fc.constantFrom('\n', '\r\n', '\r', '');
  it('round-trips and never throws on any text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), eol), { maxLength: 20 }), pbkish, (parts, more) => {
        const text = parts.map(([a, b]) => a + b).join('') + more.join('\n');
        const r = parsePbk(text);
        expect(serialisePbk(r.value.document)).toBe(text);
      }),
    );
  });
  it('setPbkValue then undoPbkEdit gives back the original text', () => {
    fc.assert(
      fc.property(pbkish, eol, fc.constantFrom('IpPrioritizeRemote', 'Type', 'NewKey'), fc.stringMatching(/^[ -~]{0,12}$/), (lines, e, key, value) => {
        const text = ['[T]', ...lines].join(e);
        let result;
        try {
          result = setPbkValue(text, 'T', key, value);
        } catch (err) {
          expect(err).toBeInstanceOf(PbkEditError);
          return;
        }
        expect(undoPbkEdit(result.text, result.edit)).toBe(text);
      }),
    );
  });
});
