import { own, ServerLogParser } from './index';
import type { ServerLogEntry, ServerLogResult } from './types';
import { isDigit } from './char-codes';
import { journalNames, peerName, statedNames, syslogHost, type StatedNameKind } from './stated-names';

/**
 * The names a server log holds that `--redact` must hide: user names (CHAP/RADIUS/XAUTH users,
 * certificate subjects), the logging host, and the computer name Windows sends in its LCP
 * Identification (`MSRAS-0-<COMPUTER>`). Addresses are not listed: the Redactor finds public ones
 * by their shape.
 */
export interface ServerLogName {
  kind: StatedNameKind;
  value: string;
}

/** A name a log masks or leaves out (`<user>`, `-snip-`, `?`): nothing to hide. */
const PLACEHOLDER = /^<[^>]*>$|^-snip-$|^\?$/;
const RAS_IDENT = /^MSRAS-\d+-(.+)$/;
const COMMON_NAME = /CN=([^,]+)/;
// CHAP challenge/response names: `name = "pptpd"`, IOS `from "CSR1"`
const CHAP_NAME = /name = "([^"]+)"|from "([^"]+)"/;
const CHALLENGE = /Challenge|CHALLENGE/;

/**
 * Names gathered entry by entry, each once, in the order first seen. With --redact every record is an
 * entry: the regexes are module constants (a literal in a method is a new RegExp per call), a name seen
 * before is looked up first, in a set per kind (no `kind:value` string made per entry), and the CHAP
 * name is looked for only in a text with a quote (explain-log --redact of the bench log: addEntry was
 * 9 % of the read).
 */
export class ServerLogNames {
  readonly names: ServerLogName[] = [];
  private readonly seen = { user: new Set<string>(), host: new Set<string>(), domain: new Set<string>(), org: new Set<string>() };
  /** statedNames' callback, made once */
  private readonly addStated = (kind: StatedNameKind, value: string) => this.add(kind, value);

  add(kind: StatedNameKind, value: string | undefined): void {
    const v = value?.trim();
    if (!v) return;
    const seen = this.seen[kind];
    if (seen.has(v) || PLACEHOLDER.test(v)) return;
    seen.add(v);
    // its own string: everyEntry's entries are not detached, and a cut would keep the whole read chunk alive
    this.names.push({ kind, value: own(v) });
  }

  addEntry(e: ServerLogEntry): void {
    this.add('user', e.user);
    if (e.peer) peerName(e.peer, this.addStated);
    if (e.host && !isDigit(e.host.charCodeAt(0))) this.add('host', e.host);
    for (const d of e.decoded) {
      const v = d.values;
      if (!v) continue;
      if (typeof v.user === 'string') this.add('user', v.user);
      if (d.key === 'windowsRasIdent' && typeof v.ident === 'string') this.add('host', v.ident.match(RAS_IDENT)?.[1]);
      if (d.key === 'step.certificate' && typeof v.subject === 'string') this.add('user', v.subject.match(COMMON_NAME)?.[1]);
      if (d.key === 'step.rasServer' && typeof v.server === 'string') this.add('host', v.server);
    }
    const named = e.text.indexOf('"') >= 0 ? e.text.match(CHAP_NAME) : null;
    if (named) this.add(CHALLENGE.test(e.text) ? 'host' : 'user', named[1] ?? named[2]);
    statedNames(e.text, this.addStated);
  }

  /**
   * The names a line no family understood states by a label or shape (stated-names.ts), and the host its syslog header names
   * (an entry's host is its `host`; a line no family read kept it: `Nov 8 00:51:23 asa5505 %ASA-4-106100: …`).
   */
  addText(text: string): void {
    statedNames(text, this.addStated);
    syslogHost(text, this.addStated);
  }
}


/** The names in a parsed log's kept entries (what its report can show). */
export function serverLogNames(r: ServerLogResult): ServerLogName[] {
  const n = new ServerLogNames();
  for (const e of r.entries) n.addEntry(e);
  for (const u of r.unknownLines) n.addText(u.text);
  return n.names;
}

/**
 * The names in every record of a log's text, not only in the entries a parse keeps: past the
 * entries cap records are only counted, and a user who logs in only there would otherwise stay in
 * a redacted bundle's copy of the log (every record is decoded here, so this costs a full parse).
 */
export function serverLogTextNames(text: string, source: string): ServerLogName[] {
  const n = new ServerLogNames();
  const parser = new ServerLogParser(source, { everyEntry: (e) => n.addEntry(e) });
  parser.pushText(text);
  // the lines no family understood are shown too (the report's unknown lines)
  for (const u of parser.end().unknownLines) n.addText(u.text);
  // a journal export's machine and boot ids, in its fields rather than any record (journal-export.ts)
  journalNames(text, (kind, value) => n.add(kind, value));
  return n.names;
}
