import { engineT, pickLanguage } from '../../core/i18n';
import { interpretPptpPath } from '../../core/diagnose/pptp-path';
import { rasEventsOf } from '../../core/model/ras-event';
import { UsageError } from '../../system/errors';
import { resolveInput, scanInput } from '../../system/input';
import { probeTcp, PPTP_CONTROL_PORT } from '../../system/pptp-probe';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { inputOptions } from './shared';

/**
 * The PPTP path check: one TCP connect from THIS machine to the server's control port, read
 * together with the RasClient events of the input. It contacts the network, so it runs only when
 * the person names the server (`--server` is the consent); nothing else in TunnelMedic does.
 */
export async function checkPptpCommand(values: CliValues, io: CliIo): Promise<number> {
  const server = values.server;
  if (!server || !/^[A-Za-z0-9.:-]{1,253}$/.test(server)) throw new UsageError('check-pptp needs --server HOST (the VPN server to test from this computer)');
  const port = values.port === undefined ? PPTP_CONTROL_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port ${values.port}: expected 1–65535`);
  const language = pickLanguage(values.lang);
  // the events explain what the probe alone cannot: a connect that works while GRE does not
  const input = values.demo || values.capture || process.platform === 'win32' ? await resolveInput(inputOptions(values, io)).catch(() => null) : null;
  const events = input ? rasEventsOf((await scanInput(input, language)).report.snapshot.events) : [];
  if (!values.quiet && !values.json) io.stderr(`Connecting to ${server} port ${port} (TCP)…\n`);
  const probe = await probeTcp(server, { consent: true, port, timeoutMs: 3_000 });
  const reading = interpretPptpPath(probe, events, engineT(language));
  if (values.json) io.stdout(JSON.stringify({ probe, verdict: reading.verdict, message: reading.message, events: reading.greEvents.length }, null, 2) + '\n');
  else io.stdout(`${reading.message}\n`);
  return reading.verdict === 'control-ok' ? EXIT.healthy : EXIT.findings;
}
