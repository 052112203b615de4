import { describe, expect, it } from 'vitest';
import { readRepoText } from '../../../../test/support/repo-files';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';
import { engineT } from '../../i18n';
import { describeEntry } from './describe';
import { parseServerLog } from './index';

/**
 * Real Libreswan pluto lines of an IPsec/XAuth ("Cisco IPsec") log-in and of an IKEv2 request no connection takes, found in public
 * material (test/fixtures/real/server-logs, sources in test/fixtures/real/SOURCES.md), each with its hand-checked decoding
 * (families/libreswan-xauth.ts; the exchange-name wording in libreswan.ts).
 */

const DIR = 'test/fixtures/real/server-logs';

const EXPECTED: Record<string, RealServerLogRow> = {
  // hwdsl2/setup-ipsec-vpn #619: the user is in /etc/ipsec.d/passwd, the password hash does not match; one refusal, one finding
  // (the `failure user(…)` line before it is its reason, a warning), then the client's empty answer
  'pluto-xauth-password-file-user-found-wrong-password.txt': {
    records: 8,
    understood: 8,
    families: { libreswan: 8 },
    causes: [[7, 'xauth-rejected']],
    says: [
      [2, 'ISAKMP SA established'],
      [3, 'The server asks the client for its user name and password'],
      [4, 'The server checks user mac_xxx against its password file'],
      [6, "User mac_xxx is in the server's password file, but the password does not match"],
      [7, 'The user failed authentication (XAUTH): check the user name and password. User name: mac_xxx.'],
      [8, 'The client answered without a user name or password'],
    ],
  },
  // GoogleCloudPlatform/guest-oslogin #80: XAUTH through PAM (pam_oslogin); PAM's refusal, then the result line and the client's empty
  // answers (`User <unknown>: Authentication Failed (retry 1)` is the server asking again, not a second refusal)
  'pluto-xauth-pam-authentication-failure-empty-retry.txt': {
    records: 7,
    understood: 7,
    families: { libreswan: 7 },
    causes: [[4, 'xauth-rejected']],
    says: [
      [1, "The system's log-in (PAM) refused it: authentication failure."],
      [2, "The system's log-in (PAM) refused it: Authentication failure."],
      [3, "The system's log-in (PAM) refused user user_domain_com."],
      [4, 'User name: user_domain_com.'],
      [6, 'The server asks the client for its user name and password again'],
      [7, 'The client answered without a user name or password'],
    ],
  },
  // hwdsl2/docker-ipsec-vpn-server #323: Libreswan 4.x names the exchange (`ISAKMP_v2_IKE_SA_INIT message received on … but no suitable
  // connection found with IKEv2 policy`); was one unknown line
  'pluto-docker-ikev2-exchange-name-no-suitable-connection.txt': {
    records: 2,
    understood: 2,
    families: { libreswan: 2 },
    causes: [[1, 'ike-no-connection'], [2, 'ike-no-proposal']],
    says: [
      [1, 'No IKEv2 connection on the server accepts this PC'],
      [2, 'NO_PROPOSAL_CHOSEN'],
    ],
  },
  // hwdsl2/setup-ipsec-vpn #56 (turn 4): a proposal's authentication method refused (an unknown one, and certificates where the
  // connection has a pre-shared key: context, other proposals may match), then a device asking for Aggressive Mode with XAUTH that
  // no connection takes — a failure, but no cause: it is no Windows PC (the three were unknown lines)
  'pluto-l2tp-oakley-auth-method-refused-aggressive-mode-no-connection.txt': {
    records: 8,
    understood: 8,
    families: { libreswan: 8 },
    causes: [],
    says: [
      [2, 'asks for OAKLEY_ECDSA_P384 authentication, which this server does not support'],
      [3, 'asks for OAKLEY_RSA_SIG authentication, which this connection does not allow'],
      [7, 'asked for IKEv1 Aggressive Mode (XAUTH+AGGRESSIVE+IKEV1_ALLOW), which no connection on the server takes. Windows never uses Aggressive Mode'],
    ],
  },
  // hwdsl2/setup-ipsec-vpn #1786: Libreswan 5.x start-up in an ISO-time syslog, each line after `addconn: ` (the command's logger): the
  // interfaces as `ip:UDP/port` with ` (NAT)`, `"conn": oriented IKEv1 connection (…)`; were eleven unknown lines. Lines 9-10 are one
  // message split in two as posted (`oriented IKE` / `v2 connection (…)`): left unknown
  'pluto-5x-iso-time-addconn-interfaces-oriented-connections.txt': {
    records: 11,
    understood: 9,
    families: { libreswan: 9 },
    causes: [],
    says: [
      [2, 'pluto listens for IKE on 172.31.37.140, UDP 4500 (ens5)'],
      [5, 'pluto listens for IKE on [::1], UDP 500 (lo)'],
      [7, 'pluto loaded the connection "l2tp-psk" from its configuration'],
      [8, 'pluto loaded the connection "xauth-psk"'],
      [11, 'Libreswan bookkeeping'],
    ],
  },
};

describe('real Libreswan XAUTH, Aggressive Mode and IKEv2 no-connection logs', () => {
  realServerLogTable(EXPECTED);

  it('the user of the refused XAUTH log-in is on the entry, and it is said in Dutch', () => {
    const r = parseServerLog(readRepoText(`${DIR}/pluto-xauth-password-file-user-found-wrong-password.txt`));
    const refused = r.entries.find((e) => e.cause === 'xauth-rejected')!;
    expect(refused.user).toBe('mac_xxx');
    expect(describeEntry(r.entries.find((e) => e.line === 6)!, engineT('nl'))).toContain('staat in het wachtwoordbestand van de server, maar het wachtwoord klopt niet');
  });
});
