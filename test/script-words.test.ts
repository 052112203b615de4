import { describe, expect, it } from 'vitest';
import en from '../app/core/i18n/en.json';
import nl from '../app/core/i18n/nl.json';
import { engineT, ENGINE_LANGUAGES } from '../app/core/i18n';
import { RouteActionSchema, type Action } from '../app/core/remedy/actions';
import { renderBat9x } from '../app/core/remedy/render-bat-9x';
import { renderCmd, type ScriptSpec } from '../app/core/remedy/render-cmd';
import { renderCmdNt4 } from '../app/core/remedy/render-cmd-nt4';
import { renderPs1 } from '../app/core/remedy/render-ps1';
import { fixScripts } from '../app/core/remedy/build-fix';
import { cmdMessage, fillTemplate, psExpandedMessage, SCRIPT_MESSAGES, scriptWords, templateOf, type ScriptMessage, type ScriptWords, type Template } from '../app/core/remedy/script-words';
import type { ScriptMachine } from '../app/core/remedy/script-machine';

/**
 * What generated scripts say on their own follows the report's language (script-words.ts): the
 * Dutch report's scripts said "all 3 steps done" and "step 2 failed" in English under Dutch titles.
 * The catalogue texts stay printable ASCII (cmd.exe and COMMAND.COM read scripts in the OEM code
 * page) and name only the slots the renderers fill.
 */

const CATALOGUES = { en, nl } as const;
const slotsOf = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const ROUTES: Action[] = [
  { kind: 'route.delete', destination: '0.0.0.0', netmask: '0.0.0.0', gateway: '10.13.1.200', interfaceIndex: 31, previousMetric: 1 },
  { kind: 'route.add', destination: '10.13.1.0', netmask: '255.255.255.0', gateway: '10.13.1.200', metric: 1, interfaceIndex: 31 },
].map((a) => RouteActionSchema.parse(a));
const LMHOSTS: Action[] = [
  { kind: 'file.replace', path: { kind: 'lmhosts' }, previous: 'a\r\n', content: 'a\r\nb\r\n', encoding: 'cp850', lineEnding: 'crlf' },
  { kind: 'nbtstat.reload' } as Action,
];
const machine = (generation: ScriptMachine['generation']): ScriptMachine => ({ generation, interfaces: [{ index: 31, address: '10.13.1.200' }] });
const spec = (steps: Action[], words?: ScriptWords): ScriptSpec => ({ title: 'TunnelMedic: t', steps: steps.map((action) => ({ action, label: action.kind })), ...(words ? { words } : {}) });

/** every English scaffolding sentence the renderers had before they took words */
const ENGLISH = ['steps done', 'failed;', 'failed:', 'does not show the change', 'was not touched', 'is missing', 'not found.', 'did not take effect', 'nothing was changed'];

describe('script words', () => {
  it('each language has every message, printable ASCII, naming only slots the English text has', () => {
    for (const lang of ENGINE_LANGUAGES) {
      const msg = (CATALOGUES[lang].script as { msg: Record<string, string> }).msg;
      for (const key of [...SCRIPT_MESSAGES, 'undoTitle', 'fleetTitle_one', 'fleetTitle_other', 'nothing']) {
        const text = msg[key];
        expect(text, `${lang} ${key}`).toBeTypeOf('string');
        expect(text, `${lang} ${key}`).toMatch(/^[\x20-\x7e]+$/);
        // a translation may leave a slot out (Dutch drops the route check's internal present/absent), never add one
        const english = slotsOf((en.script.msg as Record<string, string>)[key]!);
        for (const slot of slotsOf(text!)) expect(english, `${lang} ${key} {{${slot}}}`).toContain(slot);
      }
    }
  });

  it('Dutch scripts say their own messages in Dutch, in every dialect; English ones are unchanged', () => {
    const nlWords = scriptWords(engineT('nl'));
    const rendered = [
      renderCmd(spec([...ROUTES, ...LMHOSTS], nlWords), machine('nt6+')),
      renderCmdNt4(spec([...ROUTES, ...LMHOSTS], nlWords), machine('nt4')),
      renderBat9x(spec(ROUTES, nlWords), machine('win9x')),
      renderPs1(spec([...ROUTES, ...LMHOSTS], nlWords)),
    ];
    for (const script of rendered) {
      expect(script).toMatch(/alle (?:4|2) stappen zijn gedaan\./);
      for (const english of ENGLISH) expect(script).not.toContain(english);
    }
    expect(rendered[0]).toContain('>&2 echo TunnelMedic: stap %TM_STEP% is mislukt; de stappen daarna zijn niet uitgevoerd.');
    expect(rendered[0]).toContain('(>&2 echo TunnelMedic: "%TM_FILE%" is gewijzigd sinds het nakijken; het is niet aangeraakt.& exit /b 1)');
    expect(rendered[3]).toContain('throw "TunnelMedic: stap $Step is mislukt: de routetabel toont de wijziging niet; de stappen daarna zijn niet uitgevoerd."');
    expect(rendered[3]).toContain("throw 'TunnelMedic: nbtstat -R is mislukt.'");

    const english = renderCmd(spec([...ROUTES, ...LMHOSTS]), machine('nt6+'));
    expect(english).toContain('echo TunnelMedic: all 4 steps done.\r\n');
    expect(english).toContain('>&2 echo TunnelMedic: step %TM_STEP% failed; the steps after it were not run.\r\n');
    expect(english).toContain('>&2 echo TunnelMedic: the route table does not show the change (%TM_WANT%: %TM_D% mask %TM_K% via %TM_G%).\r\n');
  });

  it("a fix's scripts follow the language of the t they were made with, rollback title included", () => {
    const steps = ROUTES.map((action) => ({ action, label: action.kind }));
    const nlScripts = fixScripts({ id: 'route.x', title: 'x', steps }, engineT('nl'), machine('nt6+'));
    expect(nlScripts.rollbackCmd).toContain('echo TunnelMedic: route.x terugdraaien\r\n');
    expect(nlScripts.cmd).toContain('alle 2 stappen zijn gedaan.');
    const enScripts = fixScripts({ id: 'route.x', title: 'x', steps }, engineT('en'), machine('nt6+'));
    expect(enScripts.rollbackCmd).toContain('echo TunnelMedic: undo route.x\r\n');
  });

  it("undo labels read from one template per language say what i18next says for each label", () => {
    const labels = ['Remove the VPN default route', 'a {{step}} b', '$t(fix.splitNow)', '100% & "q" (x)', '', 'ü → ✓', '{{', 'a\nb'];
    for (const lang of ENGINE_LANGUAGES) {
      const t = engineT(lang);
      for (const label of labels) expect(scriptWords(t).undoStep(label), `${lang} ${JSON.stringify(label)}`).toBe(t('fix.step.undo', { step: label }));
    }
  });

  it("a translation's metacharacters are escaped for each shell, and a slot no renderer fills is refused", () => {
    const hostile: Template = templateOf('100% & del x ) "q" $env:x `b ^ <y> ! \u0001step\u0002 done');
    // each message: the metacharacters, then its own English slots (a renderer fills only those)
    const english = scriptWords(engineT('en')).messages;
    const messages = Object.fromEntries(SCRIPT_MESSAGES.map((k) => [k, [hostile[0]!, ...english[k]]])) as unknown as Record<ScriptMessage, Template>;
    messages.stepFailed = hostile;
    const words: ScriptWords = { messages, undoTitle: (id) => `undo ${id}`, undoStep: (label) => label };
    expect(cmdMessage(words, 'stepFailed', { step: '%TM_STEP%' })).toBe('TunnelMedic: 100%% ^& del x ) ^"q^" $env:x `b ^^ ^<y^> ^! %TM_STEP% done');
    expect(cmdMessage(words, 'stepFailed', { step: '%TM_STEP%' }, true)).toBe('TunnelMedic: 100%% ^& del x ^) ^"q^" $env:x `b ^^ ^<y^> ^! %TM_STEP% done');
    expect(psExpandedMessage(words, 'stepFailed', { step: '$Step' })).toBe('"TunnelMedic: 100% & del x ) `"q`" `$env:x ``b ^ <y> ! $Step done"');
    // the rendered scripts still pass their own checks (ASCII, line lengths, 9x's 127 characters)
    expect(() => renderCmd(spec([...ROUTES, ...LMHOSTS], words), machine('nt6+'))).not.toThrow();
    expect(() => renderBat9x(spec(ROUTES, words), machine('win9x'))).not.toThrow();
    expect(() => fillTemplate(templateOf('\u0001nope\u0002'), { step: '1' }, (l) => l)).toThrow(/nope/);
  });
});
