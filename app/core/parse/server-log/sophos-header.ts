import type { Prefixed } from './prefixed';

/**
 * Sophos UTM's (formerly Astaro Security Gateway's) own syslog header: the date with colons, a dash before the time, no zone —
 * `2023:04:28-00:50:54 sophos-test-vm1 ulogd[12511]: …` (its log files and its remote syslog alike; real copies: elastic/integrations
 * packages/sophos/data_stream/utm/_dev/test/pipeline/test-sophos-utm-packetfilter.log, with and without `<30>` before it). Month and
 * day may have one digit (Wazuh's Sophos UTM decoder quotes `2016:1:29-06:09:59 localhost.localdomain smtpd[905]: …`). The host,
 * the tag and the message after it: header-patterns.ts ISO_TAG (prefix-shapes.ts reads the line).
 */
export const SOPHOS_UTM = /^(\d{4}):(\d{1,2}):(\d{1,2})-(\d\d):(\d\d):(\d\d) (.*)$/;

/**
 * The rest of that header after its year, as a syslog server that took the year for the tag leaves it: a relay in front of the UTM
 * wrote `Mar  1 00:01:01 192.168.10.1 2017: 03:01-02:30:05 devicename-hq-sg135 ulogd[4824]: id="2001" …` (a SIEM plugin's sample
 * line, search index file 16980808017; Observium's syslog tests keep such lines as `2018:` tag and `05:04-12:44:43 utm ulogd[5157]:
 * …` message). Month, day and time, the UTM's host, its tag.
 */
const AFTER_YEAR = /^(\d{1,2}):(\d{1,2})-(\d\d):(\d\d):(\d\d) (?:([^\s:[\]]+) )?([A-Za-z][\w./-]*)(?:\[(\d+)\])?: ?(.*)$/;

/**
 * A record whose tag is a year (four digits) and whose message goes on as Sophos UTM's date: the UTM's own line, its time and tag,
 * its host (the relay's where it names none); else undefined (the caller's reading of a number tag stands: a relayed IOS line).
 */
export function sophosUnderYearTag(relay: Prefixed, tag: string): Prefixed | undefined {
  const message = relay.message;
  if (tag.length !== 4 || (message.charCodeAt(1) !== 58 && message.charCodeAt(2) !== 58)) return undefined;
  const m = AFTER_YEAR.exec(message);
  if (!m) return undefined;
  const p: Prefixed = { shape: 'iso', time: { year: +tag, month: +m[1]!, day: +m[2]!, hour: +m[3]!, minute: +m[4]!, second: +m[5]! }, program: m[7], message: m[9]! };
  const host = m[6] ?? relay.host;
  if (host !== undefined) p.host = host;
  if (m[8] !== undefined) p.pid = m[8];
  return p;
}
