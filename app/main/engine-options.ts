/**
 * Which machine the window diagnoses: this one (live, Windows only), a capture folder given with
 * `--capture DIR`, or the bundled demo machine everywhere else. Pure, so it is unit-testable.
 */
export interface EngineChoice {
  source: 'demo' | 'live' | 'capture';
  captureDir?: string;
  policyFile?: string;
}

export function chooseEngineSource(argv: readonly string[], platform: string): EngineChoice {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i >= 0 && argv[i + 1] && !argv[i + 1]!.startsWith('--')) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`${flag}=`));
    return eq?.slice(flag.length + 1);
  };
  const policyFile = value('--policy');
  const base = policyFile ? { policyFile } : {};
  const captureDir = value('--capture');
  if (captureDir) return { source: 'capture', captureDir, ...base };
  if (argv.includes('--demo') || platform !== 'win32') return { source: 'demo', ...base };
  return { source: 'live', ...base };
}
