/** Where the CLI writes: stdout for results, stderr for progress and messages (silent under --json/--quiet). */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  /** stdout is a terminal: `--json` is indented for reading; otherwise compact (smaller, faster, less memory) */
  stdoutIsTerminal?: boolean;
  /** asks a yes/no question on a terminal; never called when !isTTY */
  confirm: (question: string) => Promise<boolean>;
  env: NodeJS.ProcessEnv;
}

export const EXIT = { healthy: 0, findings: 1, rolledBack: 2, rollbackFailed: 3, usage: 4, collection: 5 } as const;
