/**
 * Limits the renderer needs at run time, in a module without zod or core code: importing a value
 * from ipc.ts would pull the whole contract (and the core it validates with, node:crypto included)
 * into the renderer bundle.
 */
export const MAX_SERVER_LOG_CHARS = 4 * 1024 * 1024;

/** Logs read from one tar archive at most (the CLI's and the paste box's); the rest are counted, so a tar of a whole /var/log stays bounded. */
export const MAX_ARCHIVE_LOGS = 64;
