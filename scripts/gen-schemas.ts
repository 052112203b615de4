import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CidrSchema, PolicySchema } from '../app/core/model/policy';
import { ReportSchema } from '../app/core/model/report';

/**
 * `npm run gen:schemas`: the published JSON Schemas (2020-12) of the report and the policy file,
 * generated from the zod types, so the two cannot drift (test/schemas.test.ts compares the committed
 * files with a fresh generation). Refinements JSON Schema cannot express (a CIDR's network address)
 * get a pattern for the shape and a description; the CLI still checks the rest.
 */
export const SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'app', 'shared', 'schema');
const BASE = 'https://tunnelmedic.org/schema';

type JsonSchema = Record<string, unknown>;

function generate(schema: z.ZodType, meta: { id: string; title: string; description: string }): JsonSchema {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === CidrSchema) {
        Object.assign(ctx.jsonSchema, {
          pattern: '^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/([89]|[12][0-9]|3[0-2])$',
          description: 'IPv4 network in CIDR form with its network address, prefix /8 or longer (0.0.0.0/0 would route all traffic through the VPN), e.g. 10.13.1.0/24',
        });
      }
    },
  }) as JsonSchema;
  const { $schema, ...rest } = json;
  return { $schema, $id: `${BASE}/${meta.id}`, title: meta.title, description: meta.description, ...rest };
}

export function generateSchemas(): Record<string, JsonSchema> {
  return {
    'report.schema.json': generate(ReportSchema, {
      id: 'report.schema.json',
      title: 'TunnelMedic report',
      description: 'What `tunnelmedic scan --json` prints and `--out` writes (schemaVersion 1; later versions only add fields).',
    }),
    'policy.schema.json': generate(PolicySchema, {
      id: 'policy.schema.json',
      title: 'TunnelMedic policy file',
      description: 'The file given with --policy: corporate networks, VPN servers, domain, and the findings whose fixes may run unattended. Unknown keys are errors.',
    }),
  };
}

export function schemaFileText(schema: JsonSchema): string {
  return JSON.stringify(schema, null, 2) + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [name, schema] of Object.entries(generateSchemas())) {
    writeFileSync(join(SCHEMA_DIR, name), schemaFileText(schema));
    console.log(`wrote app/shared/schema/${name}`);
  }
}
