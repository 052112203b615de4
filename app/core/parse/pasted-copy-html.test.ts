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

/**
 * A mail archive's HTML source (MHonArc): every line opened by `<p>` and followed by a `<br>` line,
 * the indent as `&nbsp;`, the prompt inside the archive's `<span class="quotelev1">` (test/fixtures/real/SOURCES.md).
 */
describe('HTML paragraphs and inline tags around every line of a copy', () => {
  const text = readRepoText(join('test/fixtures/real/ipconfig', 'xp-en-mail-archive-html-p-per-line.txt'));

  it('are taken out, and the adapter is read as Windows printed it (hand-checked); it used to be no ipconfig output at all', () => {
    const undone = undoCopyDamage(text, { atColumnZero: ANY_LINE });
    expect(undone.repairs.map((r) => r.kind)).toEqual(['html']);
    expect(undone.text).not.toMatch(/<\/?(?:p|span)\b/);
    const { value, problems } = parseIpconfig(undone.text);
    expect(value.adapters.map((a) => [a.name, a.kind, a.connected, a.ipv4, a.description, a.mac])).toEqual([
      ['Wireless Network Connection', 'wifi', false, [], 'Intel(R) WiFi Link 5100 AGN', undefined],
    ]);
    expect(problems).toEqual([]);
  });

  it('split a line where text stands on both sides of a block tag, and keep a line that had nothing but tags', () => {
    const undone = undoCopyDamage('<div>Windows IP Configuration</div><div>Ethernet adapter LAN:</div>\n<p><p><p>\n<p><font color="red">   IP Address. . . : 10.0.0.2</font>\n', { atColumnZero: ANY_LINE });
    expect(undone.text).toBe('Windows IP Configuration\nEthernet adapter LAN:\n\n   IP Address. . . : 10.0.0.2\n');
  });
});
