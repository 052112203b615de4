import { describe, expect, it } from 'vitest';
import { archivedLogLabel, archivedPath } from './log-label';

describe('names of logs read out of an archive (untrusted: they reach a terminal and reports)', () => {
  it('a path keeps its folders with `/`, loses control characters (a terminal escape), a leading ./ or /, and is bounded', () => {
    expect(archivedPath('RRAS logs\\tracing\\PPP.LOG')).toBe('RRAS logs/tracing/PPP.LOG');
    expect(archivedPath('./var/log/syslog')).toBe('var/log/syslog');
    expect(archivedPath('/etc/../x\u001b[2J\u0007.log')).toBe('etc/../x_[2J_.log');
    expect(archivedPath('a'.repeat(500))).toHaveLength(200);
    expect(archivedPath('\u0000')).toBe('_');
    expect(archivedPath('')).toBe('file');
  });
  it('a label names the archive and the file\'s own name, whichever separator the archive wrote', () => {
    expect(archivedLogLabel('logs.zip', 'RRAS logs\\PPP.LOG')).toBe('logs.zip › PPP.LOG');
    expect(archivedLogLabel('logs.tar.gz', 'var/log/syslog')).toBe('logs.tar.gz › syslog');
  });
});
