/**
 * One PPP packet as Windows' ppp.log writes it (RAS tracing: KB Q256509's layout) — a `PPP packet sent|received at …` line, the
 * `Protocol = …, Type = …, Length, Id, Port` line, then the bytes as a hex dump of 16 a line with their printable characters —,
 * each line under the tracing header `header`. `<`: sent by this side, `>`: received. The parser reads the packet from its bytes
 * (families/ppp-log.ts); the Protocol/Type names are only the trace's own words.
 */
export function pppLogPacket(mark: '<' | '>', hex: string, options: { header: string; at: string; names?: string; port?: number }): string[] {
  const { header, at, names = 'Protocol = X, Type = Y', port = 5 } = options;
  const bytes = hex.split(' ');
  const dump: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const chunk = bytes.slice(i, i + 16);
    const text = chunk.map((h) => { const c = parseInt(h, 16); return c >= 32 && c < 127 ? String.fromCharCode(c) : '.'; }).join('');
    dump.push(`${header}${mark}${chunk.join(' ').padEnd(48)}|${text.padEnd(16)}|`);
  }
  const sent = mark === '<';
  return [`${header}${mark}PPP packet ${sent ? 'sent' : 'received'} at ${at}`, `${header}${mark}${names}, Length = 0x${(bytes.length - 2).toString(16)}, Id = 0x${bytes[3]}, Port = ${port}`, ...dump];
}
