import type { LogFamily, ServerLogEntry } from './types';

/** kept entries re-labelled at the paste's end at most (a paste holds a few prompts; a bound for a log of nothing else) */
const MAX_KEPT = 1000;

/**
 * Records counted under one family until the paste's end says whose they are: the shell prompts (shell-prompt.ts PromptLines,
 * counted as 'syslog') and the device consoles' prompts (console-device.ts ConsoleLines, counted as 'ios'). Each subclass keeps
 * only its own rule for the owner; the counting, the bounded list of entries and the hand-over are the same for both.
 */
export abstract class HeldLines {
  /** the records held, every one (counts stay exact past MAX_KEPT) */
  protected n = 0;
  private readonly kept: ServerLogEntry[] = [];

  /** one held record; its entry when one was made */
  protected hold(e: ServerLogEntry | undefined): void {
    this.n++;
    if (e && this.kept.length < MAX_KEPT) this.kept.push(e);
  }

  /** The held records' count moved from `from` (dropped from the map when none of its records is left) to `owner`, each kept entry re-labelled. */
  protected handOver(families: Map<LogFamily, { n: number }>, from: { n: number }, fromFamily: LogFamily, owner: LogFamily, relabel: (e: ServerLogEntry) => void): void {
    families.get(owner)!.n += this.n;
    from.n -= this.n;
    if (from.n === 0) families.delete(fromFamily);
    for (const e of this.kept) relabel(e);
  }
}
