import { CAPTURE_FILES, type Capture } from '../capture/capture';
import { looksBinary } from '../capture/decode';
import { parseFileVersions } from '../parse/file-versions';
import { parsePbk } from '../parse/pbk';
import { pbkEntryToProfile } from '../parse/pbk-entry';
import { parseVpnConnection } from '../parse/vpnconnection';
import { ANY_LINE, copyProblems, undoCopyDamage } from '../parse/pasted-copy';
import { parseRasEvents } from '../parse/wevtutil';
import { problemAt, type Problem } from '../model/problems';
import { pushAll, type SnapshotSectionReader } from './section-reader';
import type { VpnProfile } from '../model/vpn-profile';

/** Snapshot sections of the VPN/RAS capability: profiles, RasClient events, OS service pack, file versions. */

function texts(capture: Capture, problems: Problem[], pick: (name: string) => boolean): { name: string; text: string }[] {
  return [...capture.files.values()]
    .filter((f) => pick(f.name))
    .flatMap((f) => {
      if (looksBinary(f.text)) {
        problems.push(problemAt(f.name, undefined, 'snapshot.binaryText'));
        return [];
      }
      return [{ name: f.name, text: f.text }];
    });
}

/** pbk/*.pbk and the Get-VpnConnection files among powershell/* → snapshot.vpnProfiles. */
export const readVpnProfiles: SnapshotSectionReader = (capture, problems, _base, language) => {
  const profiles: VpnProfile[] = [];
  for (const f of texts(capture, problems, (n) => /^pbk\/.+\.pbk$/i.test(n))) {
    const r = parsePbk(f.text, f.name);
    pushAll(problems, r.problems);
    pushAll(profiles, r.value.entries.map((e) => pbkEntryToProfile(e, f.name, language)));
  }
  for (const f of texts(capture, problems, (n) => n.startsWith('powershell/'))) {
    // Get-VpnConnection's list view is pasted as often as route print (pasted-copy.ts)
    const undone = undoCopyDamage(f.text, { atColumnZero: ANY_LINE });
    pushAll(problems, copyProblems(f.name, undone.repairs));
    const r = parseVpnConnection(undone.text, f.name, language);
    // Get-NetRoute & co. belong to other readers; only a file named for VPN must be VPN profiles
    if (r.value.recognised || /vpn/i.test(f.name)) pushAll(problems, r.problems);
    if (!r.value.recognised && /vpn/i.test(f.name)) problems.push(problemAt(f.name, undefined, 'snapshot.noVpnProfile'));
    pushAll(profiles, r.value.profiles);
  }
  return { vpnProfiles: profiles };
};

/** rasclient-events.txt → snapshot.events (typed RasClient events, ras-event.ts). */
export const readRasEvents: SnapshotSectionReader = (capture, problems) => {
  const [f] = texts(capture, problems, (n) => n === CAPTURE_FILES.rasEvents);
  if (!f) return {};
  const r = parseRasEvents(f.text, f.name);
  pushAll(problems, r.problems);
  return { events: r.value };
};

/** file-versions.txt → snapshot.fileVersions (RASAPI32.DLL, NDISWAN.SYS… for DUN and NT4 rules). */
export const readFileVersions: SnapshotSectionReader = (capture, problems) => {
  const [fv] = texts(capture, problems, (n) => n === CAPTURE_FILES.fileVersions);
  if (!fv) return {};
  const r = parseFileVersions(fv.text, fv.name);
  pushAll(problems, r.problems);
  return { fileVersions: r.value };
};
