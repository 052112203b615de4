import type { FamilyState } from '../kit';
import type { ServerLogEntry } from '../types';

/**
 * A RasClient 20227 ("The user SYSTEM dialed a connection named AzureGateway which has failed. The error code returned on failure
 * is 809") in the log of an RRAS server whose demand-dial interface of that name failed too (RemoteAccess 20111 "A Demand Dial
 * connection to the remote interface AzureGateway on port VPN2-4 …", 20138, 20105): the server's own call to another router, which
 * RRAS dials through RasDial as SYSTEM — the 20227 is the same call seen by the RAS client (Microsoft Learn, "Troubleshoot an Azure
 * site-to-site VPN connection … RRAS": its Get-EventLog of the RasClient source shows the 20227 of the RRAS server's demand-dial
 * interface AzureGateway beside the RemoteAccess 20111 of it). It takes the site role the demand-dial event has (remote-access-
 * events.ts, rras.ts), so its advice is the two routers', not a PC's. Only by the name: SYSTEM alone also dials a PC's device tunnel.
 * The two events come in either order (the System and Application logs are read one after the other): the 20227s are kept by name
 * until a demand-dial event names their connection.
 */
interface Calls {
  interfaces: Set<string>;
  pending: Map<string, ServerLogEntry[]>;
}

const callsOf = (state: FamilyState): Calls => (state.demandDial ??= { interfaces: new Set(), pending: new Map() }) as Calls;
/**
 * Connection names and interface names remembered at once: a paste of many PCs' RasClient events holds a failure per attempt and no
 * demand-dial event — kept without a bound, each would stay in memory past the entries cap. Cleared when full (as the rule cache is).
 */
const MAX_NAMES = 256;
const MAX_PENDING_PER_NAME = 64;
/** a demand-dial event's text: the interface it names (mprlog.h "the remote interface %1", "Unable to load the interface %1") */
const NAMED_INTERFACE = /\bremote\s+interface\s+(\S+)|\bthe\s+interface\s+(\S+)\s+from\b/i;
const DEMAND_DIAL_TEXT_KEYS: ReadonlySet<string> = new Set(['rrasEventDemandDialFailed', 'rrasEventDemandDialFailedUnknown', 'rrasEventDemandDialNotLoaded', 'rrasEventDemandDialNotLoadedUnknown']);

const asSite = (e: ServerLogEntry): void => {
  for (const dd of e.decoded) if (dd.key === 'rasClientFailed') dd.values = { ...dd.values, role: 'site' };
};

/** Read one finished entry of the rras family: a failure only (every other entry returns at the first test). */
export function noteDemandDialCall(e: ServerLogEntry, state: FamilyState): void {
  if (e.outcome !== 'failure') return;
  for (const dd of e.decoded) {
    if (dd.key === 'rasClientFailed') {
      const name = dd.values?.entry;
      if (typeof name !== 'string' || name === '?') return;
      const calls = callsOf(state);
      if (calls.interfaces.has(name)) asSite(e);
      else {
        if (calls.pending.size >= MAX_NAMES && !calls.pending.has(name)) calls.pending.clear();
        const waiting = calls.pending.get(name) ?? [];
        if (waiting.length < MAX_PENDING_PER_NAME) calls.pending.set(name, [...waiting, e]);
      }
      return;
    }
    const name = dd.key === 'rrasDemandDialFailed' ? dd.values?.entry : DEMAND_DIAL_TEXT_KEYS.has(dd.key) ? (NAMED_INTERFACE.exec(e.text)?.slice(1).find(Boolean) ?? undefined) : undefined;
    if (typeof name === 'string' && name !== '?' && !name.startsWith('<')) {
      const calls = callsOf(state);
      if (calls.interfaces.size >= MAX_NAMES) calls.interfaces.clear();
      calls.interfaces.add(name);
      for (const p of calls.pending.get(name) ?? []) asSite(p);
      calls.pending.delete(name);
      return;
    }
  }
}
