import { POLICY_PATTERNS, type PolicyRefineParams } from './policy';
import type * as z from './zod';

/**
 * What is wrong in a policy file, one catalogue text per problem (`policyIssue.*`, with the field's
 * JSON path), so the CLI words it in the person's language: a Dutch run said "Het beleidsbestand …
 * is ongeldig:" above zod's English ("Too big: expected string to have <=15 characters"). zod's
 * issues are read by their code and values (zod/v4/core's issue shapes), never by their message;
 * an issue this does not know keeps zod's English message, behind its path.
 */
export interface PolicyIssueText {
  key: string;
  /** `path`: the field's JSON path, or the catalogue's words for the file's top level */
  params: Record<string, string | number | { key: string }>;
}

/** which of the policy's patterns a mismatch is, by the pattern zod reports (its source text) */
const PATTERN_NAMES = new Map(Object.entries(POLICY_PATTERNS).map(([name, re]) => [String(re), name]));

const quoted = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

export function policyIssueTexts(error: z.ZodError): PolicyIssueText[] {
  return error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.join('.') : { key: 'policyIssue.topLevel' };
    const at = (key: string, params: Record<string, string | number> = {}): PolicyIssueText => ({ key: `policyIssue.${key}`, params: { path, ...params } });
    switch (issue.code) {
      case 'custom': {
        const p = issue.params as PolicyRefineParams | undefined;
        if (p?.policyIssue === 'corporateNetwork') {
          const { policyIssue: _, reason, ...values } = p;
          return at(`corporateNetwork.${reason}`, values as Record<string, string | number>);
        }
        break;
      }
      case 'invalid_type':
        return at('type', { expected: String(issue.expected) });
      case 'too_big':
        return at(issue.origin === 'string' ? 'tooLong' : issue.origin === 'array' ? 'tooMany' : 'tooBig', { limit: Number(issue.maximum) });
      case 'too_small':
        return at(issue.origin === 'string' ? 'tooShort' : issue.origin === 'array' ? 'tooFew' : 'tooSmall', { limit: Number(issue.minimum) });
      case 'invalid_value':
        return issue.values.length === 1 ? at('exactly', { value: quoted(issue.values[0]) }) : at('oneOf', { values: issue.values.map(quoted).join(', ') });
      case 'unrecognized_keys':
        return at('unknownFields', { fields: issue.keys.map(quoted).join(', ') });
      case 'invalid_format':
        if (issue.format === 'ipv4') return at('ipv4');
        if (issue.format === 'regex' && PATTERN_NAMES.has(String(issue.pattern))) return at(PATTERN_NAMES.get(String(issue.pattern))!);
        break;
    }
    return at('other', { message: issue.message });
  });
}
