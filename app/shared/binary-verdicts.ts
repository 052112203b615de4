/**
 * The server-log verdicts (core's InputVerdict) of a file that is not text: one list for the archive reader, which leaves such a
 * file out of an archive's logs (app/system/server-log-archive.ts), and the paste box, which does not show its bytes
 * (renderer/src/lib/server-log-store.ts) — the renderer sees only app/shared.
 */
export const isBinaryVerdict = (verdict: string): boolean => verdict === 'binary' || verdict === 'windows-event-log' || verdict === 'packet-capture';
