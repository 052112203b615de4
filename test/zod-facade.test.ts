import * as classic from 'zod';
import { describe, expect, it } from 'vitest';
import * as facade from '../app/core/model/zod';
import { PolicySchema } from '../app/core/model/policy';
import { ActionSchema } from '../app/core/remedy/actions';

/**
 * app/core/model/zod.ts gives classic zod's builder API on zod/mini (CLI start-up, issue 16.2).
 * The same schema, built once with classic zod and once with the facade, must accept the same
 * values, return the same data and report the same issues (messages included) for every method the
 * facade offers.
 */
type Z = typeof classic;
const build = (z: Z) => {
  const Name = z.string().min(1).max(15).regex(/^[A-Z]/, 'starts with a capital');
  const Port = z.number().int().min(1).max(65535);
  return {
    name: Name,
    port: Port,
    counts: z.number().int().positive().optional(),
    offset: z.number().nonnegative().nullable(),
    list: z.array(Name).min(1).max(2),
    strict: z.object({ name: Name, port: Port.optional(), tags: z.array(z.string()).optional() }).strict(),
    loose: z.object({ schemaVersion: z.literal(1), codepage: z.number().int().positive().optional() }).passthrough(),
    stripped: z.object({ a: z.boolean(), b: z.unknown() }),
    refined: z.string().max(18).refine((s) => s.includes('/'), 'a CIDR'),
    superRefined: z
      .object({ from: Port, to: Port })
      .strict()
      .superRefine((v, ctx) => {
        if (v.to < v.from) ctx.addIssue({ code: 'custom', message: 'to before from', path: ['to'] });
      }),
    choice: z.enum(['pptp', 'l2tp']),
    map: z.record(z.string(), z.string()),
    either: z.union([z.string(), z.array(z.string()), z.number().int().nonnegative()]),
    tagged: z.discriminatedUnion('kind', [z.object({ kind: z.literal('a'), n: z.number() }).strict(), z.object({ kind: z.literal('b'), s: z.string() })]),
    address: z.ipv4(),
    anything: z.custom<string>((v) => typeof v === 'string' && v.length < 3),
    nullableId: z.number().int().nullable(),
  };
};

const VALUES: unknown[] = [
  undefined,
  null,
  0,
  -1,
  1.5,
  7,
  65536,
  Number.NaN,
  Infinity,
  '',
  'Abc',
  'abc',
  'A'.repeat(16),
  '10.0.0.0/8',
  '10.0.0.1',
  '300.1.1.1',
  true,
  [],
  ['Abc'],
  ['Abc', 'Def', 'Ghi'],
  [1],
  {},
  { name: 'Abc' },
  { name: 'Abc', port: 0, extra: 1 },
  { name: 'Abc', port: 80, tags: ['x'] },
  { schemaVersion: 1, codepage: 850, tool: 'x' },
  { schemaVersion: 2, codepage: -1 },
  { a: true, b: { deep: 1 }, c: 'dropped' },
  { from: 10, to: 5 },
  { from: 10, to: 20, x: 1 },
  'pptp',
  'sstp',
  { k: 'v' },
  { k: 1 },
  { kind: 'a', n: 1 },
  { kind: 'a', n: 1, s: 'x' },
  { kind: 'b', s: 'x', extra: true },
  { kind: 'c' },
];

const outcome = (schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: unknown } } }, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? { data: r.data } : { issues: r.error!.issues };
};

describe('zod facade (classic API on zod/mini)', () => {
  const a = build(classic);
  const b = build(facade as unknown as Z);
  it.each(Object.keys(a))('%s: same data and issues as classic zod', (key) => {
    for (const value of VALUES) {
      expect(outcome(b[key as keyof typeof b], value), JSON.stringify(value)).toEqual(outcome(a[key as keyof typeof a], value));
    }
  });

  it('a schema declared before its first use works inside others, used first on its own or through them', () => {
    const Inner = facade.string().min(2);
    const Holder = facade.object({ inner: Inner, list: facade.array(Inner).optional() }).strict();
    const Union = facade.union([Inner, facade.number().int()]);
    expect(Holder.safeParse({ inner: 'x' }).error?.issues.map((i) => i.path)).toEqual([['inner']]);
    expect(Inner.safeParse('xy').success).toBe(true);
    expect(Union.safeParse(1.5).success).toBe(false);
    expect(Holder.safeParse({ inner: 'xy', list: ['ab', 'c'] }).error?.issues.map((i) => i.path)).toEqual([['list', 1]]);
  });

  it('parse throws a ZodError-shaped error with the same issues', () => {
    expect(() => b.port.parse('x')).toThrow(/expected number, received string/);
  });

  it("the app's own schemas validate through it (policy file, fix actions)", () => {
    const bad = PolicySchema.safeParse({ corporateNetworks: ['10.0.0.0/33'], extra: 1 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.code)).toContain('unrecognized_keys');
    expect(ActionSchema.safeParse({ kind: 'nope' }).success).toBe(false);
  });
});
