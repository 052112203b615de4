import { applyRules, context, d, step, type Hit, type Rule } from '../kit';
import { hasLineBreak, type Prefixed } from '../prefix';
import type { Cause } from '../types';

/**
 * strongSwan's starter (`ipsec start`, the `ipsec_starter` syslog tag; strongSwan src/starter/starter.c, invokecharon.c), the
 * ipsec.conf reader it runs first (confread.c, parser/parser.y through libstrongswan's parser_helper: `FILE:LINE: message`) and
 * the `ipsec` script's own lines (src/ipsec/_ipsec.in). The starter writes each message to syslog and, while it has not forked,
 * to the terminal too: `sudo ipsec restart` on a console shows the same lines without any header, and NetworkManager's L2TP plugin
 * (which runs `ipsec start`) has them in the journal under its own `NetworkManager[pid]` tag. A config error the starter calls
 * fatal means it exits and charon, the IKE service, never starts: no VPN connection to or from that machine can work
 * (service-down; a connection left out is ipsec-config-error: see notRunning below). Spread nowhere: strongswan.ts calls starterLine() for the lines it reads.
 */

/**
 * Which starter lines say "the daemon is not running" and which "it runs, but a connection is not loaded" (the first are
 * server.service-down, the second keep ipsec-config-error → vpn.server-unreachable, the PC's 809):
 * - not running: `unable to start strongSwan -- fatal errors in config` and `… -- no /dev/random!` (starter.c main() exits before
 *   it forks charon), `charon has quit: initialization failed` / `… integrity test … failed` (invokecharon.c starter_charon_sigchild
 *   with SS_RC_INITIALIZATION_FAILED / SS_RC_*_INTEGRITY: the starter does not restart it), `charon too long to start... - kill kill`
 *   and `charon refused to be started` (starter_start_charon: the daemon killed or already gone). Nothing answers IKE on that
 *   machine at all: the PC sees no answer, the service's own state is the finding (service-state.ts), named "strongSwan (charon)" —
 *   these lines name no systemd unit; where systemd's lines next to them name one (strongswan-starter.service), that is named.
 * - running, a connection left out: `# ignored conn 'x' due to N parsing errors` (confread.c: the other sections load, charon
 *   runs and answers other clients — this one gets "no matching peer config" or no answer it can use): ipsec-config-error.
 * `charon has died -- restart scheduled` is neither: the starter starts it again (a warning step); `charon (pid) started after N ms`
 * after a not-running line says it runs again (service-recovered, as systemd's `Started <unit>` after a unit was down).
 */
const CONFIG_ERROR: Cause = 'ipsec-config-error';
/** the name the finding gives the daemon the starter's lines are about (values.service: service-state.ts reads it where no unit is named) */
const SERVICE = 'strongSwan (charon)';
const fatal = (what: string, values?: Record<string, string | number>): Hit => ({ decoded: [d(`step.${what}`, values)], outcome: 'failure', cause: CONFIG_ERROR });
/** a not-running line (above); the state remembers it, so that charon's next start says it runs again */
const notRunning = (state: Record<string, unknown>, what: string, values?: Record<string, string | number>): Hit => {
  state.starterDown = true;
  return { decoded: [d(`step.${what}`, { ...values, service: SERVICE })], outcome: 'failure', cause: 'service-down' };
};

/** the ipsec.conf section a confread.c message names: `config setup`, `conn 'NAME'`, `ca 'NAME'` */
const SECTION = String.raw`(config setup|(?:conn|ca) '[^']*')`;

/** the `ipsec` command each of _ipsec.in's messages answers */
const SCRIPT_COMMAND: Readonly<Record<string, string>> = { Stopping: 'stop', Reloading: 'reload', Updating: 'update' };

const STARTER_RULES: readonly Rule[] = [
  // starter.c main(): DBG1 "Starting strongSwan "VERSION" IPsec [starter]..." — the first line of every `ipsec start`
  context(/^Starting strongSwan (\S+) IPsec \[starter\]\.\.\.$/, (m) => step('starterStart', { version: m[1]! })),
  // confread.c / starter.c at DBG2 (charondebug or `--debug`): the sections it reads, then the daemon it forks
  context(/^(?:Loading (?:config setup|conn '[^']*'|ca '[^']*')|Reloading config\.\.\.)$/, () => step('starterConfigLoading')),
  context(/^Attempting to start (\S+)\.\.\.$/, (m) => step('starterDaemonStarting', { daemon: m[1]! })),
  // invokecharon.c starter_start_charon(): the daemon wrote its pid file within 10 s ("%s (%d) started after %d ms")
  // (not a context rule: after a not-running line it carries service-recovered, read from the state)
  [/^(\S+) \((\d+)\) started after (\d+) ms$/, (m, _p, state) => {
    const values = { daemon: m[1]!, pid: m[2]!, ms: m[3]! };
    if (state.starterDown !== true) return step('starterDaemonStarted', values, 'success');
    state.starterDown = false;
    return { ...step('starterDaemonStarted', { ...values, service: SERVICE }, 'success'), cause: 'service-recovered' };
  }],
  // invokecharon.c starter_stop_charon(), starter.c FLAG_ACTION_QUIT: `ipsec stop` (or the system stopping the service)
  context(/^(\S+) stopped after (\d+) ms$/, (m) => step('starterDaemonStopped', { daemon: m[1]! })),
  context(/^ipsec starter stopped$/, () => step('starterStopped')),
  // starter.c signal_handler() SIGCHLD (DBG2): the daemon process ended — exit code 0 is an ordinary stop
  context(/^child (\d+)(?: \((\S+)\))? has quit \(exit code (\d+)\)$/, (m) =>
    m[3] === '0' ? step('starterChildExited', { pid: m[1]!, daemon: m[2] ?? '' }) : step('starterChildFailed', { pid: m[1]!, daemon: m[2] ?? '', code: m[3]! }, 'warning'),
  ),
  context(/^child (\d+)(?: \((\S+)\))? has been (?:killed|stopped) by sig (\d+)$/, (m) => step('starterChildKilled', { pid: m[1]!, daemon: m[2] ?? '', signal: m[3]! }, 'warning')),
  // invokecharon.c starter_charon_sigchild(): the daemon ended without being asked to; the starter tries again after 5 s
  context(/^(\S+) has died -- restart scheduled \((\d+) ?sec\)$/, (m) => step('starterDaemonDied', { daemon: m[1]!, s: m[2]! }, 'warning')),
  // … unless it ended with its own "initialization failed" or integrity exit codes (SS_RC_*): then the starter gives up on it
  [/^(\S+) has quit: initialization failed$/, (m, _p, state) => notRunning(state, 'starterDaemonInitFailed', { daemon: m[1]! })],
  [/^(\S+) has quit: integrity test of (\S+) failed$/, (m, _p, state) => notRunning(state, 'starterDaemonIntegrity', { daemon: m[1]!, part: m[2]! })],
  // starter_start_charon(): no pid file after 10 s (the daemon is killed), or the process ended at once
  [/^(\S+) too long to start\.\.\. - kill kill$/, (m, _p, state) => notRunning(state, 'starterDaemonSlow', { daemon: m[1]! })],
  [/^(\S+) refused to be started$/, (m, _p, state) => notRunning(state, 'starterDaemonRefused', { daemon: m[1]! })],
  context(/^(?:(\S+) is already running \((\S+) exists\) -- skipping (?:\S+ |daemon )?start|starter is already running \((\S+) exists\) -- no fork done)$/, (m) =>
    step('starterAlreadyRunning', { what: m[1] ?? 'starter', file: m[2] ?? m[3]! }),
  ),
  context(/^removing pidfile '[^']*', process not running$/, () => step('charonHousekeeping')),
  // starter.c: the kernel's IPsec stack probed; "no known IPsec stack detected, ignoring!" is what pfSense's FreeBSD logs at every start
  context(/^no (netkey|KLIPS) IPsec stack detected$/, (m) => step('starterNoStack', { stack: m[1]! })),
  context(/^no known IPsec stack detected, ignoring!$/, () => step('starterNoKnownStack')),
  context(/^!! .*$/, () => step('charonHousekeeping')),
  // starterstroke.c passes charon's answers to its stroke commands on to syslog, each followed by an empty line (the answer's own
  // newline): stroke_control.c route() "'%s' routed" (a trap policy: the connection starts when traffic for it appears, auto=route)
  // and "'%s' shunt %N policy installed" (type=pass|drop: traffic that bypasses IPsec or is dropped)
  context(/^'([^']*)' routed$/, (m) => step('starterConnRouted', { name: m[1]! })),
  context(/^'([^']*)' shunt (PASS|DROP) policy installed$/, (m) => step('starterShuntInstalled', { name: m[1]!, action: m[2]! })),
  [/^unable to start strongSwan -- fatal errors in config$/, (_m, _p, state) => notRunning(state, 'starterConfigFatal')],
  [/^unable to start strongSwan IPsec -- no (\S+)!$/, (m, _p, state) => notRunning(state, 'starterNoRandom', { device: m[1]! })],
  context(/^can't reload config file due to errors -- keeping old one$/, () => step('starterReloadRefused', undefined, 'warning')),
  context(/^permission denied \(must be superuser\)$/, () => step('starterNotRoot', undefined, 'warning')),
  // confread.c confread_load(): "### %d parsing error%s (%d fatal) ###" — fatal ones stop the start (the next line), the others only warn
  context(/^### (\d+) parsing errors? \((\d+) fatal\) ###$/, (m) => step('configErrorCount', { total: m[1]!, fatal: m[2]! }, m[2] === '0' ? 'warning' : 'failure')),
  // confread.c: a conn (or ca) section with errors is left out — "# ignored conn '%s' due to %d parsing error%s": the starter runs,
  // but that connection is not loaded, so a client of it gets no answer it can use (charon: "no matching peer config found")
  [/^# ignored (conn|ca) '([^']*)' due to (\d+) parsing errors?$/, (m) => (m[1] === 'conn' ? fatal('configConnIgnored', { name: m[2]!, n: m[3]! }) : step('configCaIgnored', { name: m[2]!, n: m[3]! }, 'warning'))],
  context(new RegExp(String.raw`^# unknown keyword '([^']*)'$`), (m) => step('configKeywordUnknown', { key: m[1]! }, 'warning')),
  context(new RegExp(String.raw`^# unsupported keyword '([^']*)' in ${SECTION}$`), (m) => step('configKeywordUnsupported', { key: m[1]!, where: m[2]! }, 'failure')),
  context(new RegExp(String.raw`^# deprecated keyword '([^']*)' in ${SECTION}$`), (m) => step('configKeywordDeprecated', { key: m[1]!, where: m[2]! }, 'warning')),
  context(/^(?:use the 'pkcs11' plugin instead|PFS is enabled by specifying a DH group in the 'esp' cipher suite)$/, () => step('charonHousekeeping')),
  context(
    new RegExp(String.raw`^(?:bad argument value in ${SECTION}|# bad (?:option|policy|integer) value: (\S+)|# bad (?:protocol|port): (\S+)|# can't have both 'ah' and 'esp' options|# cannot have both (\w+)firewall and \w+updown)$`),
    (m) => step('configBadValue', { detail: (m[2] ?? m[3] ?? m[1] ?? (m[4] !== undefined ? `${m[4]}firewall / ${m[4]}updown` : 'ah / esp')).trim() }, 'failure'),
  ),
  // parser.y conf_parser_error() through parser_helper (`FILE:LINE: message`): bison's "syntax error, unexpected X[, expecting Y] [TEXT]"
  // and the grammar's own checks. FIRST_SPACES (strongSwan 4.x's lexer) is an indented line where none may be: ipsec.conf(5) wants
  // a section's settings indented and nothing else (strongSwan forum answer to the Ubuntu thread in test/fixtures/real/SOURCES.md)
  context(/^(\S+?):(\d+): (syntax error, .+|section name missing|missing value for setting '[^']*'|setting name can't be empty)$/, (m) => step('configSyntaxError', { file: m[1]!, line: m[2]!, error: m[3]!.trim() }, 'failure')),
  context(/^invalid config file '([^']*)'$/, (m) => step('configInvalid', { file: m[1]! }, 'failure')),
  context(/^failed to open config file '([^']*)'$/, (m) => step('configOpenFailed', { file: m[1]! }, 'failure')),
  // _ipsec.in: `ipsec stop|reload|update` print these to stderr (a terminal's or NetworkManager's copy)
  context(/^(Stopping|Reloading|Updating) strongSwan IPsec(?: configuration)?\.\.\.$/, (m) => step(m[1] === 'Stopping' ? 'starterScriptStop' : 'starterScriptReload')),
  context(/^(Stopping|Reloading|Updating) strongSwan IPsec failed: starter is not running$/, (m) => step('starterNotRunning', { command: SCRIPT_COMMAND[m[1]!]! })),
];

/**
 * Debian's and Ubuntu's init script (/etc/init.d/ipsec, LSB log_daemon_msg) — ` * Restarting strongswan IPsec services ipsec` — and
 * on the same console line, after the status column's blanks, what the `ipsec` script printed (the Ubuntu thread's copy).
 */
// (a copy that collapsed blanks leaves one between them)
const INIT_SCRIPT = /^\s*\* (?:Starting|Stopping|Restarting|Reloading) strongswan IPsec services?(?: ipsec)?(?:\s+(\S.*?))?\s*$/;

/**
 * The lines no other program writes, for header-less copies (a terminal's) and NetworkManager's: each rule's distinctive start. The
 * parser's `FILE:LINE:` errors only with an absolute path (the starter reads /etc/ipsec.conf and its includes so): a hard wrap's rest
 * of another program's message (`tc/ipsec.d/x.conf:2: syntax error…`, addconn's) is no line of its own.
 */
export const STARTER_LINE =
  /^\s*(?:Starting strongSwan \S+ IPsec \[starter\]\.\.\.$|\S+ \(\d+\) started after \d+ ms$|\S+ stopped after \d+ ms$|ipsec starter stopped$|unable to start strongSwan|### \d+ parsing errors? \(\d+ fatal\) ###$|# (?:ignored (?:conn|ca) '|unknown keyword '|unsupported keyword '|deprecated keyword '|bad (?:option|policy|integer) value: |bad (?:protocol|port): )|\/\S+\.conf\S*:\d+: (?:syntax error, |section name missing$|missing value for setting '|setting name can't be empty$)|invalid config file '|(?:Stopping|Reloading|Updating) strongSwan IPsec|\S+ has died -- restart scheduled \(\d+ ?sec\)$|\S+ has quit: |\S+ too long to start\.\.\. - kill kill$|\S+ refused to be started$|no (?:netkey|KLIPS|known) IPsec stack detected|can't reload config file due to errors|Loading (?:config setup$|conn '|ca ')|\* (?:Starting|Stopping|Restarting|Reloading) strongswan IPsec service)/;

// (invokecharon.c's lines about the daemon stand under the `ipsec` tag too where systemd runs the starter through the script: CentOS 7's
// `ipsec[25836]: charon has died -- restart scheduled (5sec)`, kitten/setup-strong-strongswan #30 — so STARTER_LINE names them)
/** Whose lines the starter's rules read: its own tag, the `ipsec` tag (`ipsec start` under systemd), NetworkManager's, or none. */
const STARTER_PROGRAMS = /^(?:ipsec_starter|ipsec|NetworkManager)$/;

/** where a starter line may stand: under the starter's own tag (isCharonProgram's), `ipsec`, NetworkManager's, or with no header */
export const mayBeStarter = (pre: Prefixed): boolean => (pre.program === undefined ? pre.shape === 'none' : pre.program === 'ipsec' || pre.program === 'NetworkManager');

/** The starter's, confread's or the `ipsec` script's line, read (null: not one of them). */
export function starterLine(pre: Prefixed, state: Record<string, unknown>, countOnly?: boolean): Hit | null {
  if (pre.program !== undefined && !STARTER_PROGRAMS.test(pre.program)) return null;
  if (hasLineBreak(pre.message)) return null;
  // starter.c's SIGCHLD messages end in "\n", and starter_dbg() writes each line of a message to syslog: an empty one follows them
  if (pre.program === 'ipsec_starter' && pre.message.trim() === '') return step('starterEmptyLine');
  const init = pre.message.match(INIT_SCRIPT);
  if (init) return (init[1] !== undefined ? applyRules(STARTER_RULES, init[1], pre, state, countOnly) : null) ?? step('starterInitScript');
  // (confread.c indents its follow-up lines by two blanks: `  bad argument value in conn 'x'`)
  return applyRules(STARTER_RULES, pre.message.trim(), pre, state, countOnly);
}

/**
 * charon's own start-up and the stroke commands it gets from the starter and the `ipsec` tool (strongSwan src/libcharon/plugins/stroke:
 * stroke_socket.c "received stroke: %s '%s'", stroke_config.c "added configuration '%s'", stroke_cred.c "loading secrets from '%s'",
 * "loaded IKE secret for …", "loading ca certificates from '%s'"; libstrongswan capabilities.c "dropped capabilities, running as uid
 * %u, gid %u"; daemon.c "signal of type %s received. Shutting down"), and the IKEv1 refusals an ID_PROT exchange may end with.
 * Spread into strongswan.ts's rule list.
 */
export const CHARON_STARTUP_RULES: readonly Rule[] = [
  context(
    /^(?:loading (?:ca|aa|ocsp signer|attribute) certificates from '[^']*'|loading crls from '[^']*'|loading secrets from '[^']*'|loaded (?:IKE|EAP|XAuth|NTLM|PIN) secret for .+|loaded (?:RSA|ECDSA|ED25519|ED448) private key from '[^']*'|rereading secrets|dropped capabilities, running as uid \d+, gid \d+|received stroke: (?:add|delete) (?:connection|ca) '[^']*'|added configuration '[^']*'|queueing \S+ request as tasks still active)$/,
    () => step('charonHousekeeping'),
  ),
  // plugins' start-up notes (unbound, ipseckey, eap-sim-file's triplets, eap-radius; the attr plugin's `loaded attribute INTERNAL_IP4_DNS:
  // 08:08:04:04`, attr_provider.c load_entries; RFC 7427's signature hash lists each IKE_SA_INIT
  // carries): bookkeeping, also when an optional file is missing
  context(
    /^(?:loading unbound (?:resolver config|trust anchors) from '[^']*'|ipseckey plugin is disabled|opening triplet file \S+ failed: .+|loaded \d+ RADIUS server configurations?|loaded attribute [A-Z0-9_]+: \S+|(?:received|sending) supported signature hash algorithms: .*)$/,
    () => step('charonHousekeeping'),
  ),
  // stroke_config.c build (DBG2): the connection `ipsec.conf` gave, as charon received it — `conn NAME`, then `  key=value` per setting
  context(/^conn (\S+)$/, (m) => step('charonConnLoading', { name: m[1]! })),
  context(/^([a-z][a-z0-9_]*=.*)$/, (m) => step('charonConnSetting', { setting: m[1]! })),
  // socket-default / kernel-pfkey at start: the UDP 4500 (NAT-T) socket's encapsulation option refused by the kernel ("unable to set
  // UDP_ENCAP: %s", "enabling UDP decapsulation for %s on port %d failed"); pfSense's FreeBSD logs both for IPv6 at every start
  context(/^(unable to set UDP_ENCAP: .+|enabling UDP decapsulation for IPv[46] on port \d+ failed)$/, (m) => step('charonNatTSocket', { detail: m[1]! }, 'warning')),
  // stroke_control.c: `ipsec up NAME` and the like, as charon receives them (NetworkManager's L2TP plugin sends `initiate` itself)
  context(/^received stroke: (initiate|terminate|route|unroute) '([^']*)'$/, (m) => step('charonCommand', { command: m[1]!, name: m[2]! })),
  // (later builds word it `SIGINT received, shutting down`: a 2023 NetworkManager-l2tp journal, nm-l2tp/NetworkManager-l2tp #220 — the
  // source line assumed)
  context(/^(?:signal of type (SIG[A-Z]+) received\. Shutting down|(SIG[A-Z]+) received, shutting down)$/, (m) => step('charonShutdown', { signal: (m[1] ?? m[2])! })),
  // libstrongswan plugin_loader.c load_plugins(): a plugin feature marked critical (`!` in charon.load, or a plugin's own) did not load,
  // and charon.c / charon-systemd.c main() then `initialization failed - aborting charon`: the daemon exits, nothing answers IKE
  // (kitten/setup-strong-strongswan #30, CentOS 7 — the starter's `charon has died` follows)
  context(/^failed to load (\d+) critical plugin features?$/, (m) => step('charonCriticalPlugin', { n: m[1]! }, 'failure')),
  [/^initialization failed - aborting (\S+)$/, (m, _p, state) => notRunning(state, 'charonInitAborted', { daemon: m[1]! })],
  // ike_sa_manager.c / ike_sa.c destroy: an IKE_SA dropped as charon stops or gives up, the other side not told
  context(/^destroying IKE_SA in state ([A-Z]+) without notification$/, (m) => step('ikeSaDropped', { state: m[1]! }, 'warning')),
  // src/libcharon/encoding/message.c decrypt_payloads(): a payload that must come encrypted came in clear. In IKEv1 Main Mode, an ID or
  // HASH so (accept_unencrypted_mm: "as seen from some SonicWall boxes") is refused unless strongswan.conf sets
  // charon.accept_unencrypted_mainmode_messages = yes; what the other side meant cannot be read, so no cause is named
  context(/^payload type (\S+) was not encrypted$/, (m) => step(m[1] === 'ID_V1' || m[1] === 'HASH_V1' ? 'ikeUnencryptedMainMode' : 'ikeMessageUnreadable', undefined, 'warning')),
  // src/libcharon/sa/ikev1/task_manager_v1.c (assumed: the INVALID_HASH_INFORMATION notify it sends next, `N(INVAL_HASH)`): an IKEv1
  // message whose HASH does not verify, or that could not be decrypted
  context(/^integrity check failed$/, () => step('ikeIntegrityFailed', undefined, 'warning')),
  // src/libcharon/sa/ikev1/tasks/quick_mode.c: the other side's Quick Mode proposal carries its own SA lifetime (Windows' L2TP/IPsec
  // client sends 3600 s and 250000000 bytes: kitten/setup-strong-strongswan #12), compared with this side's ("configured 0": none)
  context(/^received (\d+)s lifetime, configured (\d+)s$/, (m) => step('childLifetimeSeconds', { got: m[1]!, configured: m[2]! })),
  context(/^received (\d+) lifebytes, configured (\d+)$/, (m) => step('childLifetimeBytes', { got: m[1]!, configured: m[2]! })),
];

/**
 * strongSwan's default updown script (src/_updown/_updown.in, `leftfirewall=yes`, VPN_LOGGING) logs each CHILD_SA it opens or closes
 * the firewall for, under the tag `vpn`: `+ PEER_ID [PEER_CLIENT == ]PEER -- ME[ == MY_CLIENT]` when it comes up, `- …` when it goes.
 */
export const UPDOWN_PROGRAM = 'vpn';
export const UPDOWN_LINE = /^([+-]) (.+?) (?:(\S+) == )?(\S+) -- (\S+)(?: == (\S+))?$/;
export function updownLine(message: string): Hit | null {
  const m = UPDOWN_LINE.exec(message.trim());
  if (!m) return null;
  return m[1] === '+' ? step('updownUp', { id: m[2]!, peer: m[4]! }, 'success') : step('updownDown', { id: m[2]!, peer: m[4]! });
}
