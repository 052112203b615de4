import { isDigit } from '../char-codes';
import type { Hit } from '../kit';
import { hasLineBreak } from '../prefix';

/**
 * The heads pluto (Libreswan, Openswan) writes before a message, and how a record's head is read: which lines are pluto's
 * (libreswan.ts claims), the serial and peer of each (libreswan.ts parse).
 */

/** `"l2tp-psk"[4] 83.220.237.30 #75: text` / `packet from 1.2.3.4:500: text` / `000 #4: "c"[4] ip:port text`. */
// (the blank after `#serial:` may be a tab: pluto indents Quick Mode's `    us: …` after it, and an editor's tabify makes that run a tab)
// (and after an instance's peer without a serial: pluto indents a listed proposal, `"c"[1] 1.2.3.4:   1:IKE=…`, hwdsl2/setup-ipsec-vpn #826)
export const HEAD = /^(?:(?:\d{3}|1v[12]) +)?(?:#(\d+): )?(?:"([^"]*)"(?:\[\d+\])?(?: +(\S+?))? +#(\d+):[ \t]|"([^"]*)"(?:\[\d+\])? (\d[\d.:]*|\S+)[ \t]|packet from (\S+?)(?::(\d+))?: )?(.*)$/;

/**
 * HEAD's first header alternative alone (`"conn"[n] peer #serial: `), for a message that starts with
 * a quote — what pluto prints on nearly every line. When it matches, HEAD takes it too (the first
 * alternative that matches, and the body after it, `(.*)$`, always matches a message without a line
 * break), so a counted record needs no match array: the body starts where the test stopped, and
 * the serial is the digits just before its `: `.
 */
// (sticky, from the message's start: test() leaves lastIndex at the match's end)
const CONN_SERIAL_HEAD = /"[^"]*"(?:\[\d+\])?(?: +\S+?)? +#\d+:[ \t]/y;

/** countedHead's answer: one object, refilled per record (a counted record's head is read on every pluto line past the entries cap) */
const counted = { session: '', bodyAt: 0 };

/** Session (`#serial`) and body of a counted `"conn"[n] peer #serial: body` record, or undefined when HEAD must decide. */
export function countedHead(message: string, clean: boolean): { session: string; bodyAt: number } | undefined {
  if (message.charCodeAt(0) !== 34 || (!clean && hasLineBreak(message))) return undefined;
  CONN_SERIAL_HEAD.lastIndex = 0;
  if (!CONN_SERIAL_HEAD.test(message)) return undefined;
  const bodyAt = CONN_SERIAL_HEAD.lastIndex;
  let from = bodyAt - 2; // the `:` after the serial's digits
  while (isDigit(message.charCodeAt(from - 1))) from--;
  counted.session = message.slice(from - 1, bodyAt - 2); // with its `#` (the regex put one before the digits)
  counted.bodyAt = bodyAt;
  return counted;
}
/**
 * The PC's address as the hit's peer, without its port, when HEAD's peer is an address (not a host name). An IPv4 address's port
 * goes, and the head's own colon where no serial follows (`"l2tp-psk"[2] 11.22.33.44: deleting connection …`, HEAD's second
 * alternative takes `11.22.33.44:`, hwdsl2/setup-ipsec-vpn #282); an IPv6 address (no dot) is kept whole: its last group is no port.
 */
export function withPeer(hit: Hit, peer: string | undefined): void {
  if (peer && isDigit(peer.charCodeAt(0))) hit.peer = peer.indexOf(':') < 0 || peer.indexOf('.') < 0 ? peer : peer.replace(/:\d*$/, '');
}

// claims' patterns as module constants: a regex literal in a function is a new RegExp object per call (claims runs for every record no program tag names)
// (`ipsec__plutorun`: Openswan's _plutorun script, which starts pluto and relays its whack output, `002 added connection description …`)
export const PROGRAMS = /^(pluto|ipsec|ipsec_setup|ipsec__plutorun|addconn)$/;
/** PROGRAMS' test after its names' first letters, p, i and a (claims: most program tags that reach it are other daemons', `kernel`, `systemd` …) */
export const isPlutoProgram = (name: string): boolean => {
  const c = name.charCodeAt(0);
  return (c === 112 || c === 105 || c === 97) && PROGRAMS.test(name);
};
export const STATUS_HEAD = /^(?:000 )?#\d+: "/;
/** whack's output (`ipsec auto --up`, `ipsec whack`): each line after its three-character RC code, `181 "conn"[1] 192.168.0.128 #1: …`, 4.x's new-state code `1v2 "labeled" #1: …` (libreswan #462) */
export const WHACK_HEAD = /^(?:\d{3}|1v[12]) +"[^"]*"(?:\[\d+\])? (?:\S+ )?#\d+: /;
export const MENDED_HEAD = /^[^"\s]*"\[\d+\] \S+ #\d+: /;
// the instance number and peer are left out for a permanent connection (Libreswan 4.x/5.x: `"westnet-eastnet" #1: sent IKE_SA_INIT request …`)
// (a console copy, as Libreswan's test output, keeps the space whack writes before the quote: ` "conn" #1: …`)
// (after `#serial:` a tab too, as HEAD reads it: an editor's tabify makes the run of blanks before Quick Mode's `us:` one)
export const CONN_HEAD = /^ ?"[^"]+"(?:\[\d+\])? (?:\S+ )?#\d+:[ \t]/;
/**
 * pluto's lines written without any header (`plutostderrlog=`, Openswan 2.6: Ubuntu Forums 2014) that say they are pluto's: a packet
 * before its state exists (`packet from 82.132.1.2:56526: received Vendor ID payload […]`), a connection instance without a serial
 * (`"L2TP-PSK-NAT"[2] 82.132.1.2: deleting connection …`), an ICMP error for a packet to the PC (`ERROR: asynchronous network error report on …`);
 * and 5.x's fatal error naming addconn or pluto (`journalctl --output cat -u ipsec.service`: `FATAL ERROR: ipsec addconn: /etc/ipsec.conf:13: …`,
 * libreswan#2117; libreswan-startup.ts); pluto's failed internal check on a serial (`EXPECTATION FAILED: "netkey" #9: …`, libreswan-v2-stories.ts)
 */
export const BARE_PLUTO_HEAD = /^(?:packet from \S+:\d+: |"[^"]+"\[\d+\] \S+:[ \t]|ERROR: asynchronous network error report on |FATAL ERROR: (?:ipsec (?:addconn|pluto)|\S*\/(?:pluto|addconn)): |(?:EXPECTATION|ASSERTION) FAILED: "[^"]+"(?:\[\d+\])? (?:\S+ )?#\d+: )/;
