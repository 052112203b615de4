import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../test/support/repo-files';
import { parseIpconfig } from './ipconfig';
import { ANY_LINE, undoCopyDamage } from './pasted-copy';

/**
 * A copy taken from a page's stored HTML: the lines of `ipconfig /all` joined by `<br />` on one line,
 * the indent stripped, the description still cut at the 80th column (test/fixtures/real/SOURCES.md).
 */
describe('HTML line breaks in a copy', () => {
  const text = readRepoText(join('test/fixtures/real/ipconfig', 'xp-en-html-br-one-line-chinese-blog.txt'));

  it('are read as line ends, and the adapter is read as Windows printed it (hand-checked)', () => {
    const undone = undoCopyDamage(text, { atColumnZero: ANY_LINE });
    expect(undone.repairs).toEqual([{ kind: 'html', firstLine: 1, lines: 1 }]);
    const { value, problems } = parseIpconfig(undone.text);
    expect(value.adapters.map((a) => [a.name, a.kind, a.connected, a.ipv4, a.gateways, a.dnsServers, a.description, a.mac, a.dhcp])).toEqual([
      ['Local Area Connection', 'ethernet', true, [{ address: '10.0.0.150', prefixLength: 24 }], ['10.0.0.1'], ['192.168.172.200', '10.100.112.27'], 'Broadcom 570x Gigabit Integrated Controller', '00-0f-1f-bb-b2-92', true],
    ]);
    expect(problems).toEqual([]);
  });

  it('leave a text without them as it was', () => {
    const plain = text.replace(/<br \/>/g, '\n');
    expect(undoCopyDamage(plain, { atColumnZero: ANY_LINE }).repairs.map((r) => r.kind)).not.toContain('html');
  });
});
