import { engineT, pickLanguage } from '../../core/i18n';
import { interpretPptpPath } from '../../core/diagnose/pptp-path';
import { rasEventsOf } from '../../core/model/ras-event';
import { usageError } from '../../system/error-text';
import { resolveInput, scanInput } from '../../system/input';
import { probeTcp, PPTP_CONTROL_PORT } from '../../system/pptp-probe';
import type { CliValues } from '../args';
import { EXIT, type CliIo } from '../io';
import { cliWords, inputOptions } from './shared';

/**
 * The PPTP path check: one TCP connect from THIS machine to the server's control port, read
 * together with the RasClient events of the input. It contacts the network, so it runs only when
 * the person names the server (`--server` is the consent); nothing else in TunnelMedic does.
 */
export async function checkPptpCommand(values: CliValues, io: CliIo): Promise<number> {
  const server = values.server;
  if (!server || !/^[A-Za-z0-9.:-]{1,253}$/.test(server)) throw usageError('cli.pptp.needsServer');
  const port = values.port === undefined ? PPTP_CONTROL_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw usageError('cli.pptp.portRange', { port: String(values.port) });
  const language = pickLanguage(values.lang);
  // the events explain what the probe alone cannot: a connect that works while GRE does not
  const input = values.demo || values.capture || process.platform === 'win32' ? await resolveInput(inputOptions(values, io)).catch(() => null) : null;
  const events = input ? rasEventsOf((await scanInput(input, language)).report.snapshot.events) : [];
  if (!values.quiet && !values.json) io.stderr(`${cliWords(values)('cli.pptp.connecting', { server, port })}\n`);
  const probe = await probeTcp(server, { consent: true, port, timeoutMs: 3_000 });
  const reading = interpretPptpPath(probe, events, engineT(language));
  if (values.json) io.stdout(JSON.stringify({ probe, verdict: reading.verdict, message: reading.message, events: reading.greEvents.length }, null, 2) + '\n');
  else io.stdout(`${reading.message}\n`);
  return reading.verdict === 'control-ok' ? EXIT.healthy : EXIT.findings;
}
