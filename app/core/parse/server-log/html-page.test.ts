import { describe, expect, it } from 'vitest';
import { looksLikeHtmlPage, pageText, PageText } from './html-page';
import { ChunkLines } from './chunk-lines';
import { parseServerLog } from './index';

/**
 * A log inside a saved web page (html-page.ts), and a blog's source with `<pre>` around a pasted log (line-normalize.ts
 * withoutMarkupAtEnds). The lines are pppd's own wordings (pppd auth.c, lcp.c); the page around them is made up in the shapes
 * a forum's saved page and a Jekyll post's Markdown have (a post copying /var/log/messages between `<pre>` tags was found in
 * the public code index, its repository not named there).
 */
const LINES: [string, string, string] = [
  'Nov 18 10:21:05 gw pppd[12]: Peer bob failed CHAP authentication',
  'Nov 18 10:21:06 gw pppd[12]: LCP: timeout sending Config-Requests',
  'Nov 18 10:21:07 gw pppd[12]: Connect: ppp0 &lt;--&gt; /dev/pts/0',
];
const PAGE = [
  '<!DOCTYPE html>',
  '<html><head><title>PPTP problem - Forum</title><style>pre { color: red }</style>',
  '<script>if (a < b && c > d) { show("<pre>"); }</script></head>',
  '<body><!-- a comment with <pre> in it --><div class="post" data-x="a>b"><p>Hi, my PPTP fails. Log:</p>',
  `<pre class="code">${LINES[0]}`,
  LINES[1],
  `${LINES[2]}</pre><p>Any idea? &lt;thanks&gt; &#8212; &#x263A;</p></div></body></html>`,
].join('\n');

describe('markup at the ends of a line', () => {
  it('is a tag only where its name ends at a blank, `/` or `>`: `<b.smith>`, `<i-sales>` are names in angle brackets', () => {
    // (a user in angle brackets began the line and was taken for `<b …>`: the line lost its user and was not understood)
    expect(parseServerLog('<b.smith> logged in, 10.0.0.2', 'x').entries.map((e) => e.text)).toEqual(['<b.smith> logged in, 10.0.0.2']);
    expect(parseServerLog('Nov 18 10:21:05 gw pppd[12]: Peer <i-sales>', 'x').unknownLines.map((u) => u.text)).toEqual(['Nov 18 10:21:05 gw pppd[12]: Peer <i-sales>']);
    expect(parseServerLog(`<b>${LINES[0]}</b><br/>`, 'x').entries.map((e) => e.text)).toEqual([LINES[0]]);
    expect(parseServerLog(`<span class="x">${LINES[0]}</span>`, 'x').entries.map((e) => e.text)).toEqual([LINES[0]]);
  });
});

describe('a saved web page', () => {
  it('is known by its start; an XML log, a syslog priority or a RouterOS interface is not a page', () => {
    for (const page of [PAGE, '<html lang="en">', '  <P STYLE="margin-bottom: 0cm">And then try</P>', '<pre>Mar 21 12:20:27 feist pppd[28594]: Exit.</pre>', '<!-- saved from url=(0055)https://forum.example/ -->']) expect(looksLikeHtmlPage(page)).toBe(true);
    for (const log of ['<Event><Timestamp data_type="4">01/05/2024 10:00:00.123</Timestamp>', '<?xml version="1.0"?>', '<30>Nov  8 17:06:36 OVA MikroTik: user jotne logged in', '<pptp-alice>: authenticated', LINES[0]]) expect(looksLikeHtmlPage(log)).toBe(false);
  });

  it('reads as a browser shows it: no markup, scripts, styles or comments; blocks end lines; references decoded', () => {
    const text = pageText(PAGE);
    expect(text).not.toMatch(/<\/?(?:html|head|body|div|p|pre|script|style|title)\b|<!--|color: red|show\(|comment/i);
    expect(text.split('\n').filter((l) => l !== '')).toEqual(['PPTP problem - Forum', 'Hi, my PPTP fails. Log:', LINES[0], LINES[1], LINES[2].replace('&lt;--&gt;', '<-->'), 'Any idea? <thanks> \u2014 \u263a']);
  });

  it('gives the same text whatever the chunks it arrives in (a tag, comment, script or reference cut between them)', () => {
    const whole = pageText(PAGE);
    for (const size of [1, 2, 3, 7, 13, 64]) {
      const page = new PageText();
      let out = '';
      for (let i = 0; i < PAGE.length; i += size) out += page.push(PAGE.slice(i, i + size));
      out += page.end();
      // (a blank run the markup made may end one chunk and start the next: lines are the same, blank ones aside)
      expect(out.split('\n').filter((l) => l.trim() !== '')).toEqual(whole.split('\n').filter((l) => l.trim() !== ''));
    }
  });

  it('its log is read: the line that shared its source line with <pre> names the cause', () => {
    const r = parseServerLog(PAGE, 'thread.html');
    expect(r.verdict).toBe('ok');
    const failed = r.entries.find((e) => e.cause === 'credentials-rejected')!;
    expect(failed.user).toBe('bob');
    expect(failed.text).toBe(LINES[0]);
    expect(r.understood).toBe(3);
    // the page's prose is kept and counted, never dropped
    expect(r.unknownLines.map((u) => u.text)).toEqual(['PPTP problem - Forum', 'Hi, my PPTP fails. Log:', 'Any idea? <thanks> \u2014 \u263a']);
  });

  it('ChunkLines decides once, on its first text: a log after a blank start is no page, a page after one is', () => {
    const got: string[] = [];
    const lines = new ChunkLines((t) => got.push(t));
    lines.push('\n\n');
    lines.push('<html><body><pre>');
    lines.push(`${LINES[0]}</pre></body></html>`);
    lines.end();
    expect(got.filter((l) => l.trim() !== '')).toEqual([LINES[0]]);
  });
});

describe('a blog post\'s source: <pre> around a pasted log, the rest plain text', () => {
  const POST = ['---', 'layout: post', 'title: "VPN troubles"', '---', '', 'I see this in the messages log:', '', `<pre>${LINES[0]}`, LINES[1], `${LINES[2]}</pre>`, ''].join('\n');

  it('the first line after <pre> and the last before </pre> are read, with their line numbers', () => {
    const r = parseServerLog(POST, 'post.md');
    expect(r.understood).toBe(3);
    expect(r.entries.map((e) => e.line)).toEqual([8, 9, 10]);
    expect(r.entries[0]!.user).toBe('bob');
  });

  it("a log's own angle brackets stay (RouterOS's <pptp-alice>, a RADIUS attribute)", () => {
    const r = parseServerLog('10:11:13 l2tp,ppp,error <l2tp-jane>: user jane authentication failed\n', 'ros.txt');
    expect(r.entries[0]?.text ?? r.unknownLines[0]?.text).toContain('<l2tp-jane>');
  });
});
