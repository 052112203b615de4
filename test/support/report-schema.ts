import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { expect } from 'vitest';

/** The committed, published schemas (app/shared/schema), compiled once with ajv's 2020-12 build. */
const schemaDir = join(import.meta.dirname, '..', '..', 'app', 'shared', 'schema');
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addFormat('ipv4', /^(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])$/);

export const reportSchema = JSON.parse(readFileSync(join(schemaDir, 'report.schema.json'), 'utf8'));
export const policySchema = JSON.parse(readFileSync(join(schemaDir, 'policy.schema.json'), 'utf8'));
export const validateReportJson = ajv.compile(reportSchema);
export const validatePolicyJson = ajv.compile(policySchema);

/** Asserts that a report (object or JSON text) validates against report.schema.json; returns it. */
export function expectValidReport(report: unknown): Record<string, unknown> {
  const value = typeof report === 'string' ? JSON.parse(report) : report;
  const ok = validateReportJson(value);
  expect(ok ? [] : validateReportJson.errors!.map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  return value as Record<string, unknown>;
}
