/** Reads, decodes and splits every file under `dir`; returns the number of lines. */
export function bareRead(dir: string): number;
