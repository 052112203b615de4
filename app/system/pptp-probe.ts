import { Socket } from 'node:net';
import type { TcpProbe } from '../core/diagnose/pptp-path';

/**
 * The live half of the PPTP path check: one TCP connect to the VPN server's control port (1723)
 * with a timeout. It sends nothing and closes at once. It only runs when the caller passes the
 * person's consent, because it contacts a server on the network (DESIGN.md: nothing happens unasked).
 */
export const PPTP_CONTROL_PORT = 1723;

export async function probeTcp(host: string, opts: { consent: true; port?: number; timeoutMs?: number }): Promise<TcpProbe> {
  if (opts.consent !== true) throw new Error('probeTcp needs the person\'s consent');
  const port = opts.port ?? PPTP_CONTROL_PORT;
  const timeoutMs = opts.timeoutMs ?? 3_000;
  const started = Date.now();
  return new Promise<TcpProbe>((resolve) => {
    const socket = new Socket();
    let settled = false;
    const done = (state: TcpProbe['state'], error?: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ host, port, state, ms: Date.now() - started, ...(error ? { error } : {}) });
    };
    socket.setTimeout(timeoutMs, () => done('timeout'));
    socket.once('connect', () => done('open'));
    socket.once('error', (e: NodeJS.ErrnoException) => done(e.code === 'ECONNREFUSED' ? 'refused' : e.code === 'ETIMEDOUT' ? 'timeout' : 'error', e.code ?? e.message));
    socket.connect({ host, port });
  });
}
