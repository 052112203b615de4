import { describe, expect, it } from 'vitest';
import { Redactor } from '../app/core/report/redact';

/**
 * Round 44 (issue 14, redaction leaks by shape, round 2): a public IPv4 address written in another spelling than the dotted quad
 * kept its value in a redacted copy, or took a token of its own. Each spelling now gets the token of the same address written with
 * dots — one pseudonym for one address (`81.2.3.4`, `081.002.003.004`, `4.3.2.81.in-addr.arpa`, `host-81-2-3-4.isp.net`) — spelled
 * as it was found. Private addresses stay, as in every spelling before. MACs and IPv6 addresses in other spellings were already one
 * token each (rows below hold that) but for Huawei's and H3C's H-H-H MAC, which was left.
 */
const redact = (...texts: string[]) => {
  const r = new Redactor([]);
  return texts.map((t) => r.text(t));
};

describe('zero-padded dotted quads (netsh, appliances: three digits a part)', () => {
  it('a public one gets the token of the same address unpadded, padded as it was (was: 081.002.003.004 left)', () => {
    const [plain, padded] = redact('peer 81.2.3.4', 'peer 081.002.003.004 port 500');
    expect(plain).toBe('peer 198.51.100.4');
    expect(padded).toBe('peer 198.051.100.004 port 500');
  });
  it('a private one stays; a leading zero with parts of other lengths is no address (a byte dump: 2.62.00.00)', () => {
    expect(redact('010.001.002.003', '<endpoint [local:b5.1f.d9.e8.f4.86.46.e3.bc.98.5c.9a.4a.7c.b2.62.00.00.00.0c]>', 'v 01.2.3.4', '081.02.003.004')).toEqual([
      '010.001.002.003',
      '<endpoint [local:b5.1f.d9.e8.f4.86.46.e3.bc.98.5c.9a.4a.7c.b2.62.00.00.00.0c]>',
      'v 01.2.3.4',
      '081.02.003.004',
    ]);
  });
});

describe('reverse-DNS names (RFC 1035 3.5: the address backwards before in-addr.arpa)', () => {
  it('the labels get the address\'s token, backwards (was: the token of the forward reading, another pseudonym)', () => {
    const [plain, reverse, upper] = redact('81.2.3.4', 'PTR 4.3.2.81.in-addr.arpa.', 'PTR 4.3.2.81.IN-ADDR.ARPA');
    expect(plain).toBe('198.51.100.4');
    expect(reverse).toBe('PTR 4.100.51.198.in-addr.arpa.');
    expect(upper).toBe('PTR 4.100.51.198.IN-ADDR.ARPA');
  });
  it('a public address whose forward reading is private is hidden (was: 10.3.2.81.in-addr.arpa, 81.2.3.10, left)', () => {
    expect(redact('10.3.2.81.in-addr.arpa')).toEqual(['10.100.51.198.in-addr.arpa']);
  });
  it('a private address whose forward reading is public stays (was: 1.2.168.192.in-addr.arpa given a token)', () => {
    expect(redact('1.2.168.192.in-addr.arpa', '4.3.2.81.in-addr.arpax')).toEqual(['1.2.168.192.in-addr.arpa', '4.3.2.81.in-addr.arpax'.replace('4.3.2.81', '198.51.100.81')]);
  });
});

describe('an address in a host name, with dashes', () => {
  it('each shape gets the dotted address\'s token with dashes (was: all left)', () => {
    const out = redact(
      '54.1.2.3',
      'ec2-54-1-2-3.compute-1.amazonaws.com',
      'host-81-2-3-4.example.net',
      '81-2-3-4.dyn.isp.net',
      'host86-151-2-3.range86-151.btcentralplus.com',
      'static-81-2-3-4',
    );
    expect(out).toEqual([
      '198.51.100.3',
      'ec2-198-51-100-3.compute-1.amazonaws.com',
      'host-203-0-113-4.example.net',
      '203-0-113-4.dyn.isp.net',
      'host192-0-2-3.range86-151.btcentralplus.com',
      'static-203-0-113-4',
    ]);
  });
  it('what is no address stays: private, a date, a phone number, five numbers, no name around, a part over 255', () => {
    const texts = ['ip-10-0-0-1.ec2.internal', '2026-12-07 10:00', 'tel +31-20-555-1234', '1-2-3-4-5.isp.net', 'x 81-2-3-4-5', 'steps 81-2-3-4 done', 'h-81-2-3-256.isp.net', '2026-12-07-81-2-3-4.log'];
    expect(redact(...texts)).toEqual(texts);
  });
});

describe('MACs and IPv6 in other spellings: one token for one value (held)', () => {
  it('Windows\' 00-11-22-33-44-5A, Cisco\'s 0011.2233.445a and colons: the same MAC token', () => {
    expect(redact('00-11-22-33-44-5A', '0011.2233.445a', 'MAC 00:11:22:33:44:5a')).toEqual(['02-00-00-00-00-01', '0200.0000.0001', 'MAC 02:00:00:00:00:01']);
  });
  it('Huawei\'s and H3C\'s H-H-H MAC 00e0-fc12-3456: the same MAC token (was: left); a GUID and a four-group key stay', () => {
    expect(redact('00:e0:fc:12:34:56', 'ARP 00E0-FC12-3456 GE0/0/1', '00e0-fc12-3456', '{4d36e972-e325-11ce-bfc1-08002be10318}', 'key ABCD-1234-EF56-7890')).toEqual([
      '02:00:00:00:00:01',
      'ARP 0200-0000-0001 GE0/0/1',
      '0200-0000-0001',
      '{4d36e972-e325-11ce-bfc1-08002be10318}',
      'key ABCD-1234-EF56-7890',
    ]);
  });
  it('a zone id, brackets and a port, mixed case: the same IPv6 token; link-local and documentation stay', () => {
    expect(redact('2a02:a46c:b:1::1', '[2A02:A46C:B:1::1]:500', '2a02:A46c:b:1::1%12', 'fe80::1%12', '[2001:db8::1]:500')).toEqual([
      '2001:db8::1',
      '[2001:db8::1]:500',
      '2001:db8::1%12',
      'fe80::1%12',
      '[2001:db8::1]:500',
    ]);
  });
});

describe('one address in every spelling is one value', () => {
  it('counted once, one pseudonym', () => {
    const r = new Redactor([]);
    const out = ['81.2.3.4', '081.002.003.004', '4.3.2.81.in-addr.arpa', 'host-81-2-3-4.isp.net'].map((t) => r.text(t));
    expect(out).toEqual(['198.51.100.4', '198.051.100.004', '4.100.51.198.in-addr.arpa', 'host-198-51-100-4.isp.net']);
    expect(r.summary().counts.ipv4).toBe(1);
  });
});

describe('linear: a 100 000-character line of each new shape', () => {
  const LINES = [
    '1-'.repeat(50_000),
    '81-2-3-'.repeat(14_286),
    'a1-2-3-4'.repeat(12_500),
    '001.'.repeat(25_000),
    '081.002.003.004.'.repeat(6_250),
    '4.3.2.81.'.repeat(11_111) + 'in-addr.arpa',
    '4.3.2.81.in-addr.arp'.repeat(5_000),
    '-'.repeat(100_000),
    '0'.repeat(100_000),
    'a0e0-'.repeat(20_000),
    '00e0-fc12-3456-'.repeat(6_667),
  ];
  it.each(LINES.map((l, i) => [i, l] as const))('shape %i finishes in well under a second', (_, line) => {
    const r = new Redactor([]);
    const start = performance.now();
    r.text(line);
    r.text(`${line}\n${line}`); // line by line (a capture file)
    expect(performance.now() - start).toBeLessThan(1500);
  });
});
