import type { TFunction } from 'i18next';
import { formatLogTime } from '../../parse/server-log/describe';
import type { ServerLogEntry, ServerLogResult } from '../../parse/server-log/types';

/**
 * A user whose password the server refused and who then logged in, in the same log: a mistyped password, not a problem to solve.
 * A help desk reading "the server rejected the user name or password" (critical) would send the person to reset a password that
 * works. The class: every credentials-rejected (or xauth-rejected) failure of a user is followed (later in the log) by a log-in of that same user,
 * after a few attempts and within minutes (lookLikeRetyping).
 *
 * Who a line is about: the entry's `user` where the family names one; otherwise the user its session (pppd pid, IOS link Vi1,
 * charon IKE_SA) named nearest to it — before it if any, else after it (pppd writes `sent [CHAP Failure …]` before
 * `Peer alice failed CHAP authentication`). A line of no known user is nobody's: it keeps its finding.
 *
 * A log-in: an entry with outcome `success` that says the server let that user in (LOGIN_KEYS), not worded as this side's own
 * log-in to another server (role client/initiator: a router dialling out). Only these: any success of the session would take a
 * link's LCP coming up for the next attempt (before its password is checked) as a log-in.
 * Only the entries the parser kept (at most 6000) are looked at: the work is one pass over them.
 */

export interface Retry {
  /** the user as the log names them (the first failure's spelling) */
  user: string;
  failures: ServerLogEntry[];
  /** the first log-in after the last failure */
  success: ServerLogEntry;
  /** a refusal said the server had no password for the user (NO_SECRET_KEYS): no typo, the server's secrets changed in between */
  noSecret?: boolean;
}

/**
 * The statements of a server that has no password for the user at all (pppd `No CHAP secret found for authenticating alice`,
 * strongSwan `no XAuth secret found for '…' - 'alice'`, opnsense/core#4438, fixed there by adding one): a log-in after them is
 * the administrator's fix, not a retyped password.
 */
const NO_SECRET_KEYS: ReadonlySet<string> = new Set(['noChapSecret', 'step.charonXauthNoSecret']);
const saysNoSecret = (e: ServerLogEntry): boolean => e.decoded.some((dd) => NO_SECRET_KEYS.has(dd.key));

/** DOMAIN\alice, alice@corp and Alice are one person (here and when correlate.ts matches the PC's user with the server's). */
export const personOf = (u: string): string => u.replace(/^.*\\/, '').replace(/@.*$/, '').toLowerCase();

/**
 * The statements of a server letting a user in, per family: pppd `CHAP peer authentication succeeded for alice` (pppUserLoggedIn),
 * accel-ppp `alice: authentication succeeded` (accelAuthOk), NPS 6272 (npsGranted, npsGrantedDetails) and its log's Access-Accept
 * (iasAccessAccept), ASA 113004/113008/113012 and 716038, IOS `Received LOGIN Response PASS` (authOk, authOkNoUser: the link's user), ASA 603103 PPP user authentication
 * Successful (asaPppAuth), IOS `CHAP: O SUCCESS` / `PAP: O AUTH-ACK` (authPacket, the link's user), SoftEther `Successfully
 * authenticated as user` (seAuthOk), RouterOS `alice logged in` and `<l2tp-alice>: authenticated` (mtLoggedIn, mtSession),
 * RRAS 20015/20250 (rrasEventLoggedOn; NT RAS's rasEventLoggedOn), RRAS ppp.log CHAP Success / PAP Ack (pppLogChapSuccess, pppLogPapAck), VPN 3000
 * "User … connected" (vpn3000Connected), a firmware's `peer … (alice) connected` (firmwarePeerConnected), pptpd-logwtmp ip-up
 * (logwtmpUp), strongSwan's virtual IP given to the EAP user (virtualIpAssigned, only after a log-in), Libreswan's `XAUTH: User alice:
 * Authentication Successful` (plutoXauthOk). The keys as kit.ts d() and step() name them (a step's with `step.` before it).
 */
const LOGIN_KEYS: ReadonlySet<string> = new Set(['plutoXauthOk', 'pppUserLoggedIn', 'accelAuthOk', 'npsGranted', 'npsGrantedDetails', 'iasAccessAccept', 'authOk', 'authOkNoUser', 'asaPppAuth', 'authPacket', 'seAuthOk', 'mtLoggedIn', 'mtSession', 'rrasEventLoggedOn', 'rasEventLoggedOn', 'pppLogChapSuccess', 'pppLogPapAck', 'vpn3000Connected', 'vpn3000PppAuthOk', 'firmwarePeerConnected', 'logwtmpUp', 'virtualIpAssigned']);
const isLogin = (e: ServerLogEntry): boolean => e.outcome === 'success' && e.decoded.some((dd) => LOGIN_KEYS.has(dd.key.startsWith('step.') ? dd.key.slice(5) : dd.key)) && !ownLogin(e);

/** This side logging in to another server (pppd `authentication succeeded` without a peer, IOS as a client): not a user's log-in. */
const ownLogin = (e: ServerLogEntry): boolean => e.decoded.some((dd) => dd.values?.role === 'client' || dd.values?.role === 'initiator');

/**
 * The user each entry is about: its own, else its session's nearest (before, then after). Each entry's user and session read
 * once into arrays the two passes walk: entries come in many shapes (their optional fields), so every read of a field costs
 * a lookup by shape, and the passes read each twice (on the bench log this was a third of the findings' time).
 */
function usersOf(entries: readonly ServerLogEntry[]): (string | undefined)[] {
  const n = entries.length;
  const own: (string | undefined)[] = new Array<string | undefined>(n);
  const sessions: (string | undefined)[] = new Array<string | undefined>(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i]!;
    own[i] = e.user || undefined;
    sessions[i] = e.session || undefined;
  }
  const users = own.slice();
  nearest(own, sessions, users, 0, n, 1);
  nearest(own, sessions, users, n - 1, -1, -1);
  return users;
}

/** One pass of usersOf, from `from` to `to` (exclusive) by `step`: an entry without a user takes its session's last one. */
function nearest(own: readonly (string | undefined)[], sessions: readonly (string | undefined)[], users: (string | undefined)[], from: number, to: number, step: number): void {
  const last = new Map<string, string>();
  for (let i = from; i !== to; i += step) {
    const session = sessions[i];
    if (session === undefined) continue;
    const user = own[i];
    if (user !== undefined) last.set(session, user);
    else if (users[i] === undefined) users[i] = last.get(session);
  }
}

const oldestFirst = (a: ServerLogEntry, b: ServerLogEntry): number => a.line - b.line;
const newestFirst = (a: ServerLogEntry, b: ServerLogEntry): number => b.line - a.line;

/**
 * The entries sorted oldest first (newest first for a newest-first log), as a stable sort gives them: the parser's own array
 * when it is in that order already (it keeps entries by line: a look spares the copy and a comparator call per entry).
 */
function inOrder(entries: readonly ServerLogEntry[], newest: boolean): readonly ServerLogEntry[] {
  const order = newest ? newestFirst : oldestFirst;
  for (let i = 1; i < entries.length; i++) if (order(entries[i - 1]!, entries[i]!) > 0) return [...entries].sort(order);
  return entries;
}

/** The failures of users who logged in after every one of them, by entry. */
export function retriedLogins(log: ServerLogResult): Map<ServerLogEntry, Retry> {
  // in the order things happened: a newest-first log (router web pages) read backwards
  const entries = inOrder(log.entries, log.newestFirst === true);
  // (personOf runs two regexes and lower-cases: once per user spelling)
  const persons = new Map<string, string>();
  const personOnce = (user: string): string => {
    let p = persons.get(user);
    if (p === undefined) persons.set(user, (p = personOf(user)));
    return p;
  };
  const users = usersOf(entries);
  const byPerson = new Map<string, { user: string; failures: ServerLogEntry[]; success?: ServerLogEntry; noSecret?: boolean }>();
  entries.forEach((e, i) => {
    const user = users[i];
    if (!user) return;
    // (the person only for a refusal or a log-in: most entries of a user are neither, and personOf runs two regexes)
    if (e.cause === 'credentials-rejected' || e.cause === 'xauth-rejected') {
      const p = personOnce(user);
      const r = byPerson.get(p);
      if (!r) byPerson.set(p, { user, failures: [e] });
      else {
        r.failures.push(e);
        delete r.success; // refused again after a log-in: only a log-in after this one counts
      }
    } else if (isLogin(e)) {
      const r = byPerson.get(personOnce(user));
      if (r && !r.success) r.success = e;
      return;
    }
    // (the reason may come on a line of its own after the refusal: strongSwan's `no XAuth secret found …`)
    if (saysNoSecret(e)) {
      const r = byPerson.get(personOnce(user));
      if (r && !r.success) r.noSecret = true;
    }
  });
  const out = new Map<ServerLogEntry, Retry>();
  for (const r of byPerson.values()) {
    if (!r.success || !lookLikeRetyping(r.failures, r.success)) continue;
    const retry: Retry = { user: r.user, failures: r.failures, success: r.success, ...(r.noSecret ? { noSecret: true } : {}) };
    for (const f of r.failures) out.set(f, retry);
  }
  return out;
}

/**
 * A person retyping a password: a few refusals (at most MAX_RETYPES attempts), the log-in minutes after the last (within
 * MAX_RETYPE_GAP_S, where both lines have a time). Many refusals before a log-in look like guessing, and a log-in hours later
 * may follow a password reset: those keep the critical finding for the help desk to look at. (Both bounds assumed: Windows asks
 * again on 691 and people retry a few times; AD's lockout threshold is often 5 to 10.)
 */
const MAX_RETYPES = 5;
const MAX_RETYPE_GAP_S = 30 * 60;
function lookLikeRetyping(failures: readonly ServerLogEntry[], success: ServerLogEntry): boolean {
  if (attemptsOf(failures) > MAX_RETYPES) return false;
  const a = secondsOf(failures[failures.length - 1]!);
  const b = secondsOf(success);
  if (a === undefined || b === undefined) return true;
  const fa = failures[failures.length - 1]!.time!;
  const sb = success.time!;
  // time of day only: a log-in after midnight counts from the day before
  const gap = fa.month && fa.day && sb.month && sb.day ? daysBetween(fa, sb) * 86400 + b - a : (b - a + 86400) % 86400;
  return gap >= 0 && gap <= MAX_RETYPE_GAP_S;
}

type LogTime = NonNullable<ServerLogEntry['time']>;
const DAY_MS = 86_400_000;
/**
 * Calendar days from one dated line to a later one: the real calendar, so Feb 28 (or 29) then Mar 1 and Apr 30 then May 1 are one day
 * on, not the three or two a 31-day month would count. A syslog date has no year (RFC 3164 §4.1.2): both are placed in a leap year
 * (a `Feb 29` is real), the later one in the year after when its date comes before (`Dec 31` then `Jan  1` is one day on).
 */
function daysBetween(from: LogTime, to: LogTime): number {
  const at = (t: LogTime, year: number) => Date.UTC(year, t.month! - 1, t.day!) / DAY_MS;
  if (from.year !== undefined && to.year !== undefined) return at(to, to.year) - at(from, from.year);
  const sameYear = at(to, 2000) - at(from, 2000);
  return sameYear >= 0 ? sameYear : at(to, 2001) - at(from, 2000);
}

/** "at 09:13" (the time of day; the date too when the two lines are on different days), or "on line 65" for a log without times. */
function when(e: ServerLogEntry, other: ServerLogEntry, t: TFunction): string {
  if (!e.time) return t('serverLog.retried.onLine', { line: e.line });
  const sameDay = !other.time || (other.time.year === e.time.year && other.time.month === e.time.month && other.time.day === e.time.day);
  const { year: _y, month: _m, day: _d, ...timeOfDay } = e.time;
  return t('serverLog.retried.at', { time: formatLogTime(sameDay ? timeOfDay : e.time) });
}

const secondsOf = (e: ServerLogEntry): number | undefined => (e.time ? (e.time.hour * 60 + e.time.minute) * 60 + e.time.second : undefined);

/**
 * How many times the user was refused: lines of one attempt count once — the same session (pppd's `sent [CHAP Failure …]` and its
 * `Peer alice failed CHAP authentication`; an IOS link's FAILURE and its AAA FAIL) within 5 s of the line before (assumed: one
 * attempt's lines are written together; an IOS link is used again by the next attempt, seconds to minutes later).
 */
export function attemptsOf(failures: readonly ServerLogEntry[]): number {
  let n = 0;
  failures.forEach((f, i) => {
    const prev = failures[i - 1];
    const a = prev && secondsOf(prev);
    const b = secondsOf(f);
    const sameAttempt = prev?.session !== undefined && prev.session === f.session && (a === undefined || b === undefined || Math.abs(b - a) <= 5);
    if (!sameAttempt) n++;
  });
  return n;
}

/** The finding's title and its sentence: who, refused when (how often), accepted when, and that nothing needs changing. */
export function retriedWords(r: Retry, accountCodes: ReadonlySet<number>, t: TFunction): { title: string; sentence: string } {
  const last = r.failures[r.failures.length - 1]!;
  // the account's state (expired password, logon hours …) was refused, not a typed password: "mistyped" would be wrong
  // (and a server with no password for the user at all: its administrator added one before the log-in)
  const kind = r.noSecret ? 'secret' : r.failures.some((f) => f.code !== undefined && accountCodes.has(f.code)) ? 'account' : 'password';
  const values = { user: r.user, count: attemptsOf(r.failures), failedAt: when(last, r.success, t), okAt: when(r.success, last, t) };
  return { title: t(`serverLog.retried.${kind}.title`, { user: r.user }), sentence: t(`serverLog.retried.${kind}.summary`, values) };
}
