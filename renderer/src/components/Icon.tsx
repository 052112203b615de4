/**
 * Inline SVG icons: they render the same on every Windows version and font set (emoji do not), and
 * need no extra CSP source. Always decorative: the words next to them carry the meaning.
 */
export type IconName = 'critical' | 'warning' | 'info' | 'check' | 'undo' | 'shield' | 'save' | 'clock' | 'lock' | 'home' | 'cross' | 'pending' | 'running' | 'logo';

const PATHS: Record<IconName, string> = {
  critical: 'M7.9 2h8.2L22 7.9v8.2L16.1 22H7.9L2 16.1V7.9zM12 7v6m0 3.5v.5',
  warning: 'M12 3 2 21h20zM12 10v5m0 3v.5',
  info: 'M12 2.5a9.5 9.5 0 1 0 0 19 9.5 9.5 0 0 0 0-19zM12 11v6m0-9.5V8',
  check: 'M4 12.5 9.5 18 20 6.5',
  undo: 'M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  shield: 'M12 2.5 4 5.5v6c0 5 3.4 8.6 8 10 4.6-1.4 8-5 8-10v-6z',
  save: 'M5 3h11l3 3v15H5zM8 3v5h7V3M8 21v-7h8v7',
  clock: 'M12 2.5a9.5 9.5 0 1 0 0 19 9.5 9.5 0 0 0 0-19zM12 7v5l3.5 2',
  lock: 'M6 10.5h12V21H6zM8.5 10.5V7a3.5 3.5 0 0 1 7 0v3.5',
  home: 'M3 11 12 3.5l9 7.5M5.5 9v11.5h13V9',
  cross: 'M6 6l12 12M18 6 6 18',
  pending: 'M12 3.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17z',
  running: 'M12 3.5a8.5 8.5 0 1 0 8.5 8.5',
  logo: 'M3 12h4l2-5 3.5 10 2.5-7 1.5 2H21',
};

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={`icon${className ? ` ${className}` : ''}`} viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
