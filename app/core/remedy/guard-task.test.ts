import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { corpusAvailable, corpusFiles, readCorpus } from '../../../test/corpus';
import { readRepoText } from '../../../test/support/repo-files';
import { parseRasEvents } from '../parse/wevtutil';
import { eventMatches, guardNameProblem, guardTaskName, guardTaskXml, parseEventQuery } from './guard-task';

const xsd = readRepoText('test/fixtures/task-scheduler/task-v1.2-subset.xsd');
const spec = (connection: string) => ({ connection, program: 'C:\\Program Files\\TunnelMedic\\TunnelMedic.exe' });

async function validate(xml: string) {
  // xmllint reads the declared encoding; the text we hand it is already decoded
  return validateXML({ xml: [{ fileName: 'task.xml', contents: xml.replace('encoding="UTF-16"', 'encoding="UTF-8"') }], schema: [{ fileName: 'task.xsd', contents: xsd }] });
}

const subscriptionOf = (xml: string) => {
  const m = /<Subscription>([^<]*)<\/Subscription>/.exec(xml);
  return m![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
};

describe('guard task XML ([MS-TSCH] §2.5)', () => {
  it('validates against the task schema', async () => {
    const result = await validate(guardTaskXml(spec('Corp VPN')));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('the schema check can fail: a task without Actions, or with an unknown setting, is rejected', async () => {
    const xml = guardTaskXml(spec('Corp VPN'));
    expect((await validate(xml.replace(/<Actions[\s\S]*<\/Actions>/, ''))).valid).toBe(false);
    expect((await validate(xml.replace('<Enabled>true</Enabled>\r\n  </Settings>', '<Bogus>1</Bogus>\r\n  </Settings>'))).valid).toBe(false);
  });

  it('any usable connection name stays valid XML, and its argument reads back exactly (CommandLineToArgvW rules)', async () => {
    const names = fc.sample(fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' }).filter((s) => guardNameProblem(s) === null), { numRuns: 40, seed: 7 });
    const all = [...names, 'Corp <VPN> & x', 'trailing\\', 'Ünïcødé 接続 Подключение'];
    const docs = all.map((name) => guardTaskXml(spec(name)));
    // one xmllint run for all documents (each run starts a worker)
    const result = await validateXML({ xml: docs.map((d, i) => ({ fileName: `task-${i}.xml`, contents: d.replace('encoding="UTF-16"', 'encoding="UTF-8"') })), schema: [{ fileName: 'task.xsd', contents: xsd }] });
    expect(result.errors).toEqual([]);
    all.forEach((name, i) => {
      const args = /<Arguments>([^<]*)<\/Arguments>/.exec(docs[i]!)![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      expect(argvOf(args), JSON.stringify(name)).toEqual(['guard-run', '--connection', name]);
    });
  });

  it('refuses names it cannot pass safely, with the reason', () => {
    expect(guardNameProblem('a"b')).toMatch(/double quote/);
    expect(guardNameProblem('a\nb')).toMatch(/control/);
    expect(guardNameProblem('x'.repeat(257))).toMatch(/longer/);
    expect(() => guardTaskXml(spec('a"b'))).toThrow(/double quote/);
  });

  it('task names are valid and distinct for names that differ only in forbidden characters', () => {
    const a = guardTaskName('Corp/VPN');
    const b = guardTaskName('Corp:VPN');
    expect(a).not.toBe(b);
    for (const n of [a, b]) expect(n.slice('\\TunnelMedic\\'.length)).not.toMatch(/[\\/:*?"<>|]/);
    expect(guardTaskName('Corp VPN')).toBe(guardTaskName('Corp VPN'));
  });
});

describe('the trigger query on recorded RasClient events', () => {
  const selector = parseEventQuery(subscriptionOf(guardTaskXml(spec('Corp VPN'))))!;

  it('reads back as Application / RasClient / 20225', () => {
    expect(selector).toEqual({ log: 'Application', provider: 'RasClient', eventId: 20225 });
  });

  it('fires on the demo PC\'s connect event and on nothing else it logged', () => {
    const events = parseRasEvents(readRepoText('samples/demo/rasclient-events.txt')).value;
    const fired = events.filter((e) => eventMatches(selector, e));
    expect(fired.map((e) => e.kind)).toEqual(['connected']);
    expect(events.length).toBeGreaterThan(fired.length);
  });

  it.skipIf(!corpusAvailable)('does not fire on the corpus\'s failed connections (20227) or dialing events', () => {
    for (const file of corpusFiles('events')) {
      for (const e of parseRasEvents(readCorpus('events', file), file).value) expect(eventMatches(selector, e), `${file} ${e.id}`).toBe(e.id === 20225);
    }
  });
});

/** CommandLineToArgvW's rules (Learn, "Parsing C command-line arguments"), for the test only. */
function argvOf(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (line[i] === ' ') i++;
    if (i >= line.length) break;
    let arg = '';
    let quoted = false;
    for (; i < line.length && (quoted || line[i] !== ' '); i++) {
      if (line[i] === '\\') {
        let n = 0;
        for (; line[i] === '\\'; i++) n++;
        if (line[i] === '"') {
          arg += '\\'.repeat(Math.floor(n / 2));
          if (n % 2) arg += '"';
          else quoted = !quoted;
        } else {
          arg += '\\'.repeat(n);
          i--;
        }
      } else if (line[i] === '"') quoted = !quoted;
      else arg += line[i];
    }
    out.push(arg);
  }
  return out;
}
