import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/** A device's prompt pasted with its log counts as that device: a Cisco ASA's as the ASA, an IOS router's as IOS (console-device.ts). */

const en = engineT('en');
const nl = engineT('nl');
const ASA_LINE = 'Aug 24 2017 16:58:43: %ASA-5-713120: Group = 46.37.188.24, IP = 46.37.188.24, PHASE 2 COMPLETED (msgid=6a8d4b73)';
const IOS_LINE = 'Vi1 LCP: I CONFREQ [REQsent] id 1 len 19';

const read = (...lines: string[]) => parseServerLog(lines.join('\n'));

describe('a prompt line: the device the line itself names', () => {
  it.each([
    ['ciscoasa# show logging', 'show logging'],
    ['ciscoasa(config)# debug crypto ikev2 protocol 127', 'debug crypto ikev2 protocol 127'],
    ['asa(config)# show run', 'show run'],
    ['ASA5510> show version', 'show version'],
    ['fw-1# show vpn-sessiondb anyconnect', 'show vpn-sessiondb anyconnect'],
    ['edge# debug crypto ikev1 127', 'debug crypto ikev1 127'],
    ['edge# show crypto ikev1 sa', 'show crypto ikev1 sa'],
    ['edge# show run tunnel-group', 'show run tunnel-group'],
  ])('%s → the ASA', (line, command) => {
    const r = read(line);
    expect(r.families).toEqual({ asa: 1 });
    expect(r.entries[0]!.family).toBe('asa');
    expect(describeEntry(r.entries[0]!, en)).toBe(`Typed at the Cisco ASA's prompt (not a log line): ${command}.`);
    expect(describeEntry(r.entries[0]!, nl)).toBe(`Getypt achter de prompt van de Cisco ASA (geen logregel): ${command}.`);
  });

  it('a bare ASA prompt', () => {
    const r = read('ciscoasa#');
    expect(r.families).toEqual({ asa: 1 });
    expect(describeEntry(r.entries[0]!, en)).toBe("The Cisco ASA's prompt (not a log line).");
  });

  it.each(['Router#debug ppp negotiation', 'Router# show logging', 'hq-rtr#debug crypto ikev2', 'R1#show crypto isakmp sa', 'Arizona_PNS#show vpdn'])('%s alone stays IOS (IOS has the command too)', (line) => {
    const r = read(line);
    expect(r.families).toEqual({ ios: 1 });
    expect(describeEntry(r.entries[0]!, en)).toMatch(/^Typed at the router's prompt/);
  });
});

describe('a prompt line without a sign of its own: the device the rest of the paste is', () => {
  it("with an ASA's records, the ASA's (the verdict said 'Cisco IOS 1 line')", () => {
    const r = read('ukfast-fw-1# show logging', ASA_LINE, 'ukfast-fw-1# ', ASA_LINE);
    expect(r.families).toEqual({ asa: 4 });
    expect(r.entries.map((e) => e.family)).toEqual(['asa', 'asa', 'asa', 'asa']);
    expect(describeEntry(r.entries[0]!, en)).toBe("Typed at the Cisco ASA's prompt (not a log line): show logging.");
  });

  it("with an IOS router's records, IOS's", () => {
    const r = read('Router#debug ppp negotiation', IOS_LINE);
    expect(r.families).toEqual({ ios: 2 });
    expect(describeEntry(r.entries[0]!, en)).toBe("Typed at the router's prompt (not a log line): debug ppp negotiation.");
  });

  it('with both an IOS router and an ASA in the paste, IOS keeps its own prompt; an ASA-marked prompt is the ASA', () => {
    const r = read('Router#debug ppp negotiation', IOS_LINE, 'ciscoasa# show logging', ASA_LINE);
    expect(r.families).toEqual({ ios: 2, asa: 2 });
    expect(r.entries.map((e) => e.family)).toEqual(['ios', 'ios', 'asa', 'asa']);
  });

  it('with no device records, IOS (as before)', () => {
    expect(read('fw-1# show logging').families).toEqual({ ios: 1 });
  });
});
