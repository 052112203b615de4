/** Commands the desktop app runs without a window, with the CLI's semantics and exit codes. */
const HEADLESS = new Set(['apply-plan', 'rollback']);

export function headlessArgs(argv: readonly string[]): string[] | null {
  const args = argv.filter((a) => !a.startsWith('--inspect') && !a.startsWith('--remote-debugging'));
  if (args[0] && HEADLESS.has(args[0])) return [...args];
  return null;
}
