import { describe, expect, it } from 'vitest';
import { readRepoText, repoFiles } from './support/repo-files';
import { parseServerLog } from '../app/core/parse/server-log';
import type { Cause, LogFamily } from '../app/core/parse/server-log/types';

/**
 * README's "Per log family: what is decoded, which findings it can give" table names, per family, the findings its logs can give.
 * Held to the real logs for the causes checked here: every family whose real log gives the cause must name its finding in its row
 * (the row found by how it begins). A family that learns a cause and a README that does not say so fails here.
 */
const README = readRepoText('README.md').split('\n');
/** each family's row, by the words it begins with */
const ROW_START: Partial<Record<LogFamily, string>> = {
  strongswan: '| strongSwan charon',
  libreswan: '| Libreswan / Openswan pluto',
  ios: '| Cisco IOS / IOS-XE',
  asa: '| Cisco ASA',
  mikrotik: '| MikroTik RouterOS',
  fortigate: '| FortiGate',
  sonicwall: '| SonicWall',
  junos: '| Juniper SRX / Junos',
  racoon: "| racoon (ipsec-tools'",
};
const rowOf = (family: LogFamily): string | undefined => {
  const start = ROW_START[family];
  return start ? README.find((l) => l.startsWith(start)) : undefined;
};
const CHECKED: readonly [Cause, string][] = [['traffic-selector-mismatch', 'server.traffic-selector-mismatch']];

describe("README's per-family rows name the findings the families' real logs give", () => {
  const dir = 'test/fixtures/real/server-logs';
  const givers = new Map<string, Set<LogFamily>>();
  for (const name of repoFiles(dir).filter((n) => n.endsWith('.txt'))) {
    for (const e of parseServerLog(readRepoText(`${dir}/${name}`), name).entries) {
      const checked = CHECKED.find(([cause]) => cause === e.cause);
      if (checked) (givers.get(checked[1]) ?? givers.set(checked[1], new Set()).get(checked[1])!).add(e.family);
    }
  }
  it.each(CHECKED.map(([, id]) => id))('%s', (id) => {
    const families = [...(givers.get(id) ?? [])].sort();
    // (the real logs give it from several families: a table that lost them all would pass vacuously)
    expect(families.length).toBeGreaterThanOrEqual(4);
    for (const family of families) {
      const row = rowOf(family);
      expect(row, `README has no row for family ${family}`).toBeDefined();
      expect(row!.includes(`\`${id}\``), `README's ${family} row does not name ${id}`).toBe(true);
    }
  });
});
