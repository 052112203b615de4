import { describe, expect, it } from 'vitest';
import { parseRoutePrint } from './route-print';

/**
 * `route print` as people paste it rather than as Windows printed it: log prefixes, any shell's
 * prompt, a PowerShell transcript's frame, a column header a copy wrapped (route-print.test.ts holds
 * the layouts themselves).
 */
describe('parseRoutePrint on pasted copies', () => {
  it('strips log prefixes and prompts, and reports real damage by line', () => {
    const text = [
      'PS C:\\Users\\ann> route print -4',
      '2017-12-15 21:45:14 | 1330 | IPv4 Route Table',
      '2017-12-15 21:45:14 | 1330 | ===========================================================================',
      '2017-12-15 21:45:14 | 1330 | Active Routes:',
      '2017-12-15 21:45:14 | 1330 | Network Destination        Netmask          Gateway       Interface  Metric',
      '2017-12-15 21:45:14 | 1330 |           0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.152     11',
      '2017-12-15 21:45:14 | 1330 | ',
      'this line was typed by a person',
      '        10.0.0.0        255.0.255.0      192.168.1.1    192.168.1.152     11',
      '        127.0.0.0        255.0.0.0         On-link         127.0.0.1    4294967295',
      '   192.168.1.0  255.255.255.0  http://example.com  192.168.1.152  11',
      '     172.16.0.0      255.240.0.0      192.168.1.1',
    ].join('\n');
    const { value, problems } = parseRoutePrint(text);
    expect(value.routes.map((r) => [r.destination, r.metric])).toEqual([
      ['0.0.0.0', 11],
      ['127.0.0.0', 4294967295],
    ]);
    expect(problems.map((p) => p.line)).toEqual([8, 9, 11, 12]);
    expect(problems[1]!.message).toMatch(/contiguous/);
    expect(problems[3]!.message).toMatch(/cut short/);
  });

  it('takes any shell prompt before a command for a prompt, and one running route print again for a second output', () => {
    const table = ['IPv4 Route Table', '===', 'Active Routes:', '          0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.152     11'].join('\n');
    // cmd's, PowerShell's in full and as transcripts and documentation shorten it, a remote
    // session's, a bare one, and a PROMPT set to a word
    const prompts = ['C:\\WINDOWS\\system32>', 'PS C:\\Users\\ann> ', 'PS /home/ann> ', 'PS Microsoft.PowerShell.Core\\FileSystem::\\\\srv\\share> ', 'PS>', 'PS> ', '[srv01]: PS C:\\Users\\ann\\Documents> ', '>', 'Cmd > ', 'admin>'];
    for (const prompt of prompts) {
      for (const command of ['route print -4', 'netstat -nr', 'route add 10.8.0.0 mask 255.255.0.0 10.8.0.1']) {
        const once = parseRoutePrint(`${prompt}${command}\n${table}`);
        expect(once.problems, `${prompt}${command}`).toEqual([]);
        expect(once.value.routes).toHaveLength(1);
      }
      const twice = parseRoutePrint(`${table}\n${prompt}route print\n${table}\n192.168.5.0  255.255.255.0  192.168.1.1  192.168.1.152  11`);
      expect(twice.problems.map((p) => [p.line, p.code]), prompt).toEqual([[5, 'routePrint.anotherOutput']]);
      expect(twice.value.routes).toHaveLength(2);
    }
    // a person's words with a ">" in them stay a note, reported
    for (const note of ['see below > the VPN one', 'Note> the second default is the VPN', 'PS the VPN one > the LAN one']) {
      expect(parseRoutePrint(`${note}\n${table}`).problems.map((p) => p.line)).toEqual([1]);
    }
  });

  it('skips a PowerShell transcript\'s header and footer, and keeps what a line of stars only seems to frame', () => {
    const table = ['IPv4 Route Table', '===', 'Active Routes:', '          0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.152     11'];
    // Start-Transcript's header as PowerShell 5.1 writes it (a real one: an index file of a write-up, id 67122445850)
    const header = [
      '**********************',
      'Windows PowerShell transcript start',
      'Start time: 20221019132304',
      'Username: FILES\\Administrator',
      'RunAs User: FILES\\Administrator',
      'Configuration Name:',
      'Machine: FILES (Microsoft Windows NT 10.0.20348.0)',
      'Host Application: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      'Process ID: 5936',
      'PSVersion: 5.1.20348.859',
      'PSEdition: Desktop',
      'PSCompatibleVersions: 1.0, 2.0, 3.0, 4.0, 5.0, 5.1.20348.859',
      'BuildVersion: 10.0.20348.859',
      'CLRVersion: 4.0.30319.42000',
      'WSManStackVersion: 3.0',
      'PSRemotingProtocolVersion: 2.3',
      'SerializationVersion: 1.1.0.1',
      '**********************',
      'Transcript started, output file is C:\\Users\\Administrator\\Documents\\PowerShell_transcript.FILES.9_DjDa0f.20221019132304.txt',
      'PS C:\\Users\\Administrator> route print -4',
    ];
    const footer = ['PS C:\\Users\\Administrator> Stop-Transcript', '**********************', 'Windows PowerShell transcript end', 'End time: 20221019132415', '**********************'];
    const transcript = parseRoutePrint([...header, ...table, ...footer].join('\n'));
    expect(transcript.problems).toEqual([]);
    expect(transcript.value.routes).toHaveLength(1);
    // stars a person typed around rows: the rows are read, the stars reported
    const framed = parseRoutePrint([...table.slice(0, 3), '**********', table[3], '**********'].join('\n'));
    expect(framed.value.routes).toHaveLength(1);
    expect(framed.problems.map((p) => p.line)).toEqual([4, 6]);
  });

  it('reads a column header a copy wrapped before its column words as a header', () => {
    // Russian headers cut where a wrapper counting UTF-8 bytes (fold -s -w 60) cuts them
    const text = [
      'IPv4 таблица маршрута',
      '===========================================================================',
      'Активные маршруты:',
      'Сетевой адрес           Маска сети',
      'Адрес шлюза       Интерфейс  Метрика',
      '          0.0.0.0          0.0.0.0      192.168.0.1',
      '192.168.0.124     35',
      '===========================================================================',
      'Постоянные маршруты:',
      '  Сетевой адрес            Маска',
      'Адрес шлюза      Метрика',
      '   89.105.200.136  255.255.255.255      192.168.0.1       1',
    ].join('\n');
    const { value, problems } = parseRoutePrint(text);
    expect(problems).toEqual([]);
    expect(value.routes.map((r) => [r.destination, r.gateway, r.interfaceAddress, r.metric])).toEqual([['0.0.0.0', '192.168.0.1', '192.168.0.124', 35]]);
    expect(value.persistentRoutes.map((r) => [r.destination, r.gateway, r.metric])).toEqual([['89.105.200.136', '192.168.0.1', 1]]);
  });

});
