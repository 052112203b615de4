import { createGunzip } from 'node:zlib';

/** What unpackGzip gave: the unpacked bytes, whether the packed ones broke off or were damaged, whether `grant` stopped it. */
export interface Unpacked {
  bytes: Buffer;
  damaged: boolean;
  cut: boolean;
}

/**
 * gzip bytes already in memory (a capture's `server-logs/syslog.2.gz`), unpacked through node:zlib's stream: members written
 * one after the other (`cat a.gz b.gz`) are read on, and a file cut short or damaged keeps what came before the damage
 * (`damaged`) — the one-shot gunzipSync either throws it all away or, with Z_SYNC_FLUSH, hides that the end is missing.
 * `grant(n)` is asked before each unpacked block is kept and answers how many of its n bytes may be (the reader's per-file and
 * per-capture limits count unpacked bytes, so a small file that unpacks to gigabytes stops there: `cut`).
 */
export async function unpackGzip(packed: Uint8Array, grant: (n: number) => number): Promise<Unpacked> {
  const gunzip = createGunzip();
  const blocks: Buffer[] = [];
  let damaged = false;
  let cut = false;
  gunzip.end(packed);
  try {
    for await (const block of gunzip as AsyncIterable<Buffer>) {
      const granted = grant(block.length);
      if (granted > 0) blocks.push(granted < block.length ? block.subarray(0, granted) : block);
      if (granted < block.length) {
        cut = true;
        break;
      }
    }
  } catch {
    damaged = true;
  } finally {
    gunzip.destroy();
  }
  return { bytes: Buffer.concat(blocks), damaged, cut };
}
