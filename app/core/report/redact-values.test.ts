import { describe, expect, it } from 'vitest';
import type { Capture } from '../capture/capture';
import { sensitiveValues } from './redact-values';

const captureWith = (lmhosts: string): Capture => ({
  origin: 'capture',
  label: 'test',
  meta: {} as Capture['meta'],
  files: new Map([['lmhosts', { name: 'lmhosts', text: lmhosts, encoding: 'utf-8' }]]),
  readProblems: [],
});

describe('sensitiveValues: LMHOSTS', () => {
  it('reads #DOM: in any case, several on a line, and the hosts (the #DOM test before matchAll skips only lines without one)', () => {
    const text = ['# comment #DOM:NOTME', '10.0.0.1  DC1  #PRE #dom:lower', '10.0.0.2  DC2  #PRE #Dom:Mixed #DOM:UPPER', '10.0.0.3  HOST3  #PRE', '#DOM:LEADING', ''].join('\r\n');
    const values = sensitiveValues({ capture: captureWith(text) });
    expect(values.filter((v) => v.kind === 'domain').map((v) => v.value)).toEqual(['lower', 'Mixed', 'UPPER', 'LEADING']);
    expect(values.filter((v) => v.kind === 'host').map((v) => v.value)).toEqual(['DC1', 'DC2', 'HOST3']);
  });
});

/**
 * An ipconfig in a language no reader has a word list for (Korean here): the parser reads its fields by
 * their values (ipconfig-inferred.ts), and `--redact` must still hide its DNS suffixes — the first
 * version of that reading left `corp.example.kr` in a redacted bundle (the host name was hidden, via
 * the snapshot). Labels holding `DNS` with a DNS name are suffixes; addresses and yes/no are not.
 */
describe('sensitiveValues: ipconfig labels in no known language', () => {
  const korean = [
    '', 'Windows IP 구성', '',
    '   호스트 이름 . . . . . . . . : KIM-LAPTOP7',
    '   주 DNS 접미사 . . . . . . . : corp.example.kr',
    '   노드 유형 . . . . . . . . . : 혼성',
    '   DNS 접미사 검색 목록. . . . : search.example.kr',
    '                                 second.example.kr',
    '', '이더넷 어댑터 이더넷:', '',
    '   연결별 DNS 접미사. . . . : branch.example.kr',
    '   DNS 서버. . . . . . . . . . : 168.126.63.1',
    '   DNS에 등록. . . . . . . . . : 예',
    '   Tcpip를 통한 NetBIOS. . . . : 사용',
    '',
  ].join('\r\n');
  const capture: Capture = { ...captureWith(''), files: new Map([['ipconfig-all.txt', { name: 'ipconfig-all.txt', text: korean, encoding: 'utf-8' }]]) };
  it('takes the DNS suffixes (primary, search list with its continuation, per connection), never an address or a yes', () => {
    const domains = sensitiveValues({ capture }).filter((v) => v.kind === 'dnsDomain').map((v) => v.value);
    expect(domains).toEqual(['corp.example.kr', 'search.example.kr', 'second.example.kr', 'branch.example.kr']);
  });
});

/** A PowerShell transcript's header around a pasted output names the account and the machine (not only in a profile path). */
describe('sensitiveValues: a PowerShell transcript header', () => {
  it('takes Username, RunAs User and Machine', () => {
    const header = ['**********************', 'Windows PowerShell transcript start', 'Start time: 20221019132304', 'Username: FILES\\Administrator', 'RunAs User: CORP\\svc-vpn', 'Configuration Name:', 'Machine: FILESRV (Microsoft Windows NT 10.0.20348.0)', 'Process ID: 5936', 'PSVersion: 5.1.20348.859', '**********************', ''].join('\r\n');
    const capture: Capture = { ...captureWith(''), files: new Map([['route-print.txt', { name: 'route-print.txt', text: header, encoding: 'utf-8' }]]) };
    const values = sensitiveValues({ capture }).map((v) => `${v.kind}:${v.value}`);
    expect(values).toEqual(['domain:FILES', 'user:Administrator', 'domain:CORP', 'user:svc-vpn', 'host:FILESRV']);
  });
});
