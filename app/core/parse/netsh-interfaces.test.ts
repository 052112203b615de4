import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { parseNetshInterfaces } from './netsh-interfaces';
import { readRepoText } from '../../../test/support/repo-files';

const NOT_A_TABLE = 'not an `interface ipv4 show interfaces` table';

/** Rows read "idx met mtu state | name"; checked by hand against each file. */
const NETSH_CORPUS: Record<string, { rows: string[]; problems: [number, string][] }> = {
  'win10-en-netsh-ipv4-show-interfaces-wsl-partial.txt': {
    // PowerShell prompt on line 1 is understood; the file is cut after the last complete row
    rows: [
      '16 25 1500 disconnected | Local Area Connection',
      '28 35 1500 connected | Wi-Fi',
      '1 75 4294967295 connected | Loopback Pseudo-Interface 1',
      '18 25 1500 disconnected | Local Area Connection* 2',
      '41 15 1500 disconnected | vEthernet (Default Switch)',
      '52 15 1500 disconnected | vEthernet (Default Switch) 2',
    ],
    problems: [],
  },
  'win7-en-netsh-int-ip-show-interfaces-anyconnect.txt': {
    // `interface ip` is the Windows 7 alias of `interface ipv4`: same table; AnyConnect = metric 1, MTU 1210
    rows: [
      '1 50 4294967295 connected | Loopback Pseudo-Interface 1',
      '10 20 1300 connected | Local Area Connection',
      '12 10 1300 disconnected | Local Area Connection 2',
      '14 20 1300 connected | VirtualBox Host-Only Network',
      '26 20 1500 connected | VMware Network Adapter VMnet1',
      '27 20 1500 connected | VMware Network Adapter VMnet8',
      '23 1 1210 connected | Local Area Connection 3',
      '17 20 1300 connected | VirtualBox Host-Only Network #2',
    ],
    problems: [],
  },
  'win7-en-netsh-show-interface-anyconnect-disabled.txt': {
    // a different command: no index or metric, so nothing here can be joined to routes
    rows: [],
    problems: [[3, `${NOT_A_TABLE}: this is \`netsh interface show interface\` (Admin State/State/Type/Interface Name, no interface index or metric)`]],
  },
  'win7-en-vpnc-script-netsh-set-errors-log.txt': {
    // vpnc-script echo ("executing: …", first on line 2) and netsh's replies, no table at all
    rows: [],
    problems: [[2, `${NOT_A_TABLE}: this is a log of netsh/route commands and their replies, not command output`]],
  },
};

const files = corpusFiles('netsh');

describe.skipIf(!corpusAvailable)('parseNetshInterfaces on the shared corpus', () => {
  it('has exactly one expectation row per corpus file', () => {
    expect(files.length).toBe(4);
    expect(files.filter((f) => !(f in NETSH_CORPUS))).toEqual([]);
    expect(Object.keys(NETSH_CORPUS).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)('%s', (file) => {
    const want = NETSH_CORPUS[file];
    if (!want) throw new Error(`no expectation row for ${file}`);
    const r = parseNetshInterfaces(readCorpus('netsh', file), file);
    expect(r.value.interfaces.map((i) => `${i.index} ${i.metric} ${i.mtu} ${i.state} | ${i.name}`)).toEqual(want.rows);
    expect(r.problems.map((p) => [p.line, p.message])).toEqual(want.problems);
    for (const p of r.problems) expect(p.source).toBe(file);
  });
});

describe('parseNetshInterfaces on small fixtures', () => {
  it('reads a localised header by its underline, CRLF, and names wider than their column', () => {
    const text = [
      'Idx     Met         MTU          Status               Name',
      '---  ----------  ----------  ------------  ---------------------------',
      '  7          25        1500  verbunden     Cisco AnyConnect Secure Mobility Client Connection',
      ' 12           5        1400  getrennt      WLAN',
      '',
    ].join('\r\n');
    const r = parseNetshInterfaces(text);
    expect(r.problems).toEqual([]);
    expect(r.value.interfaces).toEqual([
      { index: 7, metric: 25, mtu: 1500, state: 'verbunden', name: 'Cisco AnyConnect Secure Mobility Client Connection' },
      { index: 12, metric: 5, mtu: 1400, state: 'getrennt', name: 'WLAN' },
    ]);
  });

  it('falls back to words when spacing was collapsed, and reports rows it cannot read', () => {
    const text = ['Idx Met MTU State Name', '--- --- --- ----- ----', '3 10 1500 connected Corp VPN', 'x 10 1500 connected Broken', '9 10 1500'].join('\n');
    const r = parseNetshInterfaces(text, 'n.txt');
    expect(r.value.interfaces).toEqual([{ index: 3, metric: 10, mtu: 1500, state: 'connected', name: 'Corp VPN' }]);
    expect(r.problems).toEqual([
      { source: 'n.txt', line: 4, message: 'not an interface row «x 10 1500 connected Broken»', code: 'netsh.notARow', params: { line: '«x 10 1500 connected Broken»' } },
      { source: 'n.txt', line: 5, message: 'not an interface row «9 10 1500»', code: 'netsh.notARow', params: { line: '«9 10 1500»' } },
    ]);
  });

  it('names XP\'s missing ipv4 context and empty input in one problem', () => {
    const xp = parseNetshInterfaces('C:\\>netsh interface ipv4 show interfaces\nThe following command was not found: interface ipv4 show interfaces.\n');
    expect(xp.problems).toEqual([
      {
        source: 'netsh-interfaces.txt',
        line: 2,
        message: `${NOT_A_TABLE}: no Idx/Met/MTU/State/Name table found (first line «The following command was not found: interface ipv4 show interfaces.»)`,
        code: 'netsh.noTable',
        params: { first: '«The following command was not found: interface ipv4 show interfaces.»' },
      },
    ]);
    expect(parseNetshInterfaces('').problems).toEqual([{ source: 'netsh-interfaces.txt', line: 1, message: `${NOT_A_TABLE}: empty output`, code: 'netsh.empty' }]);
  });
});

/**
 * netsh's interactive shell: `netsh`, then `interface ipv4`, then `show interfaces`, each typed after a
 * prompt naming the context (`netsh>`, `netsh interface ipv4>`; Microsoft's netsh page, "String values
 * for netsh commands", shows `netsh interface ipv4>show interfaces`). A paste of such a session holds
 * those prompt lines around the table: they are prompts, not rows or text before the table.
 */
describe.skipIf(!corpusAvailable)('parseNetshInterfaces: netsh\'s interactive prompts around the table', () => {
  const real = readCorpus('netsh', 'win10-en-netsh-ipv4-show-interfaces-wsl-partial.txt');
  const table = real.split(/\r?\n/u).slice(1);
  const alone = parseNetshInterfaces(table.join('\n'));

  it.each([
    ['the whole session', ['C:\\Users\\scott>netsh', 'netsh>interface ipv4', 'netsh interface ipv4>show interfaces', ...table, '', 'netsh interface ipv4>exit']],
    ['a context other than ipv4 and a blank after the prompt', ['netsh> interface ip', 'netsh interface ip>show interfaces', ...table, 'netsh interface ip>']],
    ['a second run typed at the prompt', ['netsh interface ipv4>show interfaces', ...table, 'netsh interface ipv4>show interfaces', ...table]],
  ])('%s', (name, lines) => {
    const r = parseNetshInterfaces(lines.join('\r\n'));
    expect(alone.value.interfaces).toHaveLength(6);
    expect(r.value.interfaces).toEqual(alone.value.interfaces);
    expect(r.problems.map((p) => p.code)).toEqual(name.startsWith('a second') ? ['netsh.anotherOutput'] : []);
  });

  it('a prompt-looking line inside a name column stays a row', () => {
    const r = parseNetshInterfaces([...table, ' 53          15        1500  connected     netsh lab>1'].join('\n'));
    expect(r.value.interfaces.at(-1)?.name).toBe('netsh lab>1');
  });
});

describe('parseNetshInterfaces properties', () => {
  const check = (text: string) => {
    const r = parseNetshInterfaces(text);
    const n = text.split(/\r\n|\r|\n/u).length;
    for (const p of r.problems) {
      expect(Number.isInteger(p.line)).toBe(true);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(n);
    }
    for (const i of r.value.interfaces) expect(i.name.trim()).toBe(i.name);
  };

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), check), { numRuns: 300 });
  });

  it.skipIf(!corpusAvailable)('never throws on mutated corpus text', () => {
    const texts = files.map((f) => readCorpus('netsh', f));
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.nat(), fc.string({ maxLength: 40 }), fc.nat(), (text, at, insert, cut) => {
        const lines = text.split('\n');
        lines.splice(at % lines.length, 1, insert);
        check(lines.join('\n'));
        check(text.slice(0, cut % (text.length + 1)));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips generated tables', () => {
    const row = fc.record({
      index: fc.integer({ min: 1, max: 999 }),
      metric: fc.integer({ min: 1, max: 9999 }),
      mtu: fc.constantFrom(576, 1280, 1400, 1500, 4294967295),
      state: fc.constantFrom('connected', 'disconnected'),
      name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 *#()-]{0,40}[A-Za-z0-9)]$/u),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const body = rows.map((r) => `${String(r.index).padStart(3)}  ${String(r.metric).padStart(10)}  ${String(r.mtu).padStart(10)}  ${r.state.padEnd(12)}  ${r.name}`);
        const text = ['', 'Idx     Met         MTU          State                Name', '---  ----------  ----------  ------------  ---------------------------', ...body, ''].join('\n');
        const r = parseNetshInterfaces(text);
        expect(r.problems).toEqual([]);
        expect(r.value.interfaces).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * A shell prompt other than a drive path before netsh's echo, and another command typed after the
 * table: a bare `>` as a README writes it (real: test/fixtures/real/netsh, nicocha30/ligolo-ng), `PS>`,
 * a PROMPT set to a word. They are the session's lines, read as route print reads them
 * (console-prompt.ts), not "text before the table" or "not an interface row".
 */
describe('parseNetshInterfaces: prompts of other shapes around the table', () => {
  const ligolo = readRepoText('test/fixtures/real/netsh/win-fr-bare-gt-prompt-route-add-after-table-ligolo.txt');

  it('reads the real French table after a bare `>` prompt, and the `> route add` after it as the session\'s', () => {
    const r = parseNetshInterfaces(ligolo);
    expect(r.value.interfaces).toEqual([{ index: 25, metric: 5, mtu: 65535, state: 'connected', name: 'ligolo' }]);
    expect(r.problems).toEqual([]);
  });

  it.each([
    ['PowerShell\'s short prompt', 'PS> netsh interface ipv4 show interfaces', 'PS> ping 10.0.0.1'],
    ['a word prompt', 'Cmd > netsh interface ipv4 show interfaces', 'Cmd > ipconfig /all'],
  ])('%s', (_name, before, after) => {
    const table = ligolo.split('\n').slice(2, 5);
    const r = parseNetshInterfaces([before, '', ...table, '', after].join('\r\n'));
    expect(r.value.interfaces.map((i) => i.name)).toEqual(['ligolo']);
    expect(r.problems).toEqual([]);
  });

  it('a line of words after the table is still not a row', () => {
    const r = parseNetshInterfaces([...ligolo.split('\n').slice(2, 5), 'then route add'].join('\n'));
    expect(r.problems.map((p) => p.code)).toEqual(['netsh.notARow']);
  });
});

/**
 * `netsh interface ipv6 show interfaces` prints the same table with the interfaces' IPv6 metrics; the
 * command's echo (untranslated, in netsh's short forms too) tells it apart. Real: a blog post's
 * `*netsh int ipv6 sh int*` between `'''` marks (test/fixtures/real/netsh).
 */
describe('parseNetshInterfaces: the IPv6 table is not read as IPv4 metrics', () => {
  const v6 = readRepoText('test/fixtures/real/netsh/win10-en-ipv6-table-italic-echo-triple-quotes.txt');
  const v4 = readRepoText('test/fixtures/real/netsh/win-fr-bare-gt-prompt-route-add-after-table-ligolo.txt');

  it('takes no metric from the real IPv6 table, and says why at its command', () => {
    const r = parseNetshInterfaces(v6);
    expect(r.value.interfaces).toEqual([]);
    expect(r.problems.map((p) => [p.line, p.code])).toEqual([
      [1, 'netsh.elision'],
      [2, 'netsh.ipv6Table'],
      [10, 'netsh.elision'],
    ]);
  });

  it('keeps the IPv4 run of the same session, whichever comes first, as no second output', () => {
    for (const text of [`${v6}\n${v4}`, `${v4}\n${v6}`]) {
      const r = parseNetshInterfaces(text);
      expect(r.value.interfaces.map((i) => [i.index, i.metric, i.name])).toEqual([[25, 5, 'ligolo']]);
      expect(r.problems.map((p) => p.code).filter((c) => c !== 'netsh.elision')).toEqual(['netsh.ipv6Table']);
    }
  });

  it('knows the family from netsh\'s interactive context prompt too', () => {
    const table = v6.split('\n').slice(3, 9);
    expect(parseNetshInterfaces(['netsh interface ipv6>show interfaces', ...table].join('\n')).value.interfaces).toEqual([]);
    expect(parseNetshInterfaces(['netsh interface ipv4>show interfaces', ...table].join('\n')).value.interfaces).toHaveLength(4);
  });

  it.each([
    ['netsh interface ipv6 show inter', 'ipv6'],
    ['C:\\windows\\system32>netsh interface ipv6 show inter', 'ipv6'],
    ['C:\\>netsh i i show in', 'ipv4'],
    ['netsh int ipv4 sh int', 'ipv4'],
  ])('reads the family from the echo %s, in netsh\'s prefixes of its words', (echo, family) => {
    const table = v6.split('\n').slice(3, 9);
    expect(parseNetshInterfaces([echo, '', ...table].join('\n')).value.interfaces).toHaveLength(family === 'ipv6' ? 0 : 4);
  });

  it('an echo of the IPv4 command without a prompt is the session\'s line, not text before the table', () => {
    const table = v6.split('\n').slice(3, 9);
    const r = parseNetshInterfaces(['netsh interface ipv4 show interfaces', '', ...table].join('\n'));
    expect(r.value.interfaces).toHaveLength(4);
    expect(r.problems).toEqual([]);
  });
});
