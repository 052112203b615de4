import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../../test/corpus';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * The PC's own RasClient message pasted into the server-log box (families/rasclient-message.ts): every corpus event file, read in
 * place, is understood; a 20227 gives its code in any language; 20221's settings lines are its own.
 */

const t = engineT('en');
const one = (text: string) => {
  const r = parseServerLog(text);
  const e = r.entries[0];
  return { records: r.records, understood: r.understood, cause: e?.cause, code: e?.code, user: e?.user, says: e ? describeEntry(e, t) : '' };
};

describe.skipIf(!corpusAvailable)('the corpus RasClient events, pasted as a server log', () => {
  it.each(corpusFiles('events'))('%s is understood whole', (file) => {
    const r = parseServerLog(readCorpus('events', file), file);
    expect(r).toMatchObject({ verdict: 'ok', unknown: 0 });
  });
});

describe('a RasClient message alone', () => {
  it('20227 in English: the connection, the user and the code', () => {
    expect(one('CoId={95B01C36-6109-4A32-B61C-264F19C6EF8A}: The user SYSTEM dialed a connection named hattusa - HK which has failed. The error code returned on failure is 691.')).toMatchObject({ cause: 'ras-error', code: 691, user: 'SYSTEM', says: 'The VPN connection hattusa - HK failed with error 691 (RasClient event 20227).' });
    expect(one('CoId={6895FC76-F2F6-0000-C953-9668F6F2D801}: The user DOM\\anna dialed a connection named Home-IKEv2 that has failed. The error code returned on failure is 13801.')).toMatchObject({ cause: 'ike-auth-failed', code: 13801 });
  });

  it('20227 translated: the code it ends with (German and Chinese wording as Windows writes them; the connection unknown)', () => {
    expect(one('CoId={95B01C36-6109-4A32-B61C-264F19C6EF8A}: Der Benutzer SYSTEM hat eine Verbindung mit dem Namen "Büro" gewählt, die nicht hergestellt werden konnte. Der bei dem Fehler zurückgegebene Fehlercode ist 809.')).toMatchObject({ cause: 'ras-error', code: 809 });
    expect(one('CoId={95B01C36-6109-4A32-B61C-264F19C6EF8A}: 用户 SYSTEM 拨打了名为 办公室 的连接，但连接失败。失败后返回的错误代码为 691。')).toMatchObject({ code: 691 });
  });

  it('20221 with its settings on the lines under it: one record, what the PC dialed', () => {
    const text = ['CoId={95B01C36-6109-4A32-B61C-264F19C6EF8A}: The user SYSTEM has started dialing a VPN connection using a per-user connection profile named Office. The connection settings are: ', 'Dial-in User = anna', 'VpnStrategy = IKEv2', 'DataEncryption = Require', 'Authentication Type = EAP '].join('\n');
    expect(one(text)).toMatchObject({ records: 1, understood: 1, cause: undefined, says: "The PC's user SYSTEM started the VPN connection Office (IKEv2, EAP, encryption Require; RasClient event 20221, the PC's own event)." });
  });

  it('another message, or a `Name = value` line after anything else, is not taken for one', () => {
    expect(one('CoId={95B01C36-6109-4A32-B61C-264F19C6EF8A}: The link to the Remote Access Server has been established by user SYSTEM.').says).toContain('without its event ID');
    expect(one('CoId={95B01C36-6109-4A32-B61C-264F19C6EF8A}: The user SYSTEM dialed a connection named Office which has terminated. The reason code returned on termination is 631.')).toMatchObject({ cause: undefined });
    expect(one('Jul 10 18:41:12 vpn pppd[311]: Connection terminated.\nVpnStrategy = L2TP').records).toBe(2);
  });
});
