import { describe, expect, it } from 'vitest';
import { corpusAvailable, corpusFiles, readCorpusBytes } from '../../../../test/corpus';
import { decodeCaptureBytes } from '../../capture/decode';
import { parseServerLog } from './index';

/**
 * A Windows output pasted into the server-log box by mistake is named, whatever the language of its headers and labels, and behind
 * a GUI log's prefix (inspect.ts: judged by the rows' shape). Every real route print and ipconfig of the shared corpus, read in place.
 */

const verdictOf = (folder: string, file: string) => parseServerLog(decodeCaptureBytes(readCorpusBytes(folder, file)).text, file).verdict;

describe.skipIf(!corpusAvailable)('a route print or ipconfig pasted instead of a server log', () => {
  it.each(corpusFiles('route-print'))('route-print/%s is a route print', (file) => {
    expect(verdictOf('route-print', file)).toBe('route-print');
  });

  it.each(corpusFiles('ipconfig'))('ipconfig/%s is ipconfig', (file) => {
    expect(verdictOf('ipconfig', file)).toBe('ipconfig');
  });
});

describe('the shapes, translated', () => {
  it('French, Spanish and Russian route prints; a Chinese ipconfig; rows behind a log prefix', () => {
    const fr = ["Liste d'Interfaces", ' 17...00 28 f8 39 61 6b ......Microsoft Wi-Fi Direct Virtual Adapter', '  1...........................Software Loopback Interface 1', 'Destination réseau    Masque réseau  Adr. passerelle   Adr. interface Métrique', '          0.0.0.0          0.0.0.0      10.88.88.2     10.88.88.149     10'];
    expect(parseServerLog(fr.join('\n')).verdict).toBe('route-print');
    expect(parseServerLog(['Rutas activas:', '          0.0.0.0          0.0.0.0    192.168.100.1   192.168.100.80     35', '          0.0.0.0        192.0.0.0      En vínculo       123.45.0.10    250'].join('\n')).verdict).toBe('route-print');
    expect(parseServerLog(['Список интерфейсов', ' 81...00 ff 69 8b 23 3e ......TAP-Windows Adapter V9 #7', ' 31...00 00 00 00 00 00 00 e0 Адаптер Microsoft ISATAP'].join('\n')).verdict).toBe('route-print');
    expect(parseServerLog(['Windows IP 配置', '   主机名  . . . . . . . . . . . . . : DESKTOP-B7MJ4LC', '   描述. . . . . . . . . . . . . . . : TAP-Windows Adapter V9'].join('\n')).verdict).toBe('ipconfig');
    expect(parseServerLog(['2017-12-15 21:45:14 | 1330 |  11...52 54 00 29 79 7b ......Intel(R) PRO/1000 MT Network Connection', '2017-12-15 21:45:14 | 1330 |   1...........................Software Loopback Interface 1'].join('\n')).verdict).toBe('route-print');
  });

  it('a server log with addresses in columns stays a log; one matching row is not enough', () => {
    const pppd = ['Jul 10 18:41:12 vpn pppd[311]: local  IP address 10.8.0.1', 'Jul 10 18:41:12 vpn pppd[311]: remote IP address 10.8.0.2'].join('\n');
    expect(parseServerLog(pppd).verdict).toBe('ok');
    expect(parseServerLog('ticket 4711\n          0.0.0.0          0.0.0.0    192.168.100.1   192.168.100.80     35\n').verdict).toBe('not-a-log');
  });
});

describe('a log whose lines are in a known format but not understood', () => {
  it('is a log with its lines listed, not "no line is in a format TunnelMedic knows"', () => {
    const r = parseServerLog('Dec  4 10:11:12 gw charon[1234]: 12[XYZ] a message no rule reads\n');
    expect(r).toMatchObject({ verdict: 'ok', understood: 0, unknown: 1 });
    expect(r.unknownLines[0]).toMatchObject({ line: 1, family: 'strongswan' });
    expect(parseServerLog('Ticket 4711: the VPN is down again\n').verdict).toBe('not-a-log');
  });
});
