import type { InputVerdict } from './types';

/**
 * What a whole input is when it is not a server log: nothing, binary, or a Windows output pasted
 * into the wrong box (route print, ipconfig). Judged on the first lines only, so it is bounded.
 */

export const SNIFF_LINES = 400;

export class InputSniffer {
  private lines = 0;
  private binaryLines = 0;
  private routePrint = 0;
  private ipconfig = 0;

  see(line: string): void {
    if (this.lines >= SNIFF_LINES) return;
    this.lines++;
    if (line.length === 0) return;
    let control = 0;
    for (let i = 0; i < Math.min(line.length, 512); i++) {
      const c = line.charCodeAt(i);
      if ((c < 32 && c !== 9 && c !== 12 && c !== 13 && c !== 27) || c === 0xfffd) control++;
    }
    if (line.includes('\u0000') || control > Math.min(line.length, 512) * 0.1) this.binaryLines++;
    if (/^\s*(?:IPv4 Route Table|IPv6 Route Table|Interface List|Active Routes:|Persistent Routes:|Network Destination\s+Netmask\s+Gateway|Netwerkadres|Netzwerkziel|0\.0\.0\.0\s+0\.0\.0\.0\s+\S+\s+\S+\s+\d+)/i.test(line)) this.routePrint++;
    if (/^\s*(?:Windows IP Configuration|Windows-IP-Konfiguratie|Windows-IP-Konfiguration|Ethernet adapter |PPP adapter |Wireless LAN adapter |\s*IPv4 Address[ .]*:|\s*Physical Address[ .]*:)/i.test(line)) this.ipconfig++;
  }

  verdict(records: number, understood: number): InputVerdict {
    if (records === 0) return this.binaryLines > 0 ? 'binary' : 'empty';
    if (this.binaryLines > 0 && this.binaryLines >= Math.min(this.lines, SNIFF_LINES) * 0.1) return 'binary';
    if (understood === 0 || understood < records * 0.05) {
      if (this.routePrint >= 2) return 'route-print';
      if (this.ipconfig >= 2) return 'ipconfig';
      if (understood === 0) return 'not-a-log';
    }
    return 'ok';
  }
}
