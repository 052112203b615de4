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
