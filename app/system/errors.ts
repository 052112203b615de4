/* kept free of the i18n catalogue: the CLI loads this at start-up; error-text.ts words errors */
import type { Say } from '../shared/engine-port';

/** Errors with a meaning for the CLI's exit codes (DESIGN.md): usage/bad input = 4, live collection = 5. */
export class UsageError extends Error {
  readonly exitCode = 4;
  constructor(message: string, readonly say?: Say) {
    super(message);
    this.name = 'UsageError';
  }
}

export class CollectionError extends Error {
  readonly exitCode = 5;
  constructor(message: string, readonly say?: Say) {
    super(message);
    this.name = 'CollectionError';
  }
}

