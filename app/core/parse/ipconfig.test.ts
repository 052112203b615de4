import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { readRepoText } from '../../../test/support/repo-files';
import { classifyAdapter } from './adapter-kind';
import { IPCONFIG_CORPUS } from './ipconfig.corpus-expected';
import { parseIpconfig } from './ipconfig';
import type { IpconfigAdapter } from './types';

const sig = (a: IpconfigAdapter) =>
  [
    a.name,
    a.kind,
    a.connected ? 'up' : 'down',
    a.ipv4.map((x) => `${x.address}/${x.prefixLength}`).join(' '),
    a.gateways.join(' '),
    a.dnsServers.join(' '),
  ].join(' | ');

const files = corpusFiles('ipconfig');

describe.skipIf(!corpusAvailable)('parseIpconfig on the shared corpus', () => {
  it('has exactly one expectation row per corpus file', () => {
    expect(files.length).toBe(21);
    expect(files.filter((f) => !(f in IPCONFIG_CORPUS))).toEqual([]);
    expect(Object.keys(IPCONFIG_CORPUS).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)('%s', (file) => {
    const want = IPCONFIG_CORPUS[file];
    if (!want) throw new Error(`no expectation row for ${file}`);
    const { value, problems } = parseIpconfig(readCorpus('ipconfig', file), file);
    expect(value.hostname).toBe(want.hostname);
    expect(value.adapters.map(sig)).toEqual(want.adapters);
    expect(problems.map((p) => [p.line, p.message])).toEqual(want.problems);
    for (const p of problems) expect(p.source).toBe(file);
  });

  const adapter = (file: string, name: string) => {
    const a = parseIpconfig(readCorpus('ipconfig', file), file).value.adapters.find((x) => x.name === name);
    if (!a) throw new Error(`${name} not found in ${file}`);
    return a;
  };

  it('keeps IPv6 addresses, MAC, DHCP flag and description (German Windows 11)', () => {
    const wlan = adapter('win11-de-wlan-ipv6-wsl-prompt.txt', 'WLAN');
    expect(wlan.header).toBe('Drahtlos-LAN-Adapter WLAN');
    expect(wlan.ipv6).toEqual([
      { address: '2a04:9546:19ba:af01:c52c:be1:3372:e973', prefixLength: 128 },
      { address: '2a04:9546:19ba:af01:cd1:8efb:95ec:cc18', prefixLength: 128 },
      { address: 'fe80::e436:d5b3:2c27:c44e', prefixLength: 64 },
    ]);
    expect(wlan.mac).toBe('d0-39-57-78-a7-c3');
    expect(wlan.dhcp).toBe(true);
    expect(wlan.description).toBe('MediaTek Wi-Fi 6 MT7921 Wireless LAN Card');
  });

  it('reads XP PPPoE with wrapped lease lines and the Polish "Karta PPP" with HTML entities', () => {
    const ppp = adapter('xp-en-pppoe-wrapped-lease-lines.txt', 'Connection to TUdelft-FTTD at DePoort1');
    expect(ppp).toMatchObject({ kind: 'ppp', description: 'WAN (PPP/SLIP) Interface', mac: '00-53-45-00-00-00', dhcp: false });
    const pl = adapter('xp-pl-pppoe-karta-ppp-html-entities.txt', 'internet');
    expect(pl).toMatchObject({ header: 'Karta PPP internet', kind: 'ppp', dnsServers: ['10.0.0.2'], dhcp: false });
  });

  it('reads the primary DNS suffix and the Spanish cp850 mojibake labels', () => {
    expect(parseIpconfig(readCorpus('ipconfig', 'winxp-en-jc-ip-address-layout.txt')).value.primaryDnsSuffix).toBe('somecompany.corp');
    const tap = adapter('win10-es-cp850-mojibake-protonvpn-tap.txt', 'Conexi¢n de  rea local');
    expect(tap).toMatchObject({ kind: 'vpn', connected: false, description: 'TAP-ProtonVPN Windows Adapter V9', dhcp: true });
  });
});

const EN = (body: string) => `\r\nWindows IP Configuration\r\n\r\n${body}`;

describe('parseIpconfig on small fixtures', () => {
  it('rejects non-ipconfig text with a single problem', () => {
    const linux = '2: eth0: <BROADCAST,MULTICAST,UP> mtu 1500 qdisc fq_codel\n    inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0\n';
    for (const text of [linux, '', '   \n\n', 'garbage\n: . . : x']) {
      const r = parseIpconfig(text, 'x.txt');
      expect(r.value.adapters).toEqual([]);
      expect(r.problems).toEqual([{ source: 'x.txt', line: 1, message: 'not a Windows ipconfig output', code: 'ipconfig.notIpconfig' }]);
    }
    expect(parseIpconfig('\n\nhello').problems[0]).toMatchObject({ line: 3, source: 'ipconfig-all.txt' });
  });

  it('reports unknown labels, stray values and labels outside a section with their line numbers', () => {
    const text = [
      'Windows IP Configuration', //  1
      '   Description . . . . . : orphan', // 2
      'Ethernet adapter LAN:', // 3
      '   Frobnication Level. . . : 11', // 4
      '   IPv4 Address. . . . . : 10.0.0.5', // 5
      '   Subnet Mask . . . . . : 255.0.255.0', // 6
      '   DNS Servers . . . . . : 10.0.0.1', // 7
      '                           dns.example', // 8
      '   Media State . . . . . : Media confused', // 9
      'some stray text', // 10
    ].join('\n');
    const r = parseIpconfig(text);
    expect(r.problems.map((p) => [p.line, p.message])).toEqual([
      [2, '«Description» outside an adapter section'],
      // a label in no vocabulary is read by its value and place; the file gets one notice
      [4, 'labels in no vocabulary TunnelMedic has (1, the first is «Frobnication Level»): what they hold was read from their values and their place in the adapter'],
      [6, 'Subnet Mask: «255.0.255.0» is not a subnet mask'],
      [8, 'DNS Servers: «dns.example» is not an IP address; ignored'],
      [9, 'Media State: unknown media state «Media confused»'],
      [10, 'unrecognised line «some stray text»'],
      [5, 'IPv4 address 10.0.0.5 has no subnet mask; taken as /32'],
    ]);
    expect(r.value.adapters[0]?.ipv4).toEqual([{ address: '10.0.0.5', prefixLength: 32 }]);
    expect(r.value.adapters[0]?.dnsServers).toEqual(['10.0.0.1']);
  });

  it('pairs each mask with its address, keeps duplicates and IPv6 in the XP "IP Address" label', () => {
    const r = parseIpconfig(
      EN(
        [
          'Ethernet adapter Local Area Connection:',
          '        IP Address. . . . . . . . . . . . : 10.1.2.3',
          '        Subnet Mask . . . . . . . . . . . : 255.255.255.128',
          '        IP Address. . . . . . . . . . . . : 10.9.9.9(Duplicate) ',
          '        Subnet Mask . . . . . . . . . . . : 255.255.0.0',
          '        IP Address. . . . . . . . . . . . : fe80::20c:29ff:fe25:b64d%4',
          '        Default Gateway . . . . . . . . . : fe80::1%4',
          '                                            10.1.2.1',
        ].join('\r\n'),
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.value.adapters[0]).toMatchObject({
      ipv4: [
        { address: '10.1.2.3', prefixLength: 25 },
        { address: '10.9.9.9', prefixLength: 16 },
      ],
      ipv6: [{ address: 'fe80::20c:29ff:fe25:b64d', prefixLength: 64 }],
      gateways: ['fe80::1', '10.1.2.1'],
    });
  });

  it('appends an 80-column wrapped description and accepts a French capture', () => {
    const desc = '   Description . . . . . . . . . . . : Fortinet SSL VPN Virtual Ethernet Adapter';
    expect(desc.length).toBe(80);
    const wrapped = parseIpconfig(EN(`Ethernet adapter Ethernet 3:\n\n${desc}\n #2\n`));
    expect(wrapped.problems).toEqual([]);
    expect(wrapped.value.adapters[0]).toMatchObject({ description: 'Fortinet SSL VPN Virtual Ethernet Adapter #2', kind: 'vpn' });

    const fr = [
      'Configuration IP de Windows',
      '',
      'Carte Ethernet Connexion au réseau local :',
      '',
      '   Suffixe DNS propre à la connexion. . . : corp.example',
      '   Adresse IPv4. . . . . . . . . . . . . .: 192.168.1.10(préféré)',
      '   Masque de sous-réseau. . . . . . . . . : 255.255.255.0',
      '   Passerelle par défaut. . . . . . . . . : 192.168.1.254',
    ].join('\n');
    const r = parseIpconfig(fr);
    expect(r.problems).toEqual([]);
    expect(r.value.adapters.map(sig)).toEqual(['Connexion au réseau local | ethernet | up | 192.168.1.10/24 | 192.168.1.254 | ']);
  });

  it('treats prompts, banners and appended time stamps as understood', () => {
    const r = parseIpconfig(
      ['Microsoft Windows [Version 10.0.19045.4291]', '(c) Microsoft Corporation. All rights reserved.', '', 'PS C:\\Users\\x> ipconfig', EN(''), 'C:\\>', '2024-05-01', '13:52:42 17/05/2016'].join('\n'),
    );
    expect(r.problems).toEqual([]);
  });
});

describe('classifyAdapter with localised headers', () => {
  it.each([
    ['Karta PPP internet', '', 'ppp'],
    ['Adaptador PPP Oficina', '', 'ppp'],
    ['PPP-Adapter Firma', '', 'ppp'],
    ['Адаптер PPP Работа', '', 'ppp'],
    ['PPP 适配器 宽带连接', '', 'ppp'],
    ['Unknown adapter NordLynx', '', 'vpn'],
    ['Неизвестный адаптер Подключение', '', 'vpn'],
    ['Tunnel adapter isatap.lan', 'Microsoft ISATAP Adapter', 'other'],
    ['Tunnel adapter iphttpsinterface', 'iphttpsinterface', 'vpn'],
    ['以太网适配器 以太网', 'Realtek USB FE Family Controller', 'ethernet'],
  ] as const)('%s / %s → %s', (header, description, kind) => {
    expect(classifyAdapter(header, description)).toBe(kind);
  });
});

describe('parseIpconfig properties', () => {
  const lineCount = (t: string) => t.split(/\r\n|\r|\n/u).length;
  const validLines = (text: string) => {
    const r = parseIpconfig(text);
    for (const p of r.problems) {
      expect(Number.isInteger(p.line)).toBe(true);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(lineCount(text));
    }
  };

  it('never throws on arbitrary strings and gives valid line numbers', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), validLines), { numRuns: 300 });
  });

  it.skipIf(!corpusAvailable)('never throws on mutated corpus text', () => {
    const texts = files.map((f) => readCorpus('ipconfig', f));
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 60 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('dedent' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(mutation, { maxLength: 6 }), (text, muts) => {
        let lines = text.split('\n');
        for (const m of muts) {
          const at = m.at % Math.max(lines.length, 1);
          if (m.kind === 'delete') lines.splice(at, 1);
          else if (m.kind === 'insert') lines.splice(at, 0, m.text);
          else if (m.kind === 'dedent') lines[at] = (lines[at] ?? '').trimStart();
          else lines = lines.join('\n').slice(0, m.at % (text.length + 1)).split('\n');
        }
        validLines(lines.join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips generated English adapters with no problems', () => {
    const v4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 })).map((o) => o.join('.'));
    const prefix = fc.integer({ min: 8, max: 32 });
    const mask = (p: number) => [24, 16, 8, 0].map((s) => ((p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0) >>> s) & 255).join('.');
    fc.assert(
      fc.property(fc.array(fc.tuple(v4, prefix, fc.array(v4, { maxLength: 3 })), { minLength: 1, maxLength: 4 }), (adapters) => {
        const body = adapters
          .map(([ip, p, dns], i) =>
            [`Ethernet adapter Ethernet ${i}:`, '', `   IPv4 Address. . . . . . . . . . . : ${ip}(Preferred) `, `   Subnet Mask . . . . . . . . . . . : ${mask(p)}`,
              `   DNS Servers . . . . . . . . . . . : ${dns[0] ?? ''}`, ...dns.slice(1).map((d) => `                                       ${d}`), ''].join('\n'),
          )
          .join('\n');
        const r = parseIpconfig(EN(body));
        expect(r.problems).toEqual([]);
        expect(r.value.adapters.map((a) => [a.ipv4, a.dnsServers])).toEqual(adapters.map(([ip, p, dns]) => [[{ address: ip, prefixLength: p }], dns]));
      }),
      { numRuns: 200 },
    );
  });
});

/** A PowerShell transcript around the output (Start-Transcript; the header route-print-pasted.test.ts reads, from a real one). */
describe('ipconfig inside a PowerShell transcript', () => {
  const header = ['**********************', 'Windows PowerShell transcript start', 'Start time: 20221019132304', 'Username: FILES\\Administrator', 'RunAs User: FILES\\Administrator', 'Configuration Name:', 'Machine: FILES (Microsoft Windows NT 10.0.20348.0)', 'Host Application: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'Process ID: 5936', 'PSVersion: 5.1.20348.859', 'PSEdition: Desktop', 'BuildVersion: 10.0.20348.859', 'CLRVersion: 4.0.30319.42000', 'WSManStackVersion: 3.0', '**********************', 'Transcript started, output file is C:\\Users\\Administrator\\Documents\\PowerShell_transcript.FILES.9_DjDa0f.20221019132304.txt', 'PS C:\\Users\\Administrator> ipconfig /all'];
  const footer = ['PS C:\\Users\\Administrator> Stop-Transcript', '**********************', 'Windows PowerShell transcript end', 'End time: 20221019132415', '**********************'];
  const body = readRepoText('samples/demo/ipconfig-all.txt').replace(/\r?\n$/, '').split(/\r?\n/);
  it('skips its header and footer: the same adapters, no line reported (20 used to be)', () => {
    const plain = parseIpconfig(body.join('\r\n'));
    const framed = parseIpconfig([...header, ...body, ...footer].join('\r\n'));
    expect(framed.value).toEqual(plain.value);
    expect(framed.problems).toEqual(plain.problems);
  });
  it('keeps what a person\'s lines of stars only seem to frame: the output\'s own lines inside are read, the stars reported', () => {
    const adapter = body.findIndex((l) => /adapter/i.test(l));
    const starred = [...body.slice(0, adapter + 2), '**********************', ...body.slice(adapter + 2, adapter + 5), '**********************', ...body.slice(adapter + 5)];
    const r = parseIpconfig(starred.join('\r\n'));
    expect(r.value).toEqual(parseIpconfig(body.join('\r\n')).value);
    expect(r.problems.filter((p) => p.code === 'ipconfig.elision')).toHaveLength(2);
  });
});
