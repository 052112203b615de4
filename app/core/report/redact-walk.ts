/**
 * Every string and object key of a JSON-like value through `text` and `key` (redact.ts's
 * Redactor.value). The input is never changed; an array or plain object in which nothing changed
 * is returned as it is, not copied (most of a big report: 40 000 route objects whose addresses are
 * private), the others are new.
 */
export function mapStrings<T>(input: T, text: (s: string) => string, key: (k: string) => string): T {
  // for…in lists a plain object's keys as Object.keys does (same order) when no prototype adds
  // enumerable ones, without an array per object (a big report has 45 000 objects)
  let prototypeListsKeys = false;
  for (const _ in Object.prototype) prototypeListsKeys = true;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) continue;
        const x = walk(v[i]);
        if (out) out[i] = x;
        else if (x !== v[i]) (out = v.slice())[i] = x;
      }
      return out ?? v;
    }
    if (v && typeof v === 'object') {
      const proto = Object.getPrototypeOf(v) as unknown;
      const plain = proto === Object.prototype || proto === null;
      const from = v as Record<string, unknown>;
      if (proto === null || (plain && !prototypeListsKeys)) {
        let out: Record<string, unknown> | null = null;
        let j = 0;
        for (const k in from) {
          const renamed = key(k);
          const was = from[k];
          const x = walk(was);
          if (!out && (renamed !== k || x !== was)) {
            out = {};
            let m = 0;
            for (const earlier in from) {
              if (m++ === j) break;
              setOwn(out, earlier, from[earlier]);
            }
          }
          if (out) setOwn(out, renamed, x);
          j++;
        }
        return out ?? v;
      }
      // the same walk by Object.keys, for objects whose prototype (or Object.prototype, changed)
      // lists keys for…in would show too; a class instance always becomes a plain copy
      const keys = Object.keys(from);
      // (a loop, not Object.fromEntries(Object.entries(…)): a big report has 40 000 such objects)
      let out: Record<string, unknown> | null = plain ? null : {};
      for (let j = 0; j < keys.length; j++) {
        const k = keys[j]!;
        const renamed = key(k);
        const was = from[k];
        const x = walk(was);
        if (!out && (renamed !== k || x !== was)) {
          out = {};
          for (let m = 0; m < j; m++) setOwn(out, keys[m]!, from[keys[m]!]);
        }
        if (out) setOwn(out, renamed, x);
      }
      return out ?? v;
    }
    return v;
  };
  return walk(input) as T;
}

/** out[key] = value, "__proto__" included (as an own property, as JSON.parse makes it) */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
