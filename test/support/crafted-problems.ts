import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import type { Problem } from '../../app/core/model/problems';
import { buildSnapshot } from '../../app/core/snapshot/build-snapshot';
import { readCaptureDir } from '../../app/system/capture-reader';
import { collectLive } from '../../app/system/live-collector';
import type { CommandRunner } from '../../app/system/run';
import { MAX_ARCHIVE_LOGS } from '../../app/shared/limits';
import { inMemory } from './capture-fuzz';
import { tarOf } from './tar-of';
import { markEncrypted } from './zip-headers';
import { strToU8, zipSync } from 'fflate';

/**
 * Damaged input for the problems the corpus and the fuzzer do not reach (test/problem-language.test.ts):
 * one small file per kind of damage, a capture folder with links, a FIFO, a socket and files over the
 * limits, and a live collection whose commands fail. Each returns the problems it produced.
 */

const ROUTE_HEAD = ['===========================================================================', 'IPv4 Route Table', '===========================================================================', 'Active Routes:', 'Network Destination        Netmask          Gateway       Interface  Metric'];
const V6_HEAD = ['IPv6 Route Table', '===========================================================================', 'Active Routes:', ' If Metric Network Destination      Gateway'];
const NETSH = ['Idx     Met         MTU          State                Name', '---  ----------  ----------  ------------  ---------------------------', '  1          75  4294967295  connected     Loopback Pseudo-Interface 1'];

/** capture name → text: each a kind of damage the real files do not show */
const FILES: [string, string][] = [
  ['registry/a.reg', 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\X]\r\n"A"="no closing quote\r\n"B"=hex(99):00\r\n"C"=hex(4):01,00\r\n'],
  ['registry/b.txt', 'reg query "HKLM\\SOFTWARE\\X"\r\n\r\nHKEY_LOCAL_MACHINE\\SOFTWARE\\X\r\n    A    REG_WEIRD    1\r\n    B    REG_DWORD    zz\r\n    C    REG_QWORD    zz\r\n    D    REG_BINARY    zz\r\n'],
  ['registry/c.txt', 'reg query "HKLM\\SAM\\SAM"\r\nERROR: Access is denied.\r\n'],
  ['scheduled-tasks.csv', '"","N/A","Ready"\r\n'],
  ['powershell/vpn.txt', 'Name          : Corp\r\nServerAddress : vpn.example.com\r\nTunnelType    : Teleport\r\n'],
  // Get-NetRoute standing in for route print: cut short, cut to CIM paths by -Depth, a row without RouteMetric (no Get-NetIPInterface: metric unknown)
  ['powershell/netroute.json', '[\r\n    {\r\n        "DestinationPrefix":  "0.0.0.0/0",'],
  ['powershell/netroute.json', '{"routes": ["MSFT_NetRoute (InstanceID = \\":8:8:8:9:55?55;\\")"]}'],
  ['powershell/netroute.json', '[{"DestinationPrefix": "0.0.0.0/0", "NextHop": "10.0.0.1", "ifIndex": 4}, {"DestinationPrefix": "10.0.0.0/8", "NextHop": "10.0.0.1", "ifIndex": 4, "RouteMetric": 1}]'],
  ['powershell/netroute.txt', 'ifIndex DestinationPrefix  NextHop   RouteMetric ifMetric PolicyStore\r\n------- -----------------  -------   ----------- -------- -----------\r\n4       0.0.0.0/0          10.0.0.1  0 25       ActiveStore\r\n4       (more rows left out)\r\n'],
  ['ipconfig-all.txt', ['Windows IP Configuration', '', 'Ethernet adapter LAN:', '', '   IPv4 Address. . . . . . . . . . . : 192.168.1.20', '   Subnet Mask . . . . . . . . . . . : 255.0.255.0', ''].join('\r\n')],
  ['netsh-interfaces.txt', [...NETSH, '', 'C:\\>netsh interface ipv4 show interfaces', '', ...NETSH].join('\r\n')],
  ['route-print.txt', [...ROUTE_HEAD, '      10.0.0.0    255.0.255.0      10.13.1.1     10.13.1.20     36', '===========================================================================', ...V6_HEAD, ' 12    25 fe80::/200                On-link', ' 12    25 fe80::/64                1.2.3.4', '==========================================================================='].join('\r\n')],
  ['rasclient-events.txt', '[{"Id":20227,"ProviderName":"RasClient","Message":"The user dialed a connection named Corp which has failed.","Properties":[]}]'],
  ['rasclient-events.txt', '[{"Id": 20227, '],
  // ipconfig /all hard-wrapped by a mail at 72 columns: a description cut between words, a value pushed under its label
  ['ipconfig-all.txt', ['Windows IP Configuration', '', 'Ethernet adapter Ethernet:', '', '   Description . . . . . . . . . . . : Intel(R) 82579LM Gigabit Network', 'Connection', '   Link-local IPv6 Address . . . . . :', 'fe80::fdec:b9dc:394e:af2%6(Preferred)', '   IPv4 Address. . . . . . . . . . . : 192.168.0.185(Preferred)', '   Subnet Mask . . . . . . . . . . . : 255.255.255.0', ''].join('\r\n')],
  // Get-WinEvent's table view: a 20227 whose message the table cut before its code
  ['rasclient-events.txt', ['TimeCreated                     Id LevelDisplayName Message', '-----------                     -- ---------------- -------', '3/18/2024 1:29:21 PM         20227 Error            CoId={B4000371-A67F-452F-AA4C-3125AA9CFC78}: The user SYSTEM dialed a conn...', ''].join('\r\n')],
  // a copy out of a Markdown page: a fenced block, and an indented one
  ['ver.txt', '```text\n\nMicrosoft Windows [Version 10.0.19045.2965]\n```\n'],
  ['netsh-interfaces.txt', NETSH.map((l) => `    ${l}`).join('\n')],
  // line ends converted twice by a mail gateway
  ['netsh-interfaces.txt', NETSH.join('\r\r\n')],
  [
    'lmhosts',
    [
      '#INCLUDE',
      '#INCLUDE \\\\FILES\\share\\lmhosts',
      '#BEGIN_ALTERNATE',
      '#BEGIN_ALTERNATE',
      '#END_ALTERNATE',
      '#END_ALTERNATE',
      '#BEGIN_ALTERNATE',
      '#END_ALTERNATE',
      '#BEGIN_ALTERNATE',
      '10.0.0.1 "',
      '10.0.0.2 DC2 #PRE #DOM:',
      '10.0.0.8 #PRE',
      '10.0.0.3 DC1 #PRE #DOM:AVERYLONGDOMAINNAME',
      '10.0.0.4 NAME\\0x1b',
      '10.0.0.5 "NAME\\0xZZ"',
      '10.0.0.6 "TAB\tNAME"',
      '10.0.0.7 "FIFTEENCHARSXYZ1\\0x1b"',
    ].join('\r\n'),
  ],
];

function parserProblems(): Problem[] {
  return FILES.flatMap(([name, text]) => {
    const { snapshot } = buildSnapshot(inMemory(new Map([[name, Buffer.from(text, 'utf8')]])));
    const lmhosts = (snapshot.lmhosts as { file?: { issues: Problem[] } }).file?.issues ?? [];
    return [...(snapshot.problems as Problem[]), ...lmhosts];
  });
}

/** A capture folder the reader refuses parts of: bad capture.json, links, a FIFO, a socket, a folder for a file, sizes over the limits. */
async function readerProblems(): Promise<Problem[]> {
  const work = mkdtempSync(join(tmpdir(), 'tm-problems-'));
  try {
    const dir = (name: string) => {
      const d = join(work, name);
      mkdirSync(d, { recursive: true });
      return d;
    };
    const bad = dir('bad-json');
    writeFileSync(join(bad, 'capture.json'), '{"schemaVersion": 1,');
    const wrong = dir('wrong-json');
    writeFileSync(join(wrong, 'capture.json'), '{"schemaVersion": "one"}');
    const notObject = dir('not-object-json');
    writeFileSync(join(notObject, 'capture.json'), '["schemaVersion", 1]');
    const odd = dir('odd');
    writeFileSync(join(work, 'outside.txt'), 'outside\n');
    symlinkSync(join(work, 'outside.txt'), join(odd, 'route-print.txt'));
    symlinkSync(join(odd, 'nowhere.txt'), join(odd, 'ipconfig-all.txt'));
    mkdirSync(join(odd, 'ver.txt'));
    writeFileSync(join(odd, 'registry'), 'a file where the folder is\n');
    execFileSync('mkfifo', [join(odd, 'netsh-interfaces.txt')]);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(odd, 'systeminfo.txt'), resolve));
    const big = dir('big');
    for (const n of ['ver.txt', 'route-print.txt', 'ipconfig-all.txt', 'lmhosts']) writeFileSync(join(big, n), 'x'.repeat(n === 'lmhosts' ? 50 : 20));
    const limits = { maxFiles: 100, maxFileBytes: 40, maxTotalBytes: 45, concurrency: 4 };
    const many = dir('many');
    for (const n of ['ver.txt', 'route-print.txt', 'ipconfig-all.txt', 'lmhosts']) writeFileSync(join(many, n), 'x\n');
    // a server's rotated logs: one cut short, one that unpacks past the per-file limit
    const packed = dir('packed/server-logs');
    const line = 'Jan  1 00:00:00 gw pppd[2]: Connection terminated.\n';
    const small = gzipSync(line.repeat(20));
    writeFileSync(join(packed, 'cut.gz'), small.subarray(0, small.length - 20));
    writeFileSync(join(packed, 'big.gz'), gzipSync(line.repeat(200)));
    // tar archives of logs: one cut inside its second file, one with more files than are read from one archive
    const archives = dir('archives/server-logs');
    writeFileSync(join(archives, 'cut.tar'), (await tarOf([['a.log', line], ['b.log', line.repeat(20)]])).subarray(0, 1536 + 100));
    writeFileSync(join(archives, 'many.tar'), await tarOf(Array.from({ length: MAX_ARCHIVE_LOGS + 1 }, (_, i): [string, string] => [`log${i}.txt`, line])));
    // a ZIP with a password-protected file (the others read)
    writeFileSync(join(archives, 'locked.zip'), markEncrypted(zipSync({ 'a.log': strToU8(line), 'b.log': [strToU8(line), { level: 0 }] }), 1));
    try {
      return [
        ...(await readCaptureDir(bad)).readProblems,
        ...(await readCaptureDir(wrong)).readProblems,
        ...(await readCaptureDir(notObject)).readProblems,
        ...(await readCaptureDir(odd)).readProblems,
        ...(await readCaptureDir(big, 'capture', limits)).readProblems,
        ...(await readCaptureDir(many, 'capture', { ...limits, maxFiles: 1, maxFileBytes: 1000, maxTotalBytes: 1000 })).readProblems,
        ...(await readCaptureDir(join(work, 'packed'), 'capture', { ...limits, maxFileBytes: 4000, maxTotalBytes: 100_000 })).readProblems,
        ...(await readCaptureDir(join(work, 'archives'))).readProblems,
      ];
    } finally {
      server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A live collection whose needed commands fail: one cannot start, one exits with an error, one exits without a word. */
async function liveProblems(): Promise<Problem[]> {
  const runner: CommandRunner = {
    spawned: 0,
    async run(file) {
      if (file === 'chcp.com') return { stdout: 'Active code page: 850\r\n', stderr: '', exitCode: 0, ok: true };
      if (file === 'cmd.exe') return { stdout: '\r\nMicrosoft Windows [Version 10.0.22631.4460]\r\n', stderr: '', exitCode: 0, ok: true };
      if (file === 'route.exe') throw new Error('spawn route.exe ENOENT');
      if (file === 'ipconfig.exe') return { stdout: '', stderr: 'The requested operation requires elevation.\r\n', exitCode: 1, ok: false };
      return { stdout: '', stderr: '', exitCode: 1, ok: false };
    },
  } as CommandRunner;
  const { capture } = await collectLive(runner, { env: { SystemRoot: 'C:\\Windows' }, is64Bit: true, readBytes: async () => Promise.reject(new Error('ENOENT')) });
  return capture.readProblems;
}

export async function craftedProblems(): Promise<Problem[]> {
  return [...parserProblems(), ...(await readerProblems()), ...(await liveProblems())];
}
