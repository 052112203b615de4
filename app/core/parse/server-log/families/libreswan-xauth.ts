import { context, d, step, tagged, type Rule } from '../kit';

/**
 * pluto's IKEv1 XAUTH lines (the user name and password a "Cisco IPsec" / IPsec-XAuth client sends after Main Mode), as a
 * responder. Texts from Libreswan programs/pluto/ikev1_xauth.c (xauth_send_request, xauth_launch_authent, do_file_authentication,
 * ikev1_xauth_callback, xauth_inR0) and its PAM helper (pam_auth.c). Spread into libreswan.ts's rule list (tried in order: kit.ts).
 *
 * Which line carries the cause: `XAUTH: User %s: Authentication Failed: Incorrect Username or Password` is logged once per refused
 * log-in, whatever the method (password file or PAM) — so it alone says xauth-rejected; the method's own lines before it say
 * why (a user in the password file whose password does not match, PAM's error) and are warnings, so one log-in is one finding.
 *
 * Why xauth-rejected and no Windows code: XAUTH is IKEv1's extended authentication, asked by the server after Main Mode
 * (ikev1_xauth.c xauth_send_request, MAIN_R3->XAUTH_R0). Windows' built-in client never answers it: its VPN types are IKEv2,
 * L2TP, PPTP and SSTP, authenticated by EAP, MS-CHAPv2, certificate or pre-shared key (Microsoft Learn, "VPN authentication
 * options", windows/security/…/vpn/vpn-authentication; the Windows.Networking.Vpn VpnAuthenticationMethod enum: Mschapv2, Eap,
 * Certificate, PresharedKey) — its L2TP/IPsec user logs in inside PPP (MS-CHAPv2 → 691), its IKEv2 user by EAP. A refused XAUTH
 * log-in is therefore a device with an "IPsec Xauth PSK" / "Cisco IPsec" profile (iPhone, Mac, Android) or a Cisco VPN client
 * (hwdsl2/setup-ipsec-vpn's IPsec/XAuth client guides; assumed to be the only common ones), and the PC shows no 691 for it.
 */
export const XAUTH_RULES: readonly Rule[] = [
  // xauth_send_request: "XAUTH: Sending Username/Password request (%s->XAUTH_R0)" — the server asks the client for its user name and
  // password (after MAIN_R3, or again after a refusal: XAUTH_R0->XAUTH_R0)
  context(/^XAUTH: Sending Username\/Password request \((\w+)->XAUTH_R0\)$/, (m) => step(m[1] === 'XAUTH_R0' ? 'plutoXauthAskAgain' : 'plutoXauthAsk')),
  // xauth_launch_authent: "XAUTH: password file authentication method requested to authenticate user '%s'", "XAUTH: PAM authentication
  // method requested to authenticate user '%s'", "XAUTH: authentication method 'always ok' requested …"
  context(/^XAUTH: (password file|PAM|authentication method 'always ok'|unknown)(?: authentication method)? requested to authenticate user '([^']*)'$/, (m) =>
    tagged(step(m[1] === 'PAM' ? 'plutoXauthCheckPam' : m[1] === 'password file' ? 'plutoXauthCheckFile' : 'plutoXauthCheckOther', { user: m[2]! }), { user: m[2] }),
  ),
  // do_file_authentication: "XAUTH: password file (%s) open." (the file read; bookkeeping)
  context(/^XAUTH: password file \((\S+)\) open\.$/, () => step('plutoHousekeeping')),
  // do_file_authentication: "XAUTH: %s user(%s:%s) " — logged only for an entry whose user name is the client's (and whose connection
  // name fits): "failure" means that user is in the file but the password's hash does not match; an unknown user gets no such line
  context(/^XAUTH: (success|failure) user\(([^:)]*):([^)]*)\)$/, (m) =>
    tagged(step(m[1] === 'success' ? 'plutoXauthFileMatch' : 'plutoXauthFileWrongPassword', { user: m[2]! }, m[1] === 'success' ? 'info' : 'warning'), { user: m[2] }),
  ),
  // do_file_authentication: "XAUTH: unable to open password file (%s) for verification" — no password can be checked
  [/^XAUTH: unable to open password file \((\S+)\) for verification$/, (m) => step('plutoXauthNoFile', { file: m[1]! }, 'failure')],
  // ikev1_xauth_callback: the result, for every method
  [/^XAUTH: User (.*?): Authentication Failed: Incorrect Username or Password$/, (m) => tagged({ decoded: [d('xauthFailed'), d('step.plutoXauthUser', { user: m[1]! })], outcome: 'failure', cause: 'xauth-rejected' }, { user: m[1] })],
  context(/^XAUTH: User (.*?): Authentication Successful$/, (m) => tagged(step('plutoXauthOk', { user: m[1]! }, 'success'), { user: m[1] })),
  // ikev1_xauth_callback, xauthfail=soft: "XAUTH: authentication for %s failed, but policy is set to soft fail" (the SA comes up anyway)
  context(/^XAUTH: authentication for (.*?) failed, but policy is set to soft fail$/, (m) => tagged(step('plutoXauthSoftFail', { user: m[1]! }, 'warning'), { user: m[1] })),
  // xauth_inR0: "Expected MODE_CFG_REPLY is missing %s%s%s attribute" and "XAUTH: User %.*s: Authentication Failed (retry %d)" — the
  // client's answer held no user name or password (a client that gave up after the refusal before it answers empty); asked again
  context(/^Expected MODE_CFG_REPLY is missing (username|password|username and password) attribute$/, () => step('plutoXauthEmptyReply', undefined, 'warning')),
  context(/^XAUTH: User (.*?): Authentication Failed \(retry \d+\)$/, () => step('plutoXauthEmptyReply', undefined, 'warning')),
  // xauth_inR0, after XAUTH_PROMPT_TRIES empty answers: "XAUTH: User %.*s: Authentication Failed (Retried %d times)" — the log-in ends
  [/^XAUTH: User (.*?): Authentication Failed \(Retried (\d+) times\)$/, (m) => ({ decoded: [d('xauthFailed'), d('step.plutoXauthGaveUp', { n: m[2]! })], outcome: 'failure', cause: 'xauth-rejected' })],
  // the PAM helper (format assumed from the log in GoogleCloudPlatform/guest-oslogin #80, Libreswan 3.x/4.x): "XAUTH FAILED during
  // pam_authenticate with 'Authentication failure' for state #4, xauth-psk[8] user=…", "PAM: authentication of user '…' FAILED after
  // 2.189794 seconds" — PAM's reason; the result line after it carries the cause
  context(/^XAUTH FAILED during (pam_\w+) with '([^']*)' for state #\d+, .*?user=(.*?)\.?$/, (m) => tagged(step('plutoXauthPamSaid', { error: m[2]! }, 'warning'), { user: m[3] })),
  context(/^PAM: authentication of user '([^']*)' (FAILED|SUCCEEDED|succeeded|failed)(?: after [\d.]+ seconds)?$/, (m) => tagged((/^f/i.test(m[2]!) ? step('plutoXauthPamRefused', { user: m[1]! }, 'warning') : step('plutoXauthPamAccepted', { user: m[1]! })), { user: m[1] })),
  // pluto's jam_clean_xauth_username (programs/pluto, beside fmt_common_shell_out, which builds the updown script's environment): "Warning: XAUTH username changed from '%s' to '%s'" — the user name handed to the updown
  // script (PLUTO_XAUTH_USERNAME) kept only letters, digits, `_`, `-` and `.` (`asilvapt@mad` became `asilvaptmad`); its first value
  // is what was left after the loop (often empty). A note for the script's administrator, nothing the log-in depends on.
  context(/^Warning: XAUTH username changed from '([^']*)' to '([^']*)'$/, (m) => tagged(step('plutoXauthUserCleaned', { user: m[2]! }), { user: m[2] || undefined })),
  // pam_unix's own line under pluto's name (pam_unix(pluto:auth): authentication failure; logname= uid=0 …): the PAM module's refusal
  context(/^pam_\w+\(pluto:auth\): authentication failure;.*$/, () => step('plutoXauthPamSaid', { error: 'authentication failure' }, 'warning')),
];
