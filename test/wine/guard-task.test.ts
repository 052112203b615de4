import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { guardTaskName, guardTaskXml } from '../../app/core/remedy/guard-task';
import { renderCmd } from '../../app/core/remedy/render-cmd';
import { scriptCompanions } from '../../app/core/remedy/render-registry';
import { inverseOfTaskAction, taskXmlBytes, type TaskCreate } from '../../app/core/remedy/task-actions';
import { describeWine, disposeWinePrefix, runCmdScript, runDetachedIo, wineAvailable, winePrefix } from './harness';

/**
 * The guard's install and removal steps as the generated .cmd runs them, against Wine's own
 * schtasks.exe and task store (Wine implements schtasks /Create /XML, /Query /TN and /Delete /F).
 * Wine's task parser is lenient, so the XML itself is checked against the schema elsewhere
 * (app/core/remedy/guard-task.test.ts); here the command lines, the companion file and the
 * state-based judgement are what is tested.
 */
afterAll(disposeWinePrefix);

/**
 * Wine's task service (schedsvc, behind RPC) does not come up in a prefix whose wineserver was
 * started before `wineboot` (the harness does that for speed): schtasks then creates nothing.
 * A restarted wineserver starts the services on demand, and then the store works.
 */
beforeAll(async () => {
  if (!wineAvailable) return;
  const p = await winePrefix();
  // (awaited, not spawnSync: a synchronous minute of Wine starting up under load stalls the test worker's event loop)
  await runDetachedIo('wineserver', ['-k'], p.env, 60_000).catch(() => undefined);
  await runDetachedIo('wineserver', ['-p'], p.env, 60_000).catch(() => undefined);
  // warm up: the first schtasks after a restart may time out while the services start
  const warm: TaskCreate = { ...create, name: '\\TunnelMedic\\warm-up' };
  writeFileSync(join(p.work, 'warm-up.xml'), taskXmlBytes(warm.xml));
  for (let i = 0; i < 6 && !(await taskExists(warm.name)); i++) {
    await runDetachedIo('wine', ['schtasks', '/Create', '/TN', warm.name, '/XML', 'C:\\tm\\warm-up.xml'], p.env, 30_000).catch(() => undefined);
  }
  if (!(await taskExists(warm.name))) throw new Error('Wine\'s task service did not start: schtasks /Create stored nothing.');
}, 200_000);

const connection = 'Corp VPN & Co (100%)';
const create: TaskCreate = { kind: 'task.create', name: guardTaskName(connection), connection, xml: guardTaskXml({ connection, program: 'C:\\windows\\system32\\cmd.exe' }) };

/** Wine keeps a task as the file system32\tasks\<path>, like Windows (its schtasks /Query is a stub). */
async function taskExists(name: string): Promise<boolean> {
  const p = await winePrefix();
  return existsSync(join(p.system32, 'tasks', ...name.split('\\').filter(Boolean)));
}

async function removeTaskFile(name: string): Promise<void> {
  const p = await winePrefix();
  rmSync(join(p.system32, 'tasks', ...name.split('\\').filter(Boolean)), { force: true });
}

async function withCompanions(actions: TaskCreate[]): Promise<void> {
  const p = await winePrefix();
  for (const c of scriptCompanions(actions)) writeFileSync(join(p.work, c.name), c.bytes);
}

describeWine('guard task scripts under Wine schtasks.exe', () => {
  it('the fix installs the task and the undo removes it; both judged by the task store', async () => {
    await withCompanions([create]);
    await removeTaskFile(create.name); // a retry starts from a clean store
    expect(await taskExists(create.name)).toBe(false);
    const fix = await runCmdScript(renderCmd({ title: 'guard', steps: [{ label: 'install', action: create }] }));
    expect(fix.stderr).not.toMatch(/failed/);
    expect(fix.exitCode).toBe(0);
    expect(await taskExists(create.name)).toBe(true);
    const undo = await runCmdScript(renderCmd({ title: 'undo guard', steps: [{ label: 'remove', action: inverseOfTaskAction(create) }] }));
    expect(undo.exitCode).toBe(0);
    expect(await taskExists(create.name)).toBe(false);
  }, 120_000);

  it('a missing companion file means no task, and the script says the step failed', async () => {
    const name = 'Other VPN';
    const other: TaskCreate = { kind: 'task.create', name: guardTaskName(name), connection: name, xml: guardTaskXml({ connection: name, program: 'C:\\windows\\system32\\cmd.exe' }) };
    const fix = await runCmdScript(renderCmd({ title: 'guard', steps: [{ label: 'install', action: other }] }));
    expect(fix.exitCode).toBe(1);
    expect(fix.stderr).toMatch(/step 1 failed/);
    expect(await taskExists(other.name)).toBe(false);
  });

  it('removing a task that is already gone is judged by state: nothing left means done', async () => {
    const undo = await runCmdScript(renderCmd({ title: 'undo guard', steps: [{ label: 'remove', action: inverseOfTaskAction(create) }] }));
    expect(undo.exitCode).toBe(0);
  });
});
