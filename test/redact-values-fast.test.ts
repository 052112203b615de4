import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Capture } from '../app/core/capture/capture';
import { sensitiveValues, shapedValues } from '../app/core/report/redact-values';
import { sensitiveValuesReference } from './support/redact-values-reference';

/**
 * Issue 16 budget 3: sensitiveValues passes over the lines no rule can use (no ":", "=", "\" or
 * "REG_", not LMHOSTS, not under a DNS suffix search list) instead of splitting every line out.
 * It lists the same values in the same order as before (a frozen copy in test/support), on
 * captures made of the lines each rule reads, near-misses and route rows, with any line breaks.
 */

const LINES = [
  '   Host Name . . . . . . . . . . . . : WS-KARPOV7',
  '   Primary Dns Suffix  . . . . . . . : corp.example.net',
  '   DNS Suffix Search List. . . . . . : corp.example.net',
  '                                       lab.example.net',
  '                                       two words',
  '                    short.example',
  'Host Name:                 PC-01',
  'Registered Owner:          Ivan Petrov',
  'Domain:                    CORP',
  '    DefaultUserName    REG_SZ    jdoe',
  '    DefaultDomainName    REG_SZ    CORP',
  '"LastUsedUsername"="CORP\\\\ada"',
  'PhoneNumber=vpn.example.com',
  'User=bob',
  'Domain=CORPX',
  'DnsSuffix=pbk.example',
  'C:\\Users\\alice\\AppData',
  'The user CORP\\carol dialed a connection',
  '10.13.1.10    DC1    #PRE #DOM:CORP',
  '10.13.1.11    "CORP           \\0x1B"    #PRE',
  '# a comment #DOM:NOPE',
  '          0.0.0.0          0.0.0.0      161.44.17.1    161.44.17.23     50',
  '         10.0.2.0    255.255.255.0         On-link       192.168.1.1     26',
  'Active Routes:',
  '===========================================================================',
  '',
  '   ',
  'REG_SZ without indentation',
  'a=b',
  'x:y',
  // LMHOSTS names with quotes, dots, a leading \\\\ or blanks of other kinds (makeAdders' fast paths)
  "10.13.1.12    'HOST-Q'    #PRE",
  '10.13.1.13    "quoted',
  "10.13.1.14    x'",
  '10.13.1.15    \\\\FILES.corp.example.net',
  '10.13.1.16    \\\\SRV',
  '\u00a0\u3000 10.13.1.17    ws-1.lab.example.',
  '\t10.13.1.18    .hidden',
  '10.13.1.19    a..b',
  'Host Name:                 "PC-02"',
  "Host Name:                 \\\\PC-03.corp.example",
];

const line = fc.oneof({ arbitrary: fc.constantFrom(...LINES), weight: 8 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 });
const text = fc.tuple(fc.array(line, { maxLength: 40 }), fc.array(fc.constantFrom('\r\n', '\n', '\r', '\r\r\n', '\n\r'), { minLength: 1, maxLength: 40 }), fc.boolean()).map(([lines, breaks, trailing]) =>
  lines.map((l, i) => l + (i < lines.length - 1 || trailing ? breaks[i % breaks.length]! : '')).join(''),
);
const NAMES = ['route-print.txt', 'ipconfig-all.txt', 'systeminfo.txt', 'lmhosts', 'registry/winlogon.txt', 'pbk/rasphone.pbk', 'events/rasclient.txt'];

const captureOf = (files: [string, string][]): Capture => ({
  origin: 'capture',
  label: 'test',
  meta: {} as Capture['meta'],
  files: new Map(files.map(([name, t]) => [name, { name, text: t, encoding: 'utf-8' }])),
  readProblems: [],
});

describe('sensitiveValues (lines no rule can use passed over) lists what it listed before', () => {
  it('any capture of these lines, any line breaks', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), text), { selector: ([n]) => n, maxLength: 5 }), (files) => {
        const capture = captureOf(files);
        // (the names found by shape and field order, redact-shapes.ts, came later and are listed after the rest)
        expect(sensitiveValues({ capture })).toEqual([...sensitiveValuesReference({ capture }), ...shapedValues(capture)]);
      }),
      { numRuns: 1500, seed: 16_0302 },
    );
  });
});
