import { context, d, step, tagged, type FamilyState, type Hit, type Rule } from '../kit';

/**
 * pluto's start-up lines, Openswan 2.6 and Libreswan 3.x–5.x (programs/pluto/plutomain.c, server.c, kernel.c, ike_alg.c, nat_traversal.c,
 * connections.c): its version banner, the features of its build, the algorithms it registers, the connections it loads and the
 * addresses it listens on. Said as pluto starting, not as a negotiation: a paste that holds them shows the server was (re)started there.
 * Spread into libreswan.ts's rule list (its rows are tried in order: kit.ts).
 */
/** the name the finding gives pluto where its lines name no systemd unit (values.service: service-state.ts reads it) */
const PLUTO_SERVICE = 'Libreswan (pluto)';

/**
 * pluto starting after _plutorun said it exited (state.plutoDown): it runs again — service-recovered, as strongswan-starter.ts's charon
 * started after a not-running line and systemd's `Started <unit>`; undefined when pluto was not down (a start-up line as any other).
 */
function plutoStartsAgain(state: FamilyState, hit?: Hit): Hit | undefined {
  if (state.plutoDown !== true) return undefined;
  state.plutoDown = false;
  // (pluto's banner keeps its version after it; _plutorun's `Starting Pluto subsystem...` says no more than the start)
  return { decoded: [d('step.plutoStartsAgain', { service: PLUTO_SERVICE }), ...(hit?.decoded ?? [])], outcome: 'success', cause: 'service-recovered' };
}

export const PLUTO_STARTUP_RULES: readonly Rule[] = [
  // plutomain.c: "Starting Pluto (Openswan Version %s%s; Vendor ID %s) pid:%u" (Openswan 2.6; "note: some scripts may look for this
  // exact message"), Libreswan "Starting Pluto (Libreswan Version %s %s) pid:%u" with its build's features after the version
  [/^Starting Pluto \((Openswan|Libreswan) Version (\S+?);?(?: .*)?\)(?: pid:\d+)?$/, (m, _p, state) => {
    const hit = step('plutoStarting', { product: m[1]!, version: m[2]! });
    return plutoStartsAgain(state, hit) ?? hit;
  }],
  // `ipsec setup` (Openswan's and Libreswan 3.x's setup script, `ipsec_setup:` in syslog): the IPsec service started or stopped, and the
  // kernel stack it uses (NETKEY is the kernel's own XFRM, KLIPS Openswan's module)
  context(/^(Starting|Stopping) (?:Openswan|Libreswan) IPsec\b.*$|^\.\.\.(?:Openswan|Libreswan) IPsec (started|stopped)$/, (m) => step(/^Start|^started/.test(m[1] ?? m[2]!) ? 'plutoServiceStart' : 'plutoServiceStop')),
  context(/^Using (?:NETKEY\(XFRM\)|KLIPS|MAST) stack$/, () => step('plutoStartup')),
  // the `ipsec setup` scripts around it (Openswan's _plutorun, `ipsec__plutorun` in syslog; its pluto.log's first lines)
  // (after _plutorun said pluto exited, below: its next start says pluto runs again — not a context rule, read from the state)
  [/^Starting Pluto subsystem\.\.\.$/, (_m, _p, state) => plutoStartsAgain(state) ?? step('plutoStartup')],
  context(/^(?:Plutorun started on .*|adjusting ipsec\.d to \S+)$/, () => step('plutoStartup')),
  // _plutorun (Openswan 2.6 / Libreswan 3.x programs/_plutorun/_plutorun.in, the loop around pluto; libreswan#50 quotes it): pluto exited
  // on its own — `echo "!pluto failure!:  exited with error status ${st}"`, with ` (signal N)` after a status above 128 (a crash: 139 is
  // SIGSEGV) — then `restarting IPsec after pause...` and `ipsec setup restart` 10 s later. Until that restart runs pluto is gone and no
  // PC gets an IKE answer (libreswan#50: the restart never came, `whack: is Pluto running?` until cron restarted it): service-down,
  // named "Libreswan (pluto)" (no unit is named); its next start (`Starting Pluto subsystem...`, pluto's banner) says it runs again
  [/^!pluto failure!: +exited with error status (\d+)(?: \(signal (\d+)\))?$/, (m, _p, state) => {
    state.plutoDown = true;
    const values: Record<string, string> = m[2] === undefined ? { status: m[1]!, service: PLUTO_SERVICE } : { status: m[1]!, signal: m[2], service: PLUTO_SERVICE };
    return { decoded: [d(m[2] === undefined ? 'step.plutoExited' : 'step.plutoExitedSignal', values)], outcome: 'failure', cause: 'service-down' };
  }],
  context(/^restarting IPsec after pause\.\.\.$/, () => step('plutoRestartScheduled', undefined, 'warning')),
  // Libreswan 5.x include/lswlog.h `#define FATAL_PREFIX "FATAL ERROR: "`: fatal() logs it and exits the program. Before the file's
  // `FILE:LINE:` the program's name — `ipsec addconn` (ipsec.service's ExecStartPre `--checkconfig`) or pluto itself, which 5.x names
  // by its path (`FATAL ERROR: PATH/libexec/ipsec/pluto: /etc/ipsec.conf:13: unrecognized keyword 'unrecognized'`, libreswan#2117: pluto
  // reads ipsec.conf's `config setup` at its start and stops on a keyword it does not know; `ipsec pluto: ` once that fix is in).
  // Either way the service does not run: service-down, as addconn's `cannot load config` above — except addconn relayed by a running
  // pluto (`addconn: ` before it), which only leaves connections out (a failure, no cause)
  [/^(?:(addconn): )?FATAL ERROR: (?:(ipsec addconn|ipsec pluto|\S*\/(?:pluto|addconn)): )?(?:(\/\S+?):(\d+): )?(.+)$/, (m) => {
    const program = m[2] === undefined ? 'pluto' : m[2].replace(/^.*\//, '').replace(/^ipsec /, '');
    const key = m[3] === undefined ? 'plutoFatal' : 'plutoFatalConfigLine';
    const values: Record<string, string> = m[3] === undefined ? { program, error: m[5]! } : { program, file: m[3], line: m[4]!, error: m[5]! };
    if (m[1] !== undefined) return step(key, values, 'failure');
    return { decoded: [d(`step.${key}`, { ...values, service: PLUTO_SERVICE })], outcome: 'failure', cause: 'service-down' };
  }],
  // plutomain.c / server.c: what this build and host support ("LEAK_DETECTIVE support [disabled]", "SAref support [disabled]: Protocol not
  // available", "NAT-Traversal support  [enabled]", Libreswan "NSS crypto [enabled]", "FIPS Mode: OFF", "operating system: Linux …")
  context(
    /^(?:[A-Za-z][\w -]*? support(?: for \w+)? +\[\w+\](?:: .*)?|[\w-]+ \[(?:enabled|disabled|not required)\]|HAVE_STATSD notification support not compiled in|Setting NAT-Traversal port-4500 floating to (?:on|off)|port floating activation criteria .*|using \/dev\/u?random as source of random entropy|FIPS (?:Mode: \w+|mode (?:enabled|disabled) for pluto daemon|HMAC integrity support \[[\w ]+\])|NSS(?: crypto library initiali[sz]ed|: OCSP \[\w+\])|Initiali[sz]ing NSS(?: using .*)?|operating system: .*|using dns-resolver=\S+|core dump dir: \S+|secrets file: \S+|(?:no helpers will be started, all cryptographic operations will be done inline|starting up \d+ (?:cryptographic )?helpers?(?: threads)?|started (?:thread for )?helper (?:pid=)?\d+.*)|Using (?:Linux 2\.6 IPsec interface code|KLIPS IPsec interface code|NETKEY IPsec interface code|Linux XFRM\/NETKEY IPsec interface code) .*)$/,
    () => step('plutoStartup'),
  ),
  // pluto's algorithm self-tests at start-up, in its log file (libreswan #503, Libreswan 4.4: `testing HMAC_MD5:`, then one line per test
  // vector, `  RFC 2104: MD5_HMAC test 1`; the format assumed from that log)
  context(/^testing [\w-]+:$|^[^:]+: [\w-]+ test \d+$/, () => step('plutoSelfTest')),
  // ike_alg.c ike_alg_register_enc/hash/add at start-up: Openswan 2.6 registers AES-CCM and AES-GCM a second time through the kernel's list
  // and logs "FAILED (ret=-17)" (EEXIST, errno(3)) with "ERROR: … Algorithm type already exists" for each — a known start-up message
  // (Ubuntu Forums threads with working tunnels show it; assumed harmless), not a failed negotiation
  context(/^ike_alg_(?:register_(?:enc|hash)\(\): Activating \S+: (?:Ok|FAILED) \(ret=-?\d+\)|add\(\): ERROR: algo_type '\d+', algo_id '\d+', Algorithm type already exists)$/, () => step('plutoAlgRegistered')),
  // connections.c add_connection: a connection of ipsec.conf loaded ("added connection description", Libreswan 4.x+ "added IKEv2 connection")
  context(/^added (?:connection description|IKEv[12] connection) "([^"]+)"$/, (m) => step('plutoConnLoaded', { name: m[1]! })),
  // Libreswan 5.x, the same as the connection's own line (`"ikev2-tunnel": added IKEv2 connection`, libreswan #2843: the name first, then
  // what became of it) and what pluto notes of it as it loads: `"ikev2-tunnel": connection is using multiple subnets` (leftsubnets=),
  // `warning: "ikev2-tunnel": IKEv2 ignores dpdtimeout==; use dpddelay= and retransmit-timeout=` — a setting of ipsec.conf pluto does not
  // use (the warning's text as pluto words it; format assumed from that log)
  context(/^"([^"]+)": added (?:IKEv[12] )?connection$/, (m) => step('plutoConnLoaded', { name: m[1]! })),
  context(/^"([^"]+)": connection is using multiple subnets$/, () => step('plutoHousekeeping')),
  context(/^warning: "([^"]+)": (.+)$/, (m) => step('plutoConnWarning', { name: m[1]!, text: m[2]! })),
  // server.c / iface.c: the addresses IKE is read on (Openswan "adding interface eth0/eth0 1.2.3.4:500", Libreswan "adding UDP interface
  // eth0 1.2.3.4:4500"), then "listening for IKE messages"
  // (Libreswan 5.x: `adding interface ens5 172.31.37.140:UDP/4500 (NAT)`, `[::1]:UDP/500`, and `addconn: ` before it — the logger of the
  // `ipsec addconn` command that made pluto look at its interfaces; hwdsl2/setup-ipsec-vpn #1786)
  context(/^(?:addconn: )?adding (?:UDP |TCP )?interface (\S+?)(?:\/\S+)? (\S+?):(?:(?:UDP|TCP)\/)?(\d+)(?: \(NAT\))?$/, (m) => tagged(step('plutoListensOn', { iface: m[1]!, address: m[2]!, port: m[3]! }), {})),
  // Libreswan 5.x orient.c, a connection matched to this host's interface as `ipsec addconn` loads it: `addconn: "l2tp-psk": oriented IKEv1
  // connection (local: left=%defaultroute  remote: right=%any)` (format from hwdsl2/setup-ipsec-vpn #1786; assumed), and its secrets reloaded
  context(/^(?:addconn: )?"([^"]+)": oriented IKEv[12] connection \(local: .*\)$/, (m) => step('plutoConnLoaded', { name: m[1]! })),
  context(/^addconn: (?:forgetting secrets|loading secrets from .*)$/, () => step('plutoHousekeeping')),
  context(/^listening for IKE messages$/, () => step('plutoStartup')),
  // Electric Fence (efence.c, a malloc debugger Libreswan's test builds link: libreswan#1786's addconn) announces itself on stderr as the
  // program starts — `  Electric Fence 2.2.2 Copyright (C) 1987-1999 Bruce Perens <bruce@perens.com>`: a build's, not the VPN's
  context(/^Electric Fence \S+ Copyright \(C\) .*$/, () => step('plutoMallocDebugger')),
  // addconn (programs/addconn/addconn.c main(): `fprintf(stderr, "cannot load config '%s': %s\n", …); exit(3);`, Libreswan 3.x/4.x and
  // Openswan; 5.x `ipsec addconn: cannot load config file '%s'` after its own `ipsec addconn: FILE:LINE: syntax error`, libreswan#1786):
  // ipsec.conf or a file it includes does not parse. Whether pluto runs depends on who ran addconn, which the line's tag tells:
  // - `addconn[pid]:` (its own stream in the journal): ipsec.service's `ExecStartPre=… addconn --config … --checkconfig`
  //   (initsystems/systemd/ipsec.service.in) — exit 3 fails the unit before ExecStart, so pluto never starts (xelerance/Openswan#247,
  //   libreswan#1786: `Process: 638 ExecStartPre=…addconn … --checkconfig (code=exited, status=3)`): service-down, named
  //   "Libreswan (pluto)" (the line names no unit; systemd's lines next to it do, and the finding names ipsec.service then);
  // - `pluto[pid]: addconn: …` (5.x pluto relays the `addconn --autoall` it forks once it runs, server.c) or a terminal's copy
  //   (`ipsec auto --add`, `ipsec addconn` typed against a running pluto): pluto runs, only the connections are not loaded — a
  //   failure statement as before, no cause (the client's own refusal, "no connection has been authorized", says the rest)
  // (5.x names the error on the line before: its statement says so, `Bare`)
  [/^(?:addconn: )?(?:ipsec addconn: )?cannot load config(?: file)? '([^']+)'(?:: (.+))?$/, (m, pre) => {
    const values: Record<string, string> = m[2] === undefined ? { file: m[1]! } : { file: m[1]!, error: m[2] };
    const bare = m[2] === undefined ? 'Bare' : '';
    if (pre.program !== 'addconn' || m[0].startsWith('addconn: ')) return step(`plutoConfigConnsNotLoaded${bare}`, values, 'failure');
    return { decoded: [d(`step.plutoConfigUnreadable${bare}`, { ...values, service: PLUTO_SERVICE })], outcome: 'failure', cause: 'service-down' };
  }],
  // 5.x addconn's parser error before it (`ipsec addconn: /etc/ipsec.conf:29: syntax error`, libreswan#1786): which line, a failure
  context(/^(?:addconn: )?ipsec addconn: (\/\S+?):(\d+): (.+)$/, (m) => step('plutoConfigLineError', { file: m[1]!, line: m[2]!, error: m[3]! }, 'failure')),
];
