import { problemMessage } from '../../i18n/problem-text';
import { describeName } from '../../parse/lmhosts';
import type { Action } from '../../remedy/actions';
import { buildFix } from '../../remedy/build-fix';
import { domainLines, hasDomainEntries, withDomainBlock, type DomainSpec } from '../../remedy/lmhosts-edit';
import { lmhostsOf } from '../../snapshot/registry-section';
import type { Evidence, Finding } from '../../model/report';
import type { DiagnoseContext } from '../context';
import { isDword, KEYS, planChange, readValue, valueEvidence, viewOf, withheldEvidence } from './registry-evidence';

/**
 * LMHOSTS rules (windows-reference.md §3). Over a PPTP/L2TP tunnel there is no WINS or broadcast
 * reaching the domain, so logon validation needs the DC preloaded with #PRE #DOM: and the domain's
 * <1B> name (KB Q180094, Q125856) — and LMHOSTS lookup switched on (EnableLMHOSTS).
 */

/** lmhosts.lookup-disabled: NetBT\Parameters\EnableLMHOSTS = 0 ("Enable LMHOSTS lookup" unticked). */
export function lmhostsLookupDisabled(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  const v = readValue(viewOf(snapshot), KEYS.netbt, 'EnableLMHOSTS');
  if (!isDword(v, 0)) return []; // absent = on (default, unverified); other values: NetBT treats non-zero as on
  const file = lmhostsOf(snapshot.lmhosts);
  const relevant = Boolean(ctx.policy?.domain) || (file?.file.entries.length ?? 0) > 0;
  const planned = planChange(v, 'REG_DWORD', 1);
  const set = planned.set;
  return [
    {
      id: 'lmhosts.lookup-disabled',
      severity: relevant ? 'warning' : 'info',
      title: t('lmhostsRules.lookupDisabled.title'),
      summary: t('lmhostsRules.lookupDisabled.summary', { count: file?.file.entries.length ?? 0 }),
      ifFixed: t('lmhostsRules.lookupDisabled.ifFixed'),
      evidence: [valueEvidence(v, ctx), ...withheldEvidence(v, planned, t)],
      fixes: set
        ? [
            buildFix(
              {
                id: 'lmhosts.lookup-disabled:enable',
                title: t('lmhostsRules.lookupDisabled.fix'),
                strength: 'lasting',
                risk: 'low',
                steps: [{ action: set, label: t('lmhostsRules.lookupDisabled.step') }],
                notes: [t('registryRules.rebootNote')],
                takesEffect: 'restart',
              },
              t,
            ),
          ]
        : [],
    },
  ];
}

/** lmhosts.syntax: every line NetBT would misread, with its number. */
export function lmhostsSyntax(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  const file = lmhostsOf(snapshot.lmhosts);
  if (!file || file.file.issues.length === 0) return [];
  const language = ctx.language ?? 'en';
  const lines = file.text.split(/\r\n|\n|\r/);
  const evidence: Evidence[] = file.file.issues.slice(0, 50).map((i) => ({
    source: file.source,
    ...(i.line ? { line: i.line } : {}),
    text: `${i.line ?? ''}: ${(lines[(i.line ?? 1) - 1] ?? '').trim().slice(0, 100)} — ${problemMessage(i, language)}`,
  }));
  if (file.file.issues.length > 50) evidence.push({ source: file.source, text: t('lmhostsRules.syntax.more', { count: file.file.issues.length - 50 }) });
  return [
    {
      id: 'lmhosts.syntax',
      severity: 'warning',
      title: t('lmhostsRules.syntax.title'),
      summary: t('lmhostsRules.syntax.summary', { count: file.file.issues.length }),
      evidence,
      fixes: [],
    },
  ];
}

/** NetBIOS names: 1–15 characters, none of \ / : * ? " < > | and no blanks. */
const NETBIOS = /^[^\\/:*?"<>|\s.][^\\/:*?"<>|\s]{0,14}$/;

/** lmhosts.missing-domain-entries: the DC line and the padded <1B> domain line of Q180094. */
export function lmhostsMissingDomainEntries(ctx: DiagnoseContext): Finding[] {
  const { snapshot, t } = ctx;
  const file = lmhostsOf(snapshot.lmhosts);
  if (!file) return []; // not collected: nothing to compare with
  const domain = ctx.policy?.domain;
  const controllers = domain?.controllers ?? [];
  const usable = domain?.netbiosName && NETBIOS.test(domain.netbiosName) && controllers.length > 0 && controllers.every((c) => NETBIOS.test(c.name));
  if (!domain?.netbiosName || !usable) {
    return [
      {
        id: 'lmhosts.missing-domain-entries',
        severity: 'info',
        title: t('lmhostsRules.missingDomain.askTitle'),
        summary: t(domain?.netbiosName ? 'lmhostsRules.missingDomain.askInvalid' : 'lmhostsRules.missingDomain.ask'),
        evidence: [{ source: 'policy', text: domain ? JSON.stringify(domain) : t('lmhostsRules.missingDomain.noPolicy') }],
        fixes: [],
      },
    ];
  }
  const spec: DomainSpec = { netbiosName: domain.netbiosName, controllers };
  const has = hasDomainEntries(file.file, spec);
  if (has.dcLines && has.domainLine) return [];
  const wanted = domainLines(spec);
  // no file yet (Windows ships only lmhosts.sam): the fix creates it with CRLF, as Windows writes
  const content = withDomainBlock(file.text, wanted, file.absent ? 'crlf' : file.file.lineEnding);
  const replace: Action = {
    kind: 'file.replace',
    path: { kind: 'lmhosts' },
    content,
    previous: file.text,
    encoding: file.encoding,
    lineEnding: file.absent ? 'crlf' : file.file.lineEnding,
    ...(file.absent ? { previousAbsent: true as const } : {}),
  };
  const evidence: Evidence[] = [
    { source: 'policy', text: t('evidence.policyDomain', { name: spec.netbiosName.toUpperCase(), controllers: controllers.map((c) => `${c.name} ${c.address}`).join(', ') }) },
    ...(file.absent ? [{ source: 'not-collected.txt', text: t('lmhostsRules.missingDomain.noFile') }] : []),
    ...(has.dcLines ? [] : [{ source: file.source, text: t('lmhostsRules.missingDomain.noDcLine', { line: wanted[0] }) }]),
    ...(has.domainLine ? [] : [{ source: file.source, text: t('lmhostsRules.missingDomain.noDomainLine', { line: wanted[wanted.length - 1] }) }]),
    ...file.file.entries
      .filter((e) => e.suffix === 0x1b || e.domain)
      .slice(0, 10)
      .map((e) => ({ source: file.source, line: e.line, text: `${e.address}  ${describeName(e)}${e.pre ? '  #PRE' : ''}${e.domain ? `  #DOM:${e.domain}` : ''}` })),
  ];
  const lookup = readValue(viewOf(snapshot), KEYS.netbt, 'EnableLMHOSTS');
  const notes = [t('lmhostsRules.missingDomain.backupNote')];
  if (isDword(lookup, 0)) notes.push(t('lmhostsRules.missingDomain.lookupOffNote'));
  return [
    {
      id: 'lmhosts.missing-domain-entries',
      severity: 'warning',
      title: t('lmhostsRules.missingDomain.title', { domain: spec.netbiosName.toUpperCase() }),
      summary: t('lmhostsRules.missingDomain.summary', { domain: spec.netbiosName.toUpperCase(), dc: controllers[0]!.name.toUpperCase() }),
      ifFixed: t('lmhostsRules.missingDomain.ifFixed', { domain: spec.netbiosName.toUpperCase() }),
      evidence: isDword(lookup, 0) ? [...evidence, valueEvidence(lookup, ctx)] : evidence,
      fixes: [
        buildFix(
          {
            id: 'lmhosts.missing-domain-entries:add',
            title: t('lmhostsRules.missingDomain.fix', { domain: spec.netbiosName.toUpperCase() }),
            strength: 'lasting',
            risk: 'low',
            // A reload on both sides of the edit: the rollback runs the inverses newest first, so it
            // too ends with a reload after the file is restored. The first step's label says so: a
            // reload before anything changed reads as a mistake otherwise.
            steps: [
              { action: { kind: 'nbtstat.reload' }, label: t('lmhostsRules.missingDomain.stepReloadBefore') },
              { action: replace, label: t('lmhostsRules.missingDomain.stepWrite', { lines: wanted.join(' | ') }) },
              { action: { kind: 'nbtstat.reload' }, label: t('lmhostsRules.missingDomain.stepReloadAfter') },
            ],
            notes,
          },
          t,
        ),
      ],
    },
  ];
}
