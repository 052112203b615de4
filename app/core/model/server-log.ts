import * as z from './zod';

/**
 * A server-side log as the report carries it (additive to report schemaVersion 1): the counts that
 * account for every line, the decoded entries in the report's language and the lines not understood.
 */

export const ServerLogEntryReportSchema = z.object({
  line: z.number().int(),
  endLine: z.number().int(),
  family: z.string(),
  /** as the log gives it: "2026-11-18 09:12:03", "11-18 09:12:03" or "09:12:03" */
  time: z.string().optional(),
  session: z.string().optional(),
  peer: z.string().optional(),
  user: z.string().optional(),
  text: z.string(),
  /** what the line means, in the report's language */
  decoded: z.string(),
  outcome: z.enum(['failure', 'warning', 'success', 'info']),
  cause: z.string().optional(),
  code: z.number().int().optional(),
});

export const ServerLogReportSchema = z.object({
  source: z.string(),
  verdict: z.enum(['ok', 'empty', 'binary', 'windows-event-log', 'packet-capture', 'route-print', 'ipconfig', 'tunnelmedic-capture', 'tunnelmedic-report', 'systeminfo', 'phonebook', 'registry', 'netsh-interfaces', 'powershell-network', 'network-test', 'vpn-status', 'not-a-log']),
  /** one sentence about the input as a whole (the verdict, or "N of M lines understood") */
  message: z.string(),
  lines: z.number().int(),
  blank: z.number().int(),
  records: z.number().int(),
  understood: z.number().int(),
  unknown: z.number().int(),
  families: z.record(z.string(), z.number().int()),
  entries: z.array(ServerLogEntryReportSchema),
  unknownLines: z.array(z.object({ line: z.number().int(), endLine: z.number().int(), text: z.string(), family: z.string().optional() })),
  /** entries or unknown lines were capped (the counts stay exact) */
  truncated: z.boolean(),
  newestFirst: z.boolean().optional(),
  /**
   * Whose log it is, when its lines say it is not a server's (diagnose/server-log/log-side.ts logWrittenBy): a router's own log as
   * the side that dials (its ISP or VPN link), a Windows PC's own (RAS tracing), another client's (pppd, rp-pppoe, xl2tpd as a LAC,
   * strongSwan or Libreswan that initiated: a Linux PC, a modem or a router alike), or a router's in a site-to-site tunnel. Absent:
   * a server's log, or lines that do not say.
   */
  writtenBy: z.enum(['dialling-router', 'dialling-pc', 'dialling-side', 'site-router']).optional(),
});

export type ServerLogReport = z.infer<typeof ServerLogReportSchema>;
export type ServerLogEntryReport = z.infer<typeof ServerLogEntryReportSchema>;
