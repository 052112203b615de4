import type { Envelope, IpcError, TunnelMedicApi } from '../../app/shared/ipc';

declare global {
  interface Window {
    /** put there by the preload (Electron) or the Playwright bridge; nothing else reaches main */
    tunnelmedic: TunnelMedicApi;
  }
}

export function api(): TunnelMedicApi {
  return window.tunnelmedic;
}

/** Thrown by `call` so screens can show code, message and detail exactly as main sent them. */
export class IpcFailure extends Error {
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

export async function call<T>(request: Promise<Envelope<T>>): Promise<T> {
  let envelope: Envelope<T>;
  try {
    envelope = await request;
  } catch (e) {
    throw new IpcFailure({ code: 'IPC_UNAVAILABLE', message: 'The app could not reach its engine.', detail: e instanceof Error ? e.message : String(e) });
  }
  if (!envelope.ok) throw new IpcFailure(envelope.error);
  return envelope.value;
}

export function asIpcError(e: unknown): IpcError {
  if (e instanceof IpcFailure) return e.error;
  return { code: 'RENDERER', message: e instanceof Error ? e.message : String(e) };
}
