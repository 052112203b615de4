/**
 * The prompt a pasted command line starts with, and what follows it: cmd's `C:\Users\x>`,
 * PowerShell's `PS C:\>` (its `PS>` as documentation and transcripts shorten it), a remote
 * session's `[host]: PS C:\>`, or a bare `>`. Any shell's prompt ends in `>` before the command;
 * a route row, a netsh row, a label or a heading never holds one. Shared by the route print and
 * netsh readers: people paste either with the same prompts around it.
 */
const SHELL_PROMPT = /^(?:\[[^\]]{1,64}\]:\s*)?(?:PS(?:\s+(?:[A-Za-z]:\\|\/|\\\\|[\w.\\]+::)[^>]{0,260})?|[A-Za-z]:\\[^>]{0,260})?>\s*/i;
/** A PROMPT a user set to a word (`prompt Cmd $G` prints `Cmd >`): a prompt only before a command below. */
const WORD_PROMPT = /^[A-Za-z][\w-]{0,30}\s?>\s*/;
/** Commands people run in the same console around the outputs read here (what a bare or word prompt must be followed by). */
export const CONSOLE_COMMAND = /^(?:route|netstat|ipconfig|ping|tracert|pathping|netsh|nslookup|arp|rasdial|reg|systeminfo|ver|echo|type|cls|powershell|cmd)(?:\.exe)?(?:\s|$)/i;

/** The command after a shell prompt (`''` for a prompt alone), or null when `t` (trimmed) starts with no prompt. */
export function afterPrompt(t: string): { command: string; path: boolean } | null {
  const shell = SHELL_PROMPT.exec(t);
  if (shell) return { command: t.slice(shell[0].length), path: shell[0].trimEnd().length > 1 };
  const word = WORD_PROMPT.exec(t);
  if (!word) return null;
  const command = t.slice(word[0].length);
  return CONSOLE_COMMAND.test(command) ? { command, path: false } : null;
}

/** A prompt line: one with a path (or PowerShell's) whatever follows it; a bare `>` or a word prompt only before a command. */
export function isPromptLine(t: string): boolean {
  const prompt = afterPrompt(t);
  return prompt !== null && (prompt.path || CONSOLE_COMMAND.test(prompt.command));
}
