import { describe, expect, it } from 'vitest';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * A log line a manual's PDF wrapped (Sphinx's `˓→` wrap mark, typography.ts WRAP_MARK), copied from the PDF: the pieces are one record
 * again, joined without a blank inside an address and with one between words — on two lines, or flattened into one.
 * The lines as docs.netgate.com's "Troubleshooting IPsec Logs" prints them in its PDF.
 */

const t = engineT('en');
const read = (text: string) => {
  const r = parseServerLog(text);
  return { records: r.records, understood: r.understood, says: r.entries.map((e) => describeEntry(e, t)), texts: r.entries.map((e) => e.text) };
};

describe('a PDF-wrapped log line', () => {
  it('on the next line after the mark: one record, the address whole, the words apart', () => {
    const r = read(['charon: 09[IKE] IKE_SA con2000[11] established between 192.0.2.90[192.0.2.90]...192.0.', '˓→2.74[192.0.2.74]', 'charon: 09[IKE] CHILD_SA con2000{2} established with SPIs cf4973bf_i c1cbfdf2_o and', '˓→TS 192.168.48.0/24|/0 === 10.42.42.0/24|/0'].join('\n'));
    expect(r).toMatchObject({ records: 2, understood: 2 });
    expect(r.texts).toEqual(['charon: 09[IKE] IKE_SA con2000[11] established between 192.0.2.90[192.0.2.90]...192.0.2.74[192.0.2.74]', 'charon: 09[IKE] CHILD_SA con2000{2} established with SPIs cf4973bf_i c1cbfdf2_o and TS 192.168.48.0/24|/0 === 10.42.42.0/24|/0']);
    expect(r.says[1]).toBe('IPsec SA con2000{2} established: the encrypted tunnel is up.');
  });

  it('flattened into one line by the copy: the mark and its blanks go', () => {
    const r = read('Dec  4 10:11:12 fw charon[1234]: 09[IKE] IKE_SA con2000[11] established between 192.0.2.90[192.0.2.90]...192.0. ˓→2.74[192.0.2.74]');
    expect(r.texts).toEqual(['Dec  4 10:11:12 fw charon[1234]: 09[IKE] IKE_SA con2000[11] established between 192.0.2.90[192.0.2.90]...192.0.2.74[192.0.2.74]']);
    expect(r.understood).toBe(1);
  });

  it('a mark with no record before it stays a line of its own', () => {
    expect(read('˓→2.74[192.0.2.74]')).toMatchObject({ records: 1, understood: 0 });
  });
});
