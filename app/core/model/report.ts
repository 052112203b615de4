import * as z from './zod';
import { ActionSchema } from '../remedy/actions';
import { SnapshotSchema } from './snapshot';
import { ServerLogReportSchema } from './server-log';

/** Findings and the report JSON of DESIGN.md (schemaVersion 1, additive changes only). */

export const SeveritySchema = z.enum(['critical', 'warning', 'info']);

export const EvidenceSchema = z.object({
  /** capture file (e.g. "route-print.txt") or "policy" / "analysis" */
  source: z.string(),
  text: z.string(),
  line: z.number().int().optional(),
});

export const FixSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** "now": lost when the VPN reconnects; "lasting": survives reconnects (profile level) */
  strength: z.enum(['now', 'lasting']).optional(),
  requiresAdmin: z.boolean(),
  risk: z.enum(['low', 'medium', 'high']),
  /** when the change takes effect, when not at once: the UI asks for a restart only for 'restart' */
  takesEffect: z.enum(['now', 'logoff', 'restart']).optional(),
  /** what the person will see change, one line per step, in the report's language */
  steps: z.array(z.string()),
  actions: z.array(ActionSchema),
  rollbackActions: z.array(ActionSchema),
  script: z.object({
    /** the fix script in the machine's shell dialect: a .cmd, or a COMMAND.COM .bat when `dialect` is command-com */
    cmd: z.string(),
    rollbackCmd: z.string(),
    /** fix.ps1 / rollback.ps1: only where that Windows runs them (PowerShell 4+ and NetTCPIP: 8.1 / 2012 R2 and later) */
    ps1: z.string().optional(),
    rollbackPs1: z.string().optional(),
    /** why fix.ps1 is not offered for that machine, in the report's language (issue 11.6) */
    ps1Unavailable: z.string().optional(),
    /** absent: cmd.exe of Windows 2000 and later; cmd-nt4: NT 4.0's cmd.exe; command-com: Windows 9x, a .bat */
    dialect: z.enum(['cmd-nt4', 'command-com']).optional(),
  }),
});

/** "Which route wins and why" for one destination: the explanation the UI and CLI show. */
export const RouteDecisionSchema = z.object({
  target: z.string(),
  label: z.string(),
  winner: z
    .object({
      destination: z.string(),
      prefixLength: z.number().int(),
      gateway: z.string().nullable(),
      interfaceName: z.string().optional(),
      interfaceKind: z.string().optional(),
      metric: z.number().int(),
      line: z.number().int().optional(),
    })
    .nullable(),
  viaTunnel: z.boolean(),
  reason: z.string(),
});

/**
 * A summary cut where its subject changes, so a screen can show it as paragraphs rather than one block (a server-log
 * finding: the PC's own explanation, what the server's log says, what to do on the PC or ask its administrator, how
 * the two sides' lines were matched). Always `summary === parts.map((p) => p.text).join(' ')`: readers that know only
 * `summary` lose nothing (additive, report schemaVersion 1).
 */
export const SummaryPartSchema = z.object({
  kind: z.enum(['finding', 'logSays', 'advice', 'matched']),
  text: z.string(),
});

export const FindingSchema = z.object({
  id: z.string(),
  severity: SeveritySchema,
  title: z.string(),
  summary: z.string(),
  parts: z.array(SummaryPartSchema).optional(),
  /** what changes for the person if they apply the fix */
  ifFixed: z.string().optional(),
  evidence: z.array(EvidenceSchema),
  decisions: z.array(RouteDecisionSchema).optional(),
  fixes: z.array(FixSchema),
});

export const RunSchema = z.object({
  id: z.string(),
  applied: z.array(z.string()),
  verified: z.boolean(),
  rolledBack: z.boolean(),
  journal: z.string().optional(),
  message: z.string().optional(),
  /** reachability measured before and after the change (issue 15.1), when the person allowed it */
  probes: z
    .object({
      before: z.object({ at: z.string(), results: z.array(z.object({ id: z.string(), ok: z.boolean(), ms: z.number(), detail: z.string() })) }),
      after: z.object({ at: z.string(), results: z.array(z.object({ id: z.string(), ok: z.boolean(), ms: z.number(), detail: z.string() })) }).optional(),
      /** targets that answered before and not after: why the change was put back */
      broken: z.array(z.string()),
    })
    .optional(),
});

export const ReportSchema = z.object({
  schemaVersion: z.literal(1),
  tool: z.object({ name: z.literal('tunnelmedic'), version: z.string() }),
  generatedAt: z.string(),
  source: z.enum(['live', 'capture', 'demo']),
  language: z.string().optional(),
  snapshot: SnapshotSchema,
  findings: z.array(FindingSchema),
  run: RunSchema.optional(),
  /** server-side logs read with the capture (explain-log, scan --server-log, capture server-logs/) */
  serverLogs: z.array(ServerLogReportSchema).optional(),
});

export type Severity = z.infer<typeof SeveritySchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type Fix = z.infer<typeof FixSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type SummaryPart = z.infer<typeof SummaryPartSchema>;

/** A finding's summary as paragraphs: its parts, or the summary as one (the CLI, the HTML report). */
export const summaryParagraphs = (f: Pick<Finding, 'summary' | 'parts'>): string[] => (f.parts?.length ? f.parts.map((p) => p.text) : [f.summary]);
export type RouteDecision = z.infer<typeof RouteDecisionSchema>;
export type Run = z.infer<typeof RunSchema>;
export type Report = z.infer<typeof ReportSchema>;

/** Fix ids are `<finding id>:<name>` (e.g. route.vpn-default-route-wins:split-now). */
export const findingIdOfFix = (fixId: string): string => fixId.split(':')[0]!;
