import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * The license-limit event and 20101 in its two numberings (families/remote-access-events.ts): NT's RAS service (errorlog.h,
 * RASLOG_LICENSE_LIMIT_EXCEEDED = 20101) and RRAS (mprlog.h: 20097 the same text, 20101 ROUTERLOG_REGVALUE_OVERIDDEN, a registry
 * notice at start-up); and the Knowledge Base's `Error: 20101` form of a pasted event (KB Q135680, the real quote in real-rras.test.ts).
 */
const t = engineT('en');
const nl = engineT('nl');
const one = (lines: string[]) => {
  const r = parseServerLog(lines.join('\n'));
  expect([r.records, r.understood]).toEqual([1, 1]);
  return r.entries[0]!;
};
const said = (lines: string[]) => describeEntry(one(lines), t);

describe('RAS 20101 / RRAS 20097 (client licenses used up) and RRAS 20101 (a registry notice)', () => {
  it('NT RAS by its source, message translated: the id in RAS numbering decides (license limit, a failure), en and nl', () => {
    const e = one(['Event ID: 20101', 'Source: Remote Access', 'Description: Verbinding op poort COM2 mislukt.']);
    expect(e.outcome).toBe('failure');
    expect(describeEntry(e, t)).toContain('(RAS event 20101, RASLOG_LICENSE_LIMIT_EXCEEDED)');
    expect(describeEntry(e, nl)).toContain('(RAS-gebeurtenis 20101, RASLOG_LICENSE_LIMIT_EXCEEDED)');
  });
  it('RRAS 20101 (source RemoteAccess), its own English text or none: the registry notice, not a failure', () => {
    for (const text of ['Using the default value for Registry parameter MaxConfigure because the value given is not in the legal range for the parameter.', 'Ein Registrierungsparameter wurde ersetzt.']) {
      const e = one(['Event ID: 20101', 'Source: RemoteAccess', `Description: ${text}`]);
      expect([e.outcome, describeEntry(e, t)]).toEqual(['info', 'A start-up notice of the VPN server\'s routing service, not about a connection (RRAS event 20101, ROUTERLOG_REGVALUE_OVERIDDEN).']);
    }
  });
  it('"RemoteAccess" 20101 with the license text (NT 4.0 RAS named itself so too): the text decides, RAS numbering', () => {
    expect(said(['Event ID: 20101', 'Source: RemoteAccess', 'Description: A user was unable to connect on port COM3.', 'No more connections can be made to this remote computer because the computer', 'has exceeded its client license limit.'])).toContain('RASLOG_LICENSE_LIMIT_EXCEEDED');
  });
  it('RRAS 20097 with the same text: RRAS numbering', () => {
    expect(said(['Event ID: 20097', 'Source: RemoteAccess', 'Description: A user was unable to connect on port VPN2-7. No more connections can be made to this remote computer because the computer has exceeded its client license limit.'])).toBe(
      'The VPN server refused the call: all of its client licenses were in use, so no more connections can be made to it (RRAS event 20097, ROUTERLOG_LICENSE_LIMIT_EXCEEDED).',
    );
  });
});

describe('`Error: <id>` starts a pasted event (the Knowledge Base\'s NT form)', () => {
  it('the level as the id\'s label, any of the three levels, then Source: and Description: — one event, read by its id', () => {
    for (const level of ['Error', 'Warning', 'Information']) {
      const e = one([`${level}: 20050`, 'Source: Remote Access', 'Description: The user CORP\\bob connected to port VPN1 has been disconnected because', 'the computer could not be projected onto the network.']);
      expect([level, e.line, e.endLine, e.cause]).toEqual([level, 1, 4, 'ras-error']);
    }
  });
  it('a second `Error: <id>` after a block with its id is the next event; a level with words after it starts none', () => {
    const r = parseServerLog(['Error: 20101', 'Source: Remote Access', 'Description: No more connections can be made to this remote computer because the computer has exceeded its client license limit.', 'Error: 20050', 'Source: Remote Access', 'Description: x'].join('\n'));
    expect(r.entries.map((e) => [e.line, e.endLine])).toEqual([[1, 3], [4, 6]]);
    expect(parseServerLog('Error: 20101 happened while reading the file').understood).toBe(0);
  });
});
