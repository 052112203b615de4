import { describe, expect, it } from 'vitest';
import { parseServerLog } from './index';
import { describeEntry } from './describe';
import { engineT } from '../../i18n';

const t = engineT('en');

/** Markdown tables of events (families/event-markdown-table.ts); the Knowledge Base's whole table is in real-rras.test.ts. */
describe('a Markdown table of events', () => {
  it('a RemoteAccess row pasted without its header: read by its source and id cells', () => {
    const r = parseServerLog('|System|RemoteAccess|20271|The user <username> connected from <IP address> but failed an authentication attempt due to the following reason: The connection was prevented because of a policy configured on your RAS/VPN server.|\n');
    expect([r.records, r.understood]).toEqual([1, 1]);
    expect([r.entries[0]!.family, r.entries[0]!.cause, r.entries[0]!.code]).toEqual(['rras', 'ras-error', 812]);
  });
  it('a row whose message is in another language: the id and the source decide (20152, the service not starting)', () => {
    const r = parseServerLog('| Quelle | Ereignis-ID | Beschreibung |\n|---|---|---|\n| RemoteAccess | 20152 | Der derzeit konfigurierte Authentifizierungsanbieter konnte nicht geladen werden. |\n');
    expect(r.entries.map((e) => [e.line, e.cause])).toEqual([
      [1, undefined],
      [2, undefined],
      [3, 'service-down'],
    ]);
    expect(describeEntry(r.entries[2]!, t)).toContain('RRAS event 20152');
  });
  it('the header names the columns, in any order: the source after the id, the message not last', () => {
    const r = parseServerLog('| Id | ProviderName | Message | Level |\n| --- | --- | --- | --- |\n| 7024 | Service Control Manager | The Routing and Remote Access service terminated with service-specific error 87 (0x57). | Error |\n');
    expect(r.entries[2]!.cause).toBe('service-down');
  });
  it('another Markdown table pasted with a log (no event columns, no VPN source before a number) stays unread', () => {
    const r = parseServerLog('| Name | Count | Note |\n|---|---|---|\n| alpha | 12 | fine |\n');
    expect(r.understood).toBe(0);
    expect(r.verdict).not.toBe('ok');
  });
});
