import type * as classic from 'zod';
import * as mini from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * zod as every schema of the app uses it: classic zod's builder API (`z.string().max(15).optional()`)
 * on top of zod/mini, with `jitless`.
 *
 * Why mini underneath (issue 16.2, CLI start-up): classic zod gives every schema the whole method
 * set, JSON Schema conversion included, so the CLI compiled and evaluated ~130 KB of zod before
 * `scan` could start; mini keeps only the schema kinds and checks the app builds. Both run the same
 * validation core (zod/v4/core) with the same English messages, so what passes, what fails and the
 * issue messages are the same either way (test/zod-facade.test.ts compares them with classic zod).
 *
 * Why jitless: by default zod compiles a fast parser for each object schema the first time it parses
 * one (generated source, `new Function`); the CLI parses a policy, a capture's metadata and a handful
 * of sections once each per run, so there is nothing for the compiled parsers to win back, and a
 * renderer under a Content-Security-Policy without 'unsafe-eval' cannot use them anyway. zod reads
 * the setting when a schema is built, so every schema module imports `z` from here.
 *
 * The types are classic zod's (`z.infer`, `z.ZodError`, …). Only the builders and methods below
 * exist at run time: a value import of anything else from here does not type-check (`export type *`),
 * and a classic method the facade does not give (`.email()`, `.toJSONSchema()`) fails when its
 * schema is built, at module load, which every test run hits.
 */
mini.config({ ...en(), jitless: true });

export type * from 'zod';
export { config } from 'zod/mini';

type AnySchema = mini.ZodMiniType;
type Params = Parameters<typeof mini.string>[0];
type Method = (this: AnySchema, ...args: never[]) => AnySchema;

const wrap = <S extends AnySchema>(schema: S, methods: Record<string, Method>): S => Object.assign(schema, methods, COMMON);

/** Methods every classic schema has (the ones the app calls). */
const COMMON: Record<string, Method> = {
  optional(this: AnySchema) {
    return wrap(mini.optional(this), {});
  },
  nullable(this: AnySchema) {
    return wrap(mini.nullable(this), {});
  },
  refine(this: AnySchema, fn: (v: unknown) => unknown, params?: Params) {
    return rewrap(this, mini.refine(fn, params as never));
  },
  superRefine(this: AnySchema, fn: Parameters<typeof mini.superRefine>[0]) {
    return rewrap(this, mini.superRefine(fn));
  },
};

/** `schema.check(c)` clones the schema; the clone gets the same methods as the original. */
const methodsOf = new WeakMap<AnySchema, Record<string, Method>>();
function rewrap(schema: AnySchema, check: unknown): AnySchema {
  const methods = methodsOf.get(schema) ?? {};
  const next = wrap(schema.check(check as mini.core.$ZodCheck<unknown>), methods);
  methodsOf.set(next, methods);
  return next;
}
const kind = <S extends AnySchema>(schema: S, methods: Record<string, Method>): S => {
  methodsOf.set(schema, methods);
  return wrap(schema, methods);
};

const STRING: Record<string, Method> = {
  min(this: AnySchema, n: number, params?: Params) {
    return rewrap(this, mini.minLength(n, params as never));
  },
  max(this: AnySchema, n: number, params?: Params) {
    return rewrap(this, mini.maxLength(n, params as never));
  },
  regex(this: AnySchema, re: RegExp, params?: Params) {
    return rewrap(this, mini.regex(re, params as never));
  },
};
const ARRAY: Record<string, Method> = { min: STRING.min!, max: STRING.max! };
const NUMBER: Record<string, Method> = {
  int(this: AnySchema, params?: Params) {
    return rewrap(this, mini.int(params as never) as never);
  },
  min(this: AnySchema, n: number, params?: Params) {
    return rewrap(this, mini.gte(n, params as never));
  },
  max(this: AnySchema, n: number, params?: Params) {
    return rewrap(this, mini.lte(n, params as never));
  },
  positive(this: AnySchema, params?: Params) {
    return rewrap(this, mini.gt(0, params as never));
  },
  nonnegative(this: AnySchema, params?: Params) {
    return rewrap(this, mini.gte(0, params as never));
  },
};
/** classic's `.strict()` / `.passthrough()`: the same object with unknown keys refused / kept */
const OBJECT: Record<string, Method> = {
  strict(this: AnySchema) {
    return objectWith(this, mini.never());
  },
  passthrough(this: AnySchema) {
    return objectWith(this, mini.unknown());
  },
};
const objectWith = (schema: AnySchema, catchall: AnySchema) => kind(schema.clone({ ...schema._zod.def, catchall } as never), OBJECT);

/**
 * Every schema is built when it is first used (a parse, or a schema that holds it being built), not
 * when its module loads: the CLI's modules declare ~330 schemas (fix actions, run journals, IPC
 * contracts, …) and a `scan` parses with a dozen of them. A deferred schema answers zod's own
 * reads through `_zod`, so it can sit inside other schemas and be handed to zod's functions as is.
 */
class Deferred {
  #make: (() => AnySchema) | undefined;
  #real: AnySchema | undefined;
  constructor(make: () => AnySchema) {
    this.#make = make;
  }
  real(): AnySchema {
    if (!this.#real) {
      this.#real = this.#make!();
      this.#make = undefined;
    }
    return this.#real;
  }
  get _zod(): AnySchema['_zod'] {
    return this.real()._zod;
  }
  safeParse(data: unknown, params?: unknown) {
    return this.real().safeParse(data, params as never);
  }
  parse(data: unknown, params?: unknown) {
    return this.real().parse(data, params as never);
  }
}
for (const name of new Set([...Object.keys(COMMON), ...Object.keys(STRING), ...Object.keys(NUMBER), ...Object.keys(OBJECT)])) {
  Object.defineProperty(Deferred.prototype, name, {
    value(this: Deferred, ...args: unknown[]) {
      return new Deferred(() => (this.real() as unknown as Record<string, (...a: unknown[]) => AnySchema>)[name]!(...args));
    },
  });
}
const deferred =
  <A extends unknown[]>(build: (...args: A) => AnySchema) =>
  (...args: A) =>
    new Deferred(() => build(...args));

// the builders the app calls, typed as classic zod's
export const string = deferred((params?: Params) => kind(mini.string(params), STRING)) as unknown as typeof classic.string;
export const number = deferred((params?: Params) => kind(mini.number(params as never), NUMBER)) as unknown as typeof classic.number;
export const boolean = deferred((params?: Params) => kind(mini.boolean(params as never), {})) as unknown as typeof classic.boolean;
export const unknown = deferred(() => kind(mini.unknown(), {})) as unknown as typeof classic.unknown;
export const array = deferred((element: AnySchema, params?: Params) => kind(mini.array(element, params as never), ARRAY)) as unknown as typeof classic.array;
export const object = deferred((shape: Record<string, AnySchema>, params?: Params) => kind(mini.object(shape, params as never), OBJECT)) as unknown as typeof classic.object;
export const record = deferred((key: AnySchema, value: AnySchema, params?: Params) => kind(mini.record(key as never, value, params as never), {})) as unknown as typeof classic.record;
export const literal = deferred((value: never, params?: Params) => kind(mini.literal(value, params as never), {})) as unknown as typeof classic.literal;
const enumOf = deferred((values: never, params?: Params) => kind(mini.enum(values, params as never), {})) as unknown as typeof classic.enum;
export { enumOf as enum };
export const union = deferred((options: AnySchema[], params?: Params) => kind(mini.union(options as never, params as never), {})) as unknown as typeof classic.union;
export const discriminatedUnion = deferred((key: string, options: AnySchema[], params?: Params) =>
  kind(mini.discriminatedUnion(key, options as never, params as never), {}),
) as unknown as typeof classic.discriminatedUnion;
export const ipv4 = deferred((params?: Params) => kind(mini.ipv4(params as never), STRING)) as unknown as typeof classic.ipv4;
export const custom = deferred((fn?: (v: unknown) => unknown, params?: Params) => kind(mini.custom(fn, params as never), {})) as unknown as typeof classic.custom;
