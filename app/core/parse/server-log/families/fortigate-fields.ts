/**
 * FortiOS log records in key=value form: what `execute log display`, the GUI's raw view, FortiAnalyzer and syslog
 * export show (`date=2019-05-13 time=11:24:49 logid="0101037124" type="event" subtype="vpn" … reason="…"`). A value is
 * quoted when it may hold blanks (`logdesc="IPsec phase 1 error"`) and bare otherwise (`remip=66.97.178.25`; a
 * FortiAnalyzer export writes `logid=0101037134` bare too: pastebin hNRw6CRY). FortiOS 4 wrote the same record with
 * underscores (`device_id=FGTxxx log_id=0101023003 … pri=error … msg="Negotiate SA Error: …"`, community.fortinet.com
 * article 194213). Field names: FortiOS Log Message Reference (docs.fortinet.com), e.g. 37124 MESGID_NEG_I_P1_ERROR.
 */

/** A FortiOS record carries its log id: ten digits, quoted or bare (`logid="0101037124"`, FortiOS 4 `log_id=0101023003`). */
const LOG_ID = /(?:^|\s)log_?id="?(\d{10})"?(?=\s|$)/;
/** `execute log display` numbers the records it prints (`7: date=2021-08-23 …`, FortiOS 7.2 administration guide). */
const DISPLAY_NUMBER = /^\d{1,6}: (?=[a-z_]+=)/;
/** The record starts with a field (`date=`, FortiAnalyzer's `itime=`, FortiOS 4's `device_id=`), after the display number if any. */
const FIRST_FIELD = /^(?:\d{1,6}: )?[a-z][a-z_]*=/;

/** Whether a message is a FortiOS key=value log record (cheap tests first: this runs for records no other family claimed). */
export function isFortiOsRecord(message: string): boolean {
  return (message.includes('logid=') || message.includes('log_id=')) && FIRST_FIELD.test(message) && LOG_ID.test(message);
}

/**
 * A field: quoted, or bare up to the next field — FortiOS 4 left a reason with blanks unquoted (`status=negotiate_error
 * error_reason=no matching gateway for new request peer_notif=…`, Fortinet forum question 409591, 2012), so a bare value goes on
 * over the words that are no `name=` of their own.
 */
const FIELD = /([a-z][a-z0-9_]*)=(?:"([^"]*)"|(\S*(?:\s+(?![a-z][a-z0-9_]*=)[^\s=]+)*))/gi;

/** The record's fields by name (the first of a name wins: a field is printed once). */
export function readFields(message: string): Map<string, string> {
  const fields = new Map<string, string>();
  const text = message.replace(DISPLAY_NUMBER, '');
  for (const m of text.matchAll(FIELD)) if (!fields.has(m[1]!.toLowerCase())) fields.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? '');
  return fields;
}

/** A field's value, undefined when absent or FortiOS's `N/A` (every unused field of an IPsec record: `user="N/A"`, `assignip=N/A`). */
export function value(fields: Map<string, string>, name: string): string | undefined {
  const v = fields.get(name);
  return v === undefined || v === '' || v === 'N/A' ? undefined : v;
}

/** The message id: the log id's last five digits (`0101037124` → 37124), the number the Log Message Reference lists it by. */
export function messageId(fields: Map<string, string>): number | undefined {
  const id = fields.get('logid') ?? fields.get('log_id');
  return id && /^\d{10}$/.test(id) ? Number(id.slice(5)) : undefined;
}

/**
 * A line that holds only FortiOS fields (`loc_ip=xxx `, `status=negotiate_error error_reason=…`): the rest of a record a copy split
 * one field a line (the Fortinet forum's FortiOS 4 record, question 409591). Its first character and an `=` first: asked only of
 * lines no family claimed, after a FortiOS record.
 */
// (a value is a quoted string when one ends at a blank or the line's end, else its run of non-blanks — each value taken one way,
// `(?=(…))\1` being JavaScript's atomic group: `"[^"]*"|\S*` let a quoted value holding blanks be re-split at each of them,
// exponential in the fields of a line that does not end as fields do — 22 fields took 170 s; found by a ReDoS check (recheck) of
// the readers' patterns. The same lines match: backtracking-forms.test.ts)
export const FIELDS_ONLY = /^[a-z][a-z0-9_]*=(?=("[^"]*"(?=\s|$)|\S*))\1(?:\s+(?:[a-z][a-z0-9_]*=(?=("[^"]*"(?=\s|$)|\S*))\2|[^\s="]+))*\s*$/i;
export function isFortiOsFieldsLine(message: string): boolean {
  const c = message.charCodeAt(0);
  return c >= 97 && c <= 122 && message.includes('=') && FIELDS_ONLY.test(message);
}
