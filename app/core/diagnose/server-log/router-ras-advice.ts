import type { TFunction } from 'i18next';
import type { SummaryPart } from '../../model/report';
import { RAS_ERRORS } from '../ras-errors';
import { saysSideOf, type WrittenBy } from './log-side';
import type { ServerLogEntry } from '../../parse/server-log/types';

/**
 * A Windows RAS error (the catalogue's code: 651, 678, 809 …) in a router's own log — an RRAS server's demand-dial call to another
 * router (RemoteAccess 20111, `role: 'site'`: remote-access-events.ts, rras.ts), or a log the report calls a dialling router's
 * (log-side.ts logWrittenBy) — is worded for the two routers, as causeAsSite words a refused log-in: the catalogue's causes and
 * remedies (ras-errors.ts, i18n rasErrors.codes) speak of a PC's VPN connection ("the profile", "on the PC", Device Manager of the
 * PC), which no one reading a router's log has. The code's meaning (its title) stays the catalogue's: raserror.h says the same on
 * either side. The advice is by the code's category (ras-errors.ts RasErrorCategory); a code not in the catalogue by 'unknown'.
 */
type RouterSide = 'site' | 'dialling';

const routerSideOf = (entry: ServerLogEntry, whose: WrittenBy | undefined): RouterSide | undefined => {
  if (whose === 'dialling-router') return 'dialling';
  return saysSideOf(entry, whose) === 'site' ? 'site' : undefined;
};

/** The advice parts for a catalogue code in a router's log (what the log is, then what to check on the two routers), or undefined for any other log. */
export function routerRasAdvice(entry: ServerLogEntry, whose: WrittenBy | undefined, code: number, t: TFunction): SummaryPart[] | undefined {
  const side = routerSideOf(entry, whose);
  if (!side) return undefined;
  const category = RAS_ERRORS.get(code)?.category ?? 'unknown';
  return [
    { kind: 'advice', text: t(`serverLog.rasErrorAsRouter.${side}`) },
    { kind: 'advice', text: t(`serverLog.rasErrorAsRouter.category.${category}`, { code }) },
  ];
}
