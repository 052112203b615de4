import * as z from './zod';

/** The typed model of one machine (DESIGN.md "Report JSON" → snapshot). Additive changes only. */

/** a template's value: text or a whole number (line numbers, counts, sizes, exit codes) */
const ProblemValueSchema = z.union([z.string(), z.number().int()]);
const ProblemPartSchema = z.object({ code: z.string(), params: z.record(z.string(), ProblemValueSchema).optional() });

/** `message` is English; `code` names its template (app/core/i18n/*.json `problem`), `params` fill it, so a reader can show it in its own language. */
export const ProblemSchema = z.object({
  source: z.string(),
  line: z.number().int().positive().optional(),
  message: z.string(),
  code: z.string().optional(),
  /** a value is text or a number, or a text of its own (code and values) translated with it */
  params: z.record(z.string(), z.union([z.string(), z.number().int(), ProblemPartSchema])).optional(),
});

export const AddressSchema = z.object({ address: z.string(), prefixLength: z.number().int().min(0).max(128) });

export const InterfaceKindSchema = z.enum(['ethernet', 'wifi', 'ppp', 'vpn', 'loopback', 'other']);

export const InterfaceSchema = z.object({
  /** interface index (route print Interface List / netsh Idx); null when only ipconfig saw it */
  index: z.number().int().nullable(),
  name: z.string(),
  description: z.string(),
  kind: InterfaceKindSchema,
  mac: z.string().optional(),
  connected: z.boolean().optional(),
  ipv4: z.array(AddressSchema),
  ipv6: z.array(AddressSchema),
  gateways: z.array(z.string()),
  dnsServers: z.array(z.string()),
  interfaceMetric: z.number().int().optional(),
});

export const RouteSchema = z.object({
  family: z.union([z.literal(4), z.literal(6)]),
  destination: z.string(),
  prefixLength: z.number().int().min(0).max(128),
  netmask: z.string().optional(),
  /** null = on-link */
  gateway: z.string().nullable(),
  interfaceAddress: z.string().optional(),
  interfaceIndex: z.number().int().optional(),
  /** the number `route print` shows (Vista+: route metric + interface metric) */
  metric: z.number().int().nonnegative(),
  persistent: z.boolean(),
  /** file and 1-based line the route came from, for evidence */
  source: z.object({ file: z.string(), line: z.number().int(), text: z.string().optional() }).optional(),
});

export const PersistentRouteSchema = z.object({
  destination: z.string(),
  prefixLength: z.number().int(),
  netmask: z.string(),
  gateway: z.string(),
  /** null = "Default" */
  metric: z.number().int().nullable(),
});

export const OsSchema = z.object({
  family: z.enum(['win9x', 'nt4', 'nt5', 'nt6+', 'unknown']),
  name: z.string(),
  version: z.string().optional(),
  build: z.string().optional(),
  servicePack: z.string().optional(),
  language: z.string().optional(),
});

export const SnapshotSchema = z.object({
  os: OsSchema,
  hostname: z.string().optional(),
  interfaces: z.array(InterfaceSchema),
  routes: z.array(RouteSchema),
  persistentRoutes: z.array(PersistentRouteSchema),
  vpnProfiles: z.array(z.unknown()),
  registry: z.record(z.string(), z.unknown()),
  lmhosts: z.record(z.string(), z.unknown()),
  events: z.array(z.unknown()),
  /** file-versions.txt rows (rasapi32.dll, ndiswan.sys…): the RAS/DUN component versions */
  fileVersions: z.array(z.object({ path: z.string(), version: z.string(), description: z.string().optional(), line: z.number().int() })).optional(),
  /** TunnelMedic's own guard tasks (\\TunnelMedic\\…) from scheduled-tasks.csv; absent when that file was not collected */
  scheduledTasks: z.array(z.object({ name: z.string(), line: z.number().int() })).optional(),
  /** capture files: which were read, which were not collected */
  files: z.object({
    collected: z.array(z.string()),
    notCollected: z.array(z.string()),
    /**
     * classic outputs that were not collected and what was read in their place (present only then):
     * route-print.txt ← Get-NetRoute, netsh-interfaces.txt ← Get-NetIPInterface (powershell/*.json)
     */
    substitutes: z.array(z.object({ file: z.string(), readFrom: z.array(z.string()) })).optional(),
  }),
  problems: z.array(ProblemSchema),
});

export type Snapshot = z.infer<typeof SnapshotSchema>;
export type NetInterface = z.infer<typeof InterfaceSchema>;
export type Route = z.infer<typeof RouteSchema>;
export type PersistentRoute = z.infer<typeof PersistentRouteSchema>;
export type OsInfo = z.infer<typeof OsSchema>;
