import { CAPTURE_FILES, type Capture } from './capture/capture';
import { looksBinary } from './capture/decode';
import { parseFileVersions } from './parse/file-versions';
import { parsePbk } from './parse/pbk';
import { pbkEntryToProfile } from './parse/pbk-entry';
import { parseSysteminfoOs } from './parse/systeminfo-os';
import { parseVpnConnection } from './parse/vpnconnection';
import { parseRasEvents } from './parse/wevtutil';
import type { Problem } from './problems';
import type { SnapshotSectionReader } from './snapshot-sections';
import type { VpnProfile } from './vpn-profile';

/** Snapshot sections of the VPN/RAS capability: profiles, RasClient events, OS service pack, file versions. */

function texts(capture: Capture, problems: Problem[], pick: (name: string) => boolean): { name: string; text: string }[] {
  return [...capture.files.values()]
    .filter((f) => pick(f.name))
    .flatMap((f) => {
      if (looksBinary(f.text)) {
        problems.push({ source: f.name, message: 'binary data, not text' });
        return [];
      }
      return [{ name: f.name, text: f.text }];
    });
}

/** pbk/*.pbk and the Get-VpnConnection files among powershell/* → snapshot.vpnProfiles. */
export const readVpnProfiles: SnapshotSectionReader = (capture, problems) => {
  const profiles: VpnProfile[] = [];
  for (const f of texts(capture, problems, (n) => /^pbk\/.+\.pbk$/i.test(n))) {
    const r = parsePbk(f.text, f.name);
    problems.push(...r.problems);
    profiles.push(...r.value.entries.map((e) => pbkEntryToProfile(e, f.name)));
  }
  for (const f of texts(capture, problems, (n) => n.startsWith('powershell/'))) {
    const r = parseVpnConnection(f.text, f.name);
    // Get-NetRoute & co. belong to other readers; only a file named for VPN must be VPN profiles
    if (r.value.recognised || /vpn/i.test(f.name)) problems.push(...r.problems);
    if (!r.value.recognised && /vpn/i.test(f.name)) problems.push({ source: f.name, message: 'named like Get-VpnConnection output but holds no VPN profile (no Name/ServerAddress)' });
    profiles.push(...r.value.profiles);
  }
  return { vpnProfiles: profiles };
};

/** rasclient-events.txt → snapshot.events (typed RasClient events, ras-event.ts). */
export const readRasEvents: SnapshotSectionReader = (capture, problems) => {
  const [f] = texts(capture, problems, (n) => n === CAPTURE_FILES.rasEvents);
  if (!f) return {};
  const r = parseRasEvents(f.text, f.name);
  problems.push(...r.problems);
  return { events: r.value };
};

/**
 * file-versions.txt → snapshot.fileVersions; the service pack from systeminfo (XP+) or the
 * CSDVersion value in a registry export (NT4 has no systeminfo; `ver` never shows the SP).
 */
export const readRasOs: SnapshotSectionReader = (capture, problems, base) => {
  const out: ReturnType<SnapshotSectionReader> = {};
  const [fv] = texts(capture, problems, (n) => n === CAPTURE_FILES.fileVersions);
  if (fv) {
    const r = parseFileVersions(fv.text, fv.name);
    problems.push(...r.problems);
    out.fileVersions = r.value;
  }
  let os = base.os;
  const [si] = texts(capture, problems, (n) => n === CAPTURE_FILES.systeminfo);
  const info = si ? parseSysteminfoOs(si.text) : null;
  if (si && !info) problems.push({ source: si.name, message: 'no OS version line ("6.3.9600 N/A Build 9600" shape) found in systeminfo output' });
  if (info) {
    const major = Number(info.version.split('.')[0]);
    const family = os.family !== 'unknown' ? os.family : major >= 6 ? 'nt6+' : major === 5 ? 'nt5' : major === 4 ? 'nt4' : 'unknown';
    os = { ...os, family, name: os.family === 'unknown' && info.name ? info.name : os.name, version: os.version ?? info.version.split('.').slice(0, 2).join('.'), build: os.build ?? info.build, ...(info.servicePack ? { servicePack: info.servicePack } : {}) };
  }
  if (!os.servicePack) {
    for (const f of texts(capture, problems, (n) => n.startsWith('registry/'))) {
      const sp = /"CSDVersion"\s*=\s*"([^"]*)"/i.exec(f.text)?.[1] ?? /^\s*CSDVersion\s+REG_SZ\s+(.+?)\s*$/im.exec(f.text)?.[1];
      if (sp) {
        os = { ...os, servicePack: sp };
        break;
      }
    }
  }
  if (os !== base.os) out.os = os;
  return out;
};
