import { HeldLines } from './held-lines';
import { d } from './kit';
import type { Decoded, LogFamily, ServerLogEntry } from './types';

/**
 * A device's console copied with its log: the prompt with the command typed (`ciscoasa# show logging`, `Router#debug ppp
 * negotiation`). Cisco IOS and the Cisco ASA print the same prompt (`hostname#`, `hostname(config)#`), and families/ios.ts reads
 * it for both; these lines are no log message of either, so they count as the device the rest of the paste is from.
 *
 * - On the line itself (asaPrompt): the ASA's default host name `ciscoasa` ("The default hostname is ciscoasa", Cisco ASA
 *   General Operations CLI Configuration Guide, "Basic Settings": hostname), a host name that is an ASA's model (`asa`, `asa1`,
 *   `ASA5510`: assumed, an IOS router is not named so), or a command only the ASA has: `vpn-sessiondb`, `crypto ikev1` (IOS
 *   says `crypto isakmp`), `asp`, `failover`, `tunnel-group` (Cisco ASA command reference; IOS has none of these keywords).
 *   `show logging` and `debug crypto ikev2` are not such commands: IOS has them too.
 * - From the paste (ConsoleLines.settle): the prompts IOS's rules read with no such mark go to the ASA when the paste holds ASA
 *   records and no IOS record besides such console lines.
 */
const ASA_HOST = /^(?:ciscoasa|asa(?:\d\w*)?)$/i;
const ASA_COMMAND = /^(?:show|sh|debug|undebug|no debug|clear)\s+(?:vpn-sessiondb|crypto ikev1|asp|failover|tunnel-group|run(?:ning-config)? tunnel-group)\b/i;

/** The prompt's own sign that the device is a Cisco ASA: its host name or its command. */
export const asaPrompt = (host: string, command: string | undefined): boolean => ASA_HOST.test(host) || (command !== undefined && ASA_COMMAND.test(command));

/**
 * The families whose device prints that prompt besides IOS, in the order they are preferred: the ASA, and a Junos device (its
 * operational prompt `srx1>` — `show log kmd-logs` typed before the log it shows, test/fixtures/real/server-logs/srx-show-log-*).
 */
const CONSOLE_OWNERS: readonly LogFamily[] = ['asa', 'junos'];

/** The statements of a prompt line as the ASA's (families/ios.ts words them as the router's) */
const AS_ASA: Readonly<Record<string, string>> = { 'step.iosCommandTyped': 'step.asaCommandTyped', 'step.iosPromptOnly': 'step.asaPromptOnly' };
export const asAsaConsole = (decoded: readonly Decoded[]): Decoded[] => decoded.map((dd) => (AS_ASA[dd.key] ? d(AS_ASA[dd.key]!, dd.values) : dd));

/** The console lines IOS's rules read without an ASA mark on the line, counted as 'ios' until the paste's end says whose they are. */
export class ConsoleLines extends HeldLines {
  /** one such record, counted under 'ios'; its entry when one was made */
  note(e: ServerLogEntry | undefined): void {
    this.hold(e);
  }

  /** At the paste's end: when every 'ios' record is a console line and an ASA's (or a Junos device's) records are there, they are its. */
  settle(families: Map<LogFamily, { n: number }>): void {
    const ios = families.get('ios');
    if (this.n === 0 || !ios || ios.n !== this.n) return;
    const owner = CONSOLE_OWNERS.find((f) => families.has(f));
    if (!owner) return;
    // (a new array per entry: a rule's decoded array is the entry's own, but not worth trusting for a few lines)
    // (the router's prompt, as IOS's rules word it, is a Junos device's too: only the ASA's is worded as its own)
    this.handOver(families, ios, 'ios', owner, (e) => Object.assign(e, owner === 'asa' ? { family: owner, decoded: asAsaConsole(e.decoded) } : { family: owner }));
  }
}
