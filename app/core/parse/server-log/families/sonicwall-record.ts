import { d, step, type FamilyState, type Hit } from '../kit';
import type { Prefixed } from '../prefix';
import type { LogTime } from '../types';
import { readFields } from './fortigate-fields';
import { eventText, l2tpLoginFailed, pppLoginFailed } from './sonicwall-events';

/**
 * SonicOS syslog (and enhanced syslog) records: key=value fields after the syslog header, `id=firewall sn=<serial>
 * time="2019-05-13 11:24:49" fw=<wan ip> pri=<0-7> c=<category bits> m=<event id> msg="<text>" n=<count> src=ip:port:iface
 * dst=ip:port:iface [usr="name"] …` (SonicOS Log Event Reference Guide, "Index of Syslog Tag Field Description"; the shape as
 * elastic/beats' pipeline and the SIEM parsers of the search index read it). Decoded by the event id `m=` where the reference
 * lists it (sonicwall-events.ts), else by `msg`.
 */
const HEAD = /^id=[\w-]+ sn=\S+ /;
const EVENT_ID = / m=(\d+)(?=\s|$)/;

/** whether a message is a SonicOS key=value record (the first characters first: this runs for records no other family claimed) */
export const isSonicOsRecord = (message: string): boolean => message.charCodeAt(0) === 105 /* i */ && message.startsWith('id=') && HEAD.test(message) && EVENT_ID.test(message);

/** events whose meaning is their id's, whatever the text (a translated or reworded msg): SonicOS 6.5.1 Log Events Reference Guide */
const BY_ID: ReadonlyMap<number, () => Hit> = new Map([
  [139, () => step('swXauthOk', undefined, 'success')],
  [140, (): Hit => ({ decoded: [d('xauthFailed')], outcome: 'failure', cause: 'xauth-rejected' })],
  [289, () => step('swPppAuthOk', undefined, 'success')],
  [290, () => pppLoginFailed('PAP')],
  [291, () => pppLoginFailed('CHAP')],
  [292, () => pppLoginFailed('MS-CHAP')],
  [311, () => l2tpLoginFailed('RADIUS/LDAP')],
  [312, () => l2tpLoginFailed('local')],
  [344, () => l2tpLoginFailed('local')],
  [318, () => step('swL2tpAuthOk', { where: 'local' }, 'success')],
  [319, () => step('swL2tpAuthOk', { where: 'RADIUS/LDAP' }, 'success')],
  [336, () => step('swL2tpTunnelDeleted')],
  [212, () => step('swL2tpClientAuthFailed', undefined, 'warning')],
  [67, () => step('swEspAuthFailed', undefined, 'warning')],
  [1388, () => step('swEspDecryptFailed', undefined, 'warning')],
]);

/** `time="2019-05-13 11:24:49"` (SonicOS 6 may add ` UTC`): the firewall's own time */
function timeOf(value: string | undefined): LogTime | undefined {
  const m = value?.match(/^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)/);
  return m ? { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! } : undefined;
}

/** a SonicOS record decoded: by its id, else its text; any other event is read and said to be none TunnelMedic knows as a VPN step */
export function sonicOsRecord(message: string, pre: Prefixed, state: FamilyState): Hit {
  const fields = readFields(message);
  const id = Number(fields.get('m'));
  const text = fields.get('msg') ?? '';
  const hit = BY_ID.get(id)?.() ?? eventText(text, pre, state) ?? step('swOtherRecord', { id: fields.get('m') ?? '?', msg: text || '-' });
  const time = timeOf(fields.get('time'));
  if (time) hit.time = time;
  const user = fields.get('usr') ?? fields.get('user');
  if (user && hit.user === undefined) hit.user = user;
  return hit;
}
