import { describe, expect, it } from 'vitest';
import type { Capture } from '../app/core/capture/capture';
import { analyseCapture } from '../app/core/analyse';
import { reportBundleFiles } from '../app/core/report/report-zip';
import { corpusAvailable, readCorpus } from './corpus';
import { readRepoText } from './support/repo-files';

/**
 * `--redact` in a language without a word list: Windows translates every label of systeminfo,
 * ipconfig and the event viewer, and redaction cannot know them all. What translation keeps is
 * read instead: systeminfo's field order (Host Name first; Registered Owner and Organization right
 * before the Product ID; Domain right before the `\\NAME` logon server), and value shapes
 * (`\\NAME`, DOMAIN\user, user@domain, FQDNs). The real outputs below are given with every label
 * replaced by made-up words (`pseudo`), as a language we have no word list for would print them:
 * their names must be gone from every file of the redacted bundle, and their addresses, dates,
 * versions, hotfixes and yes/no values must stay.
 */

/** Every letter of a label (the text before a colon that ends the label) replaced by a made-up one. */
const PSEUDO = 'ŋŧđħĸłµƀƈɗ';
function pseudo(text: string): string {
  return text
    .split(/(\r?\n)/)
    .map((line) => {
      const m = /^([^:：\r\n]*)([:：])(?=\s|$)/u.exec(line);
      if (!m || m[1]!.includes('\\')) return line;
      const label = m[1]!.replace(/\p{L}/gu, (ch) => PSEUDO[ch.codePointAt(0)! % PSEUDO.length]!);
      return label + line.slice(m[1]!.length);
    })
    .join('');
}

const fold = (text: string) => text.normalize('NFC').toLowerCase().replace(/[İIıi]/g, 'i');

function captureOf(files: Record<string, string>): Capture {
  return { origin: 'capture', label: 'test', meta: { schemaVersion: 1 }, files: new Map(Object.entries(files).map(([name, text]) => [name, { name, text, encoding: 'utf-8' }])), readProblems: [] };
}

/** What survives in the redacted bundle: the secrets found, the kept values missing (each "file: value"). */
function redactedBundle(files: Record<string, string>, secrets: string[], kept: string[]): { leaks: string[]; lost: string[] } {
  const capture = captureOf(files);
  const { report } = analyseCapture(capture, { toolVersion: 't' });
  const bundle = reportBundleFiles({ report, capture, redact: true });
  const leaks = bundle.flatMap((f) => secrets.filter((s) => fold(`${f.name}\n${f.content}`).includes(fold(s))).map((s) => `${f.name}: ${s}`));
  const all = bundle.map((f) => f.content).join('\n');
  const lost = kept.filter((k) => !all.includes(k));
  return { leaks, lost };
}

const SYSTEMINFO: { file: string; secrets: string[]; kept: string[] }[] = [
  {
    file: 'win10-ru-systeminfo-npcap-loopback.txt',
    secrets: ['DESKTOP-IVE607I', 'shamraev'],
    kept: ['10.0.17763', '00330-80000-00000-AA097', '09.01.2019, 18:29:15', 'C:\\Windows\\system32', '192.168.0.15', 'KB4481031', 'WORKGROUP', 'x64-based PC', ': Да'],
  },
  {
    file: 'win11-zh-cn-systeminfo-vbs.txt',
    secrets: ['SUPER-JAMES', 'P R C', 'Windows User'],
    kept: ['10.0.26200', '2025/10/26, 22:44:21', 'Micro-Star International Co., Ltd.', '192.168.1.8', 'KB5066128', 'WORKGROUP', 'MS-7E06'],
  },
  {
    file: 'server2012r2-en-jc-hyperv-vm.txt',
    secrets: ['WIN-1A1A1AA11AA', 'Windows User'],
    kept: ['6.3.9600', '12/13/2018, 1:15:48 AM', '172.16.32.10', 'KB2919355', 'Hyper-V UEFI Release v3.0, 3/2/2018', 'Standalone Server'],
  },
];

describe.skipIf(!corpusAvailable)('redaction reads systeminfo by its field order in a language without a word list', () => {
  it.each(SYSTEMINFO.map((c) => [c.file, c] as const))('%s with made-up labels', (_f, c) => {
    const text = pseudo(readCorpus('systeminfo-ver', c.file));
    expect(text).not.toContain('Registered Owner'); // the labels are gone indeed
    expect(redactedBundle({ 'systeminfo.txt': text }, c.secrets, c.kept)).toEqual({ leaks: [], lost: [] });
  });

  it('the same output pasted into another capture file (no file name to go by)', () => {
    const c = SYSTEMINFO[0]!;
    const text = pseudo(readCorpus('systeminfo-ver', c.file));
    expect(redactedBundle({ 'ver.txt': text }, c.secrets, ['10.0.17763', '09.01.2019, 18:29:15'])).toEqual({ leaks: [], lost: [] });
  });
});

/**
 * Real Korean systeminfo pastes (test/fixtures/real/systeminfo-ver, SOURCES.md), cut short: no Product ID
 * to count from. The host name is the field before the OS name (a value with "Windows") and the OS
 * version (digits.digits.build), or the first field after the command's echo (`C:\\Users\\x>systeminfo`).
 */
const KOREAN: { file: string; secrets: string[]; kept: string[] }[] = [
  { file: 'win10-ko-systeminfo-first-five-lines.txt', secrets: ['LAPTOP-V14DM3GL', 'bhlee'], kept: ['10.0.19045 N/A 빌드 19045', 'Microsoft Corporation', '독립 실행형 워크스테이션'] },
  { file: 'win-ko-systeminfo-host-then-elision-hyperv.txt', secrets: ['DESKTOP-605KI17', 'dcjam'], kept: ['VM 모니터 모드 확장: 예', '... 중간 생략 ...'] },
];

describe('redaction reads a systeminfo cut short (real Korean pastes, labels in no word list)', () => {
  it.each(KOREAN.flatMap((c) => ['systeminfo.txt', 'ipconfig-all.txt'].map((name) => [c.file, name, c] as const)))('%s as %s', (_f, name, c) => {
    const text = readRepoText(`test/fixtures/real/systeminfo-ver/${c.file}`);
    expect(redactedBundle({ [name]: text }, c.secrets, c.kept)).toEqual({ leaks: [], lost: [] });
  });
});

describe('redaction reads names by their shape behind labels it does not know', () => {
  it('an event copy in an unknown language: FQDN computer, DOMAIN\\user, user@domain, the user in the message', () => {
    const events = [
      'Ŋŧđħ:        Application',
      'Ƀƈɗ:         RasClient',
      'Ðatum:       12.03.2024 8:41:07',
      'ĸłµ:         20227',
      'Ŧħŋ:         Chyba',
      'Ƀłŋđ:        GRUBBEN7\\mvandijk7',
      'Ƥŧđħ:        ws-karpov7.grubben7-corp.example.net',
      'Ŋłĸ:         maarten.vandijk7@grubben7-mail.nl',
      'Popis:',
      'CoId={9C8B7A6D-5E4F-4302-9180-F1E2D3C4B5A6}: Uživatel GRUBBEN8\\jkarpov8 vytočil připojení s názvem Grubben VPN, které selhalo. Kód chyby vrácený při selhání je 809.',
      '',
    ].join('\r\n');
    const secrets = ['GRUBBEN7', 'mvandijk7', 'ws-karpov7', 'grubben7-corp', 'maarten.vandijk7', 'grubben7-mail', 'GRUBBEN8', 'jkarpov8'];
    expect(redactedBundle({ 'rasclient-events.txt': events }, secrets, ['12.03.2024 8:41:07', '20227', '809', 'RasClient', 'Application'])).toEqual({ leaks: [], lost: [] });
  });

  it('a Get-EventLog Format-List copy: MachineName (a .NET property name, never translated) and the user among ReplacementStrings', () => {
    const text = readRepoText('test/fixtures/real/events/win-en-rasclient-get-eventlog-format-list-20227-809.txt');
    expect(redactedBundle({ 'rasclient-events.txt': text }, ['on-premises-vm'], ['20227', '809', '3/18/2024 1:29:21 PM', 'AzureGateway'])).toEqual({ leaks: [], lost: [] });
  });

  it.skipIf(!corpusAvailable)('a Get-VpnConnection list copy: its DnsSuffix (a property name, never translated)', () => {
    const text = readCorpus('powershell', 'get-vpnconnection-alluser-l2tp-split-msdocs.txt');
    expect(redactedBundle({ 'powershell/vpn.json': text }, ['washington.contoso.com'], ['L2tp', 'True'])).toEqual({ leaks: [], lost: [] });
  });

  it('does not take addresses, versions, file names, dates or yes/no for names', () => {
    const text = [
      'Ŋŧđħ:        10.13.1.10',
      'Ƀƈɗ:         10.0.19045.3803',
      'ĸłµ:         rasapi32.dll',
      'Ŧħŋ:         12.03.2024',
      'Ƀłŋđ:        Ano',
      'Ŋłĸ:         fe80::1de1:e6d3:fac0:bba6%12',
      'Ƥŧđħ:        C:\\Windows\\System32\\drivers\\etc',
      '',
    ].join('\r\n');
    const capture = captureOf({ 'ver.txt': text });
    const { report } = analyseCapture(capture, { toolVersion: 't' });
    const redacted = reportBundleFiles({ report, capture, redact: true }).find((f) => f.name === 'capture/ver.txt');
    expect(redacted?.content).toBe(text);
  });
});
