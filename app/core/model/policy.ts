import { corporateNetworkIssue, type CorporateNetworkIssue } from './corporate-network';
import * as z from './zod';

/** Finding ids of DESIGN.md: the stable keys of policies, reports and the UI. */
export const FINDING_IDS = [
  'route.vpn-default-route-wins',
  'route.vpn-network-unreachable',
  'route.duplicate-default-equal-metric',
  'route.persistent-route-stale',
  'route.lan-hidden-by-vpn',
  'ras.keep-connections-disabled',
  'logon.cached-credentials-silent',
  'lmhosts.lookup-disabled',
  'lmhosts.syntax',
  'lmhosts.missing-domain-entries',
  'ras.dun-too-old',
  'os.nt4-service-pack',
  'vpn.auth-mismatch',
  'vpn.encryption-mismatch',
  'vpn.gre-blocked',
  'vpn.server-unreachable',
  'vpn.credential-guard-mschapv2',
  'events.ras-error',
  // only a server's log shows these (README "Server-side evidence")
  'server.radius-unreachable',
  'server.ike-proposal-mismatch',
  'server.traffic-selector-mismatch',
  'server.ike-auth-failed',
  'server.address-pool',
  'server.ppp-setup-failed',
  'server.certificate-missing',
  'server.service-down',
  'server.tunnel-traffic-dropped',
] as const;

/** Why a string is not usable as a corporate network, in English (schemas, logs), or null when it is. */
export function corporateNetworkProblem(value: string): string | null {
  const issue = corporateNetworkIssue(value);
  return issue ? englishProblem(value, issue) : null;
}

function englishProblem(value: string, issue: CorporateNetworkIssue): string {
  switch (issue.reason) {
    case 'notCidr':
      return 'expected an IPv4 network in CIDR form with its network address, e.g. 10.13.1.0/24';
    case 'notPlain':
      return `${value}: expected an IPv4 network written plainly, e.g. 10.13.1.0/24`;
    case 'notNetworkAddress':
      return `expected an IPv4 network in CIDR form with its network address: ${value} is not one; did you mean ${issue.suggestion}?`;
    case 'wholeInternet':
      return `${value} is the whole Internet: routed through the VPN it would put the VPN's default route back. Name the company's own networks, e.g. 10.13.1.0/24`;
    case 'tooWide':
      return `${value} covers 1/${issue.share} of all addresses: routed through the VPN it would take Internet traffic too. Name the company's own networks (/${issue.minPrefix} or longer), e.g. 10.13.1.0/24`;
  }
}

/** What the corporate-network check puts in its issue's params, so policy-issues.ts words the problem in the person's language. */
export type PolicyRefineParams = { policyIssue: 'corporateNetwork'; reason: string; value: string; suggestion?: string; share?: number; minPrefix?: number };

export const CidrSchema = z.string().max(18).superRefine((value, ctx) => {
  const issue = corporateNetworkIssue(value);
  // the English sentence for IPC and logs; the reason and values for the policy file's words (policy-issues.ts)
  if (issue) ctx.addIssue({ code: 'custom', message: englishProblem(value, issue), params: { policyIssue: 'corporateNetwork', value, ...issue } satisfies PolicyRefineParams });
});

/** The risk levels of a fix, lowest first (Fix.risk in the report). */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The policy's own patterns (they are also the published JSON Schema's `pattern`s); policy-issues.ts words a mismatch by which one it was. */
export const POLICY_PATTERNS = {
  host: /^[A-Za-z0-9.:-]+$/,
  httpUrl: /^http:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[\x21-\x7e]*)?$/,
  hostPort: /^[A-Za-z0-9.-]{1,253}:\d{1,5}$/,
} as const;

const Host = z.string().min(1).max(253).regex(POLICY_PATTERNS.host, 'expected a host name or address');

export const PolicySchema = z
  .object({
    schemaVersion: z.literal(1),
    corporateNetworks: z.array(CidrSchema).optional(),
    vpnServers: z.array(Host).optional(),
    domain: z
      .object({
        netbiosName: z.string().min(1).max(15).optional(),
        dnsName: z.string().optional(),
        controllers: z.array(z.object({ name: z.string().min(1).max(15), address: z.ipv4() }).strict()).optional(),
      })
      .strict()
      .optional(),
    /** reachability checks around a fix (issue 15.1): the Internet URL and corporate host:port pairs */
    probes: z
      .object({
        internet: z.string().max(2048).regex(POLICY_PATTERNS.httpUrl, 'an http:// URL (plain HTTP, like Windows\' own connectivity test)').optional(),
        corporate: z.array(z.string().regex(POLICY_PATTERNS.hostPort, 'host:port, e.g. 10.13.1.10:53')).max(15).optional(),
        /** silent runs measure only when this is true (they contact the network without a person) */
        unattended: z.boolean().optional(),
      })
      .strict()
      .optional(),
    unattended: z
      .object({
        allow: z.array(z.enum(FINDING_IDS)),
        /** the highest fix risk applied without a person (default low): a riskier fix stays a finding */
        maxRisk: z.enum(RISK_LEVELS).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;
