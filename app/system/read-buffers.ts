/**
 * Buffers for reading large capture files, kept from one read to the next.
 *
 * A 200 000-route capture's route print is 15 MB. Read into a fresh Buffer each time, the kernel's
 * copy into it and the ASCII check after it touched 15 MB of memory never touched before: every
 * 4 KiB page a fault, and a rescan in the same process (the app verifies a fix by scanning again)
 * paid them all again, since the last scan's Buffer was still waiting for the garbage collector.
 * Read into a kept buffer, the read took 1.5 ms instead of 45 and the check 0.6 ms instead of 17
 * (bench/scan.bench.ts row "1 scan 200 000 routes", measured on this project's Linux VM). Small
 * files are not worth it: they come from Node's own pools.
 *
 * A lent buffer is the caller's until it gives it back: the bytes are decoded into a string (a
 * copy, see core/capture/decode.ts) and then given back. A buffer is kept only while nothing is
 * lent out of it, at most `keep` of them, and all are dropped after `idleMs` without a read, so an
 * idle app does not hold them.
 */
export class ReadBuffers {
  private readonly free: Buffer[] = [];
  private readonly lent = new Set<ArrayBufferLike>();
  private idle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** sizes below this are not lent (the caller allocates) */
    private readonly min: number,
    private readonly keep: number,
    private readonly idleMs: number,
  ) {}

  /** `size` bytes of a kept buffer (or of a new one that will be kept), or undefined below `min`. */
  take(size: number): Buffer | undefined {
    if (size < this.min) return undefined;
    let at = this.free.findIndex((b) => b.length >= size);
    // none big enough: the largest free one is replaced by a larger one (no more than `keep` buffers)
    if (at < 0) {
      if (this.free.length >= this.keep) this.free.shift();
      this.free.push(Buffer.allocUnsafeSlow(roundUp(size)));
      at = this.free.length - 1;
    }
    const buffer = this.free.splice(at, 1)[0]!;
    this.lent.add(buffer.buffer);
    return buffer.subarray(0, size);
  }

  /** Gives back the buffer `bytes` lies in, if it is one of these (anything else is left alone). */
  give(bytes: Uint8Array): void {
    if (!this.lent.delete(bytes.buffer)) return;
    if (this.free.length < this.keep) this.free.push(Buffer.from(bytes.buffer));
    clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      this.free.length = 0;
    }, this.idleMs);
    this.idle.unref?.();
  }
}

const MiB = 1024 * 1024;
/** whole MiB, so a file a little larger than the last one still fits a kept buffer */
const roundUp = (size: number) => Math.ceil(size / MiB) * MiB;
