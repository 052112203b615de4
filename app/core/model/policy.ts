import ipaddr from 'ipaddr.js';
import { z } from 'zod';

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
] as const;

export const CidrSchema = z.string().refine((value) => {
  try {
    const [addr, prefix] = ipaddr.IPv4.parseCIDR(value);
    return ipaddr.IPv4.networkAddressFromCIDR(value).toString() === addr.toString() && prefix >= 0;
  } catch {
    return false;
  }
}, 'expected an IPv4 network in CIDR form with its network address, e.g. 10.13.1.0/24');

const Host = z.string().min(1).max(253).regex(/^[A-Za-z0-9.:-]+$/, 'expected a host name or address');

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
    unattended: z.object({ allow: z.array(z.enum(FINDING_IDS)) }).strict().optional(),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;

/** One line per bad field, with its JSON path, for the CLI (exit 4) and the UI. */
export function describePolicyIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`);
}
