import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { REAL_SERVER_LOGS, realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { parseServerLog } from './index';

/**
 * Windows RRAS / NPS events found in public material (test/fixtures/real/server-logs, sources in
 * test/fixtures/real/SOURCES.md), each read by hand: the event by its id and codes, never by the
 * words of its message, except where a paste has nothing else (an NPS message without its header).
 * (The older IAS/NPS log rows are in server-log.real.test.ts.)
 */
const ROWS: Record<string, RealServerLogRow> = {
  // Windows NT 4.0 RRAS ("Source : Router") as a Knowledge Base article quotes it, five indented lines, labels spaced
  // `Event ID : 20050`: one event; mprlog.h 20050 ROUTERLOG_AUTH_NO_PROJECTIONS (no network protocol agreed after logging on),
  // which the PC sees as 720
  'rras-nt4-kb-event-20050-router-no-protocols-projected.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'ras-error']],
    says: [[1, 'The user logged on, but the VPN server and the PC agreed on no network protocol (such as IP), so the server hung up (RRAS event 20050, ROUTERLOG_AUTH_NO_PROJECTIONS).']],
  },
  // an Event Viewer copy on a blog, without its XML and without the `Description:` label, NPS's "-" turned into en dashes and the
  // backslash of CONTOSO\tluk lost: 6273 by its header's id, reason code 16 (IAS_AUTH_FAILURE) by its English label, PEAP
  'nps-eventviewer-6273-reason-16-peap-blog-copy-no-xml-en-dashes.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'credentials-rejected']],
    says: [[1, 'NPS denied access to CONTOSOtluk (event 6273, authentication PEAP): the user name or password was wrong (NPS reason 16, IAS_AUTH_FAILURE).']],
    user: 'CONTOSOtluk',
  },
  // a 20271 as the browser's XML view shows it (`- <Event …>`, `- <System>`), pasted into a GitHub issue: the CoId is `{NA}`,
  // the insertion strings user, address, reason, 0x10, and the binary data B3020000 = 0x2B3 = 691, the code the reason text is
  'rras-event-xml-ie-view-20271-na-coid-binary-691.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'credentials-rejected']],
    says: [[1, 'The user corinne connected from 123.207.87.250 and failed authentication (Windows error 691).']],
    user: 'corinne',
  },
  // only the "Authentication Details:" part of a 6273 a blog quoted: no id, so the reason code says it was a refusal
  'nps-6273-authentication-details-only-reason-16-peap.txt': {
    records: 1,
    understood: 1,
    families: { rras: 1 },
    causes: [[1, 'credentials-rejected']],
    says: [[1, "NPS refused access (only the event's details were pasted, authentication PEAP): the user name or password was wrong (NPS reason 16, IAS_AUTH_FAILURE)."]],
  },
};

describe('real Windows RRAS / NPS events', () => {
  realServerLogTable(ROWS);

  const entry = (file: string) => parseServerLog(readRepoText(`${REAL_SERVER_LOGS}/${file}`), file).entries[0]!;
  it("each block is one entry to its last line; the Windows code each names is the PC's", () => {
    expect([entry('rras-nt4-kb-event-20050-router-no-protocols-projected.txt')].map((e) => [e.endLine, e.code])).toEqual([[5, 720]]);
    // the calling station is a Wi-Fi client's MAC address: no peer; the blog's "–" is no EAP type
    const blog = entry('nps-eventviewer-6273-reason-16-peap-blog-copy-no-xml-en-dashes.txt');
    expect([blog.endLine, blog.code, blog.peer, blog.decoded[0]!.values!.auth]).toEqual([38, 691, undefined, 'PEAP']);
    const xml = entry('rras-event-xml-ie-view-20271-na-coid-binary-691.txt');
    expect([xml.endLine, xml.code, xml.peer, xml.time]).toEqual([22, 691, '123.207.87.250', { year: 2020, month: 3, day: 23, hour: 19, minute: 40, second: 8 }]);
    expect([entry('nps-6273-authentication-details-only-reason-16-peap.txt')].map((e) => [e.endLine, e.code, e.outcome])).toEqual([[11, 691, 'failure']]);
  });
});
