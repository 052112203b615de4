import { describe } from 'vitest';
import { realServerLogTable, type RealServerLogRow } from '../../../../test/support/real-server-log-table';

/**
 * Real strongSwan charon lines found in public material (test/fixtures/real/server-logs, sources in
 * test/fixtures/real/SOURCES.md): Windows' weak IKEv2 proposal refused, strongSwan's own filelog (time_format, log_level,
 * ike_name), charon-systemd's journal lines, swanctl and `ipsec up` output, routers' logs. Each with its hand-checked decoding.
 * Libreswan pluto's real logs are in real-libreswan.test.ts.
 */

const EXPECTED: Record<string, RealServerLogRow> = {
  'charon-win10-ikev2-no-prop-3des-sha1-modp1024.txt': {
    records: 14,
    understood: 14,
    families: { strongswan: 14 },
    causes: [[1, 'ike-no-proposal'], [2, 'ike-no-proposal'], [13, 'ike-no-proposal'], [14, 'ike-no-proposal']],
    says: [
      [4, 'NAT keep-alive sent to 111.196.144.199[4500].'],
      [9, 'The PC proposes: IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024.'],
      [14, 'IKEv2 IKE_SA_INIT response to the PC, NO_PROPOSAL_CHOSEN (14).'],
    ],
  },
  'charon-filelog-conn-name-child-sa-no-dh-group-fragments.txt': {
    records: 10,
    understood: 10,
    families: { strongswan: 10 },
    causes: [[5, 'ike-no-proposal'], [7, 'ike-no-proposal']],
    says: [
      [2, "The other side's proposal and this side's have no Diffie-Hellman group in common: if no other pair of proposals matches, that is why none is chosen (NO_PROPOSAL_CHOSEN)."],
      [5, 'What did not match: the Diffie-Hellman group. The PC proposed: ESP:CHACHA20_POLY1305_256/NO_EXT_SEQ.'],
      [6, 'The IPsec part (CHILD_SA) could not be set up; the IKE SA stays. The line before says why.'],
      [10, 'IKE fragment 1 of 2 received.'],
    ],
  },
  'charon-filelog-log-level-ike-name-windows-vendor-ids.txt': {
    records: 6,
    understood: 6,
    families: { strongswan: 6 },
    causes: [],
    says: [
      [1, "Address pool Private_Network_1 loaded: 254 addresses from 51.51.51.0 for the clients' virtual IPs."],
      [3, 'IKEv2 IKE_SA_INIT request from the PC'],
      [4, 'The peer is a Windows IKE client (vendor ID MS NT5 ISAKMPOAKLEY v9).'],
    ],
  },
  // strongSwan 6.0.2 as a Windows PC's IKEv2 server, each line `[GRP] [n] text` (the group, then the IKE_SA's unique id): every line was unknown
  'charon-6x-group-then-ike-sa-id-head-windows-ike-sa-init-fragments.txt': {
    records: 17,
    understood: 17,
    families: { strongswan: 17 },
    causes: [],
    says: [
      [3, 'The peer is a Windows IKE client (vendor ID MS NT5 ISAKMPOAKLEY v9).'],
      [8, 'Proposal chosen: IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_1024.'],
      [14, 'IKE fragment 1 of 5 received.'],
    ],
  },
  // a Windows PC's IKE_AUTH at a Let's Encrypt-certified server: the CERTREQ count, the EAP-Identity request and the issuer
  // certificate were not understood, and `peer supports MOBIKE` read as an authentication step that succeeded
  'charon-letsencrypt-server-windows-ike-auth-unknown-ca-certreqs-eap-identity-mobike.txt': {
    records: 13,
    understood: 13,
    families: { strongswan: 13 },
    causes: [],
    says: [
      [6, 'The other side asks for certificates of CAs this side does not have (how many: 20)'],
      [9, 'The server asks the PC for its user name (EAP-Identity request)'],
      [10, 'The other side supports MOBIKE'],
      [12, 'This side sends its certificate CN=v.1xiaoshivpn.org.'],
      [13, "This side sends the certificate of the CA that issued it along: C=US, O=Let's Encrypt, CN=Let's Encrypt Authority X1."],
    ],
  },
  'charon-systemd-journal-no-thread-received-packet.txt': {
    records: 1,
    understood: 1,
    families: { strongswan: 1 },
    causes: [],
    says: [[1, 'IKE packet from IP2 to IP1.']],
  },
  'charon-systemd-journal-duplicate-ike-sa-delete.txt': {
    records: 10,
    understood: 10,
    families: { strongswan: 10 },
    causes: [],
    says: [
      [4, 'A security association was deleted.'],
      [9, 'A security association was deleted.'],
    ],
  },
  'charon-initiator-ike-sa-init-retransmits-no-response.txt': {
    records: 10,
    understood: 10,
    families: { strongswan: 10 },
    // no response to this side's own IKE_SA_INIT, four retransmissions and the log ends: the peer it dials (the responder) is silent
    causes: [[9, 'ike-responder-unreachable']],
    says: [
      [1, 'IKEv2 IKE_SA_INIT request to the other side (the responder), '],
      [3, 'IKE retransmission 1.'],
      [9, 'repeated it 4 times without any answer from the other side (the responder): nothing comes back on UDP 500/4500'],
    ],
  },
  'charon-docker-compose-ike-sa-init-retransmits-half-open.txt': {
    records: 25,
    understood: 25,
    families: { strongswan: 25 },
    // the PC repeated its IKE_SA_INIT after the answer: the answers on UDP 500 are lost (not IKE_AUTH's fragments)
    causes: [[14, 'ike-init-unanswered']],
    says: [
      [6, 'The PC offered Diffie-Hellman group MODP_2048; the server wants MODP_1024'],
      [14, "the PC kept sending its IKE_SA_INIT again and never went on to IKE_AUTH: the server's answers on UDP 500 do not reach the PC"],
      [18, 'The PC sent request 0 again'],
      [25, 'strongSwan dropped an IKE SA that was never completed after its timeout'],
    ],
  },
  'charon-docker-compose-windows-ike-auth-fragments-half-open.txt': {
    records: 6,
    understood: 6,
    families: { strongswan: 6 },
    causes: [],
    says: [
      [1, 'IKEv2 IKE_AUTH response to the PC'],
      [6, 'strongSwan dropped an IKE SA that was never completed (XXX.XXX.XX.XX) after its timeout'],
    ],
  },
  // lines 1-2, 3-4 and 13-14 are hard-wrapped as pasted (107 characters): 3-4 and 13-14 are joined once two lines have shown
  // the width (lines.ts WrapWidth); 1-2 came before it was known, and their pieces stay apart
  // the strongSwan Android app's own log (`%b %e %T` time, then the thread head): read as charon lines with the file's time.
  // (It is the client's log: "to the PC" there means to the phone's own peer — the server. The DMN/TUN and restart lines no
  // rule decodes are counted.)
  // (line 9, the app's own `initiating IKE_SA android[31] to *`, is read since the swanctl/initiator class)
  // the app's TUN device, its virtual IP and the CHILD_SA restart were 4 unknown lines; its first INFORMATIONAL request (the server's
  // DELETE), read before any line told the role, is worded by the app's later own IKE_SA_INIT request (strongswan-role.ts settleWaiting)
  'charon-android-app-log-peer-deletes-ike-sa-restart.txt': {
    records: 16,
    understood: 16,
    families: { strongswan: 16 },
    causes: [],
    says: [
      [2, 'IKEv2 INFORMATIONAL request from the other side (the responder).'],
      [5, 'The strongSwan app for Android sets up its VPN device (TUN).'],
      [7, 'This side installs the tunnel address (virtual IP) 192.168.43.10 that the other side gave it.'],
      [8, 'This side sets up the IPsec part (CHILD_SA) android again.'],
      [9, 'This side starts IKE negotiation (android[31]) with *.'],
      [3, 'The other side deleted a security association (IKE_SA "android[30]").'],
      [4, 'A security association was deleted.'],
      [13, 'IKEv2 INFORMATIONAL response to the other side (the responder).'],
      // the app initiated: the IKE_SA_INIT response comes from its VPN server (the responder)
      [16, 'IKEv2 IKE_SA_INIT response from the other side (the responder), IKEV2_FRAGMENTATION_SUPPORTED (16430), NAT_DETECTION_SOURCE_IP (16388), NAT_DETECTION_DESTINATION_IP (16389).'],
    ],
  },
  // the strongSwan Android app's log of its own IKE_SA_INIT answered with NO_PROPOSAL_CHOSEN: the finding is worded for the side
  // that started (the app), not "the server refused the PC"; charon's start, plugin and thread lines were 3 unknown lines
  'charon-android-app-log-ike-sa-init-no-proposal-chosen.txt': {
    records: 9,
    understood: 9,
    families: { strongswan: 9 },
    causes: [
      [8, 'ike-no-proposal'],
      [9, 'ike-no-proposal'],
    ],
    says: [
      [1, 'strongSwan 5.6.1dr3 starts its IKE service (charon).'],
      [8, 'IKEv2 IKE_SA_INIT response from the other side (the responder), NO_PROPOSAL_CHOSEN (14).'],
      [9, 'IKE notification NO_PROPOSAL_CHOSEN (14).'],
    ],
  },
  // the Android app's IKE_SA_INIT answered with INVALID_KE_PAYLOAD: ike_init.c's "peer didn't accept DH group …, it requested …" (the
  // initiator's retry with the group asked for, normal) and the credential loading were unknown lines
  'charon-android-app-log-invalid-ke-dh-group-retry.txt': {
    records: 12,
    understood: 12,
    families: { strongswan: 12 },
    causes: [],
    says: [
      [4, 'strongSwan bookkeeping.'],
      [10, 'INVALID_KE_PAYLOAD: the other side (the responder) asks this side to repeat with another Diffie-Hellman group'],
      [11, 'The other side answered INVALID_KE_PAYLOAD to Diffie-Hellman group ECP_256: repeating with MODP_2048 (normal, one retry).'],
    ],
  },
  // a strongSwan client's `swanctl --initiate` output against a Libreswan server: its CERTREQ both ways was "the server asks" and an
  // unknown line, its fragmented IKE_AUTH's "splitting IKE message" unknown, and "establishing CHILD_SA" said "authentication succeeded"
  'charon-swanctl-client-to-libreswan-ike-auth-fragmented.txt': {
    records: 18,
    understood: 18,
    families: { strongswan: 18 },
    causes: [],
    says: [
      [9, "The other side (the responder) asks for this side's certificate issued by CN=IKEv2 VPN CA, O=IKEv2 VPN."],
      [10, 'This side asks the other side (the responder) for a certificate issued by CN=IKEv2 VPN CA, O=IKEv2 VPN.'],
      [13, 'This side starts setting up the IPsec part (CHILD_SA) net{372}.'],
      [15, 'This side splits its IKE message (1760 bytes) into 2 fragments (IKEv2 fragmentation, RFC 7383).'],
      [16, 'IKEv2 IKE_AUTH request to the other side (the responder).'],
    ],
  },
  // `ipsec up` on an Ubuntu client (the stroke starter prints charon's messages with no head at all): the paste was refused as no
  // known format; now read in charon's own shapes (strongswan-output.ts STROKE_LINE), worded for the side that initiated
  'charon-ipsec-up-ubuntu-client-no-head-ike-auth-cert.txt': {
    records: 11,
    understood: 11,
    families: { strongswan: 11 },
    causes: [],
    says: [
      [1, 'This side starts IKE negotiation (ikev2-1.2.3.4[2]) with 1.2.3.4.'],
      [5, 'IKEv2 IKE_SA_INIT response from the other side (the responder), NAT_DETECTION_SOURCE_IP (16388)'],
      [7, 'The other side (the responder) is behind NAT.'],
      [10, "This side proves its identity as 'CN=user-name' (ECDSA_WITH_SHA256_DER successful)."],
    ],
  },
  // (the paste's first wrapped line, 1–2, is one record since first-wrap.ts: later lines cut at 100 show the width)
  'charon-ipsec-tag-virtual-ip-lease-wrapped.txt': {
    records: 14,
    understood: 14,
    families: { strongswan: 14 },
    causes: [],
    says: [
      [1, 'IKE SA ikev2-pubkey[1] established.'],
      [3, 'IKE SA state CONNECTING → ESTABLISHED.'],
      [8, 'Virtual IP 10.19.48.1 given to jedipapi: the tunnel address of the PC.'],
      [12, 'Configuration attribute INTERNAL_IP4_DNS.'],
    ],
  },
  // VyOS `show log ipsec` (charon with ike_name, each line again from charon-systemd): the initiator's "received NO_PROPOSAL_CHOSEN
  // notify, no CHILD_SA built" / "received TS_UNACCEPTABLE notify, …" (child_create.c), the responder's "traffic selectors … unacceptable",
  // the rekey timers and "authentication of '…' (myself) with pre-shared key" were 13 unknown lines before
  'charon-vyos-show-log-child-sa-refused-no-proposal-ts-unacceptable.txt': {
    records: 50,
    understood: 50,
    families: { strongswan: 50 },
    causes: [
      [17, 'ike-no-proposal'],
      [18, 'ike-no-proposal'],
      [29, 'ike-no-proposal'],
      [30, 'ike-no-proposal'],
      [37, 'ike-no-proposal'],
      [38, 'ike-no-proposal'],
      // (the second run: TS_UNACCEPTABLE received by the initiator, and the responder's own refusal of 10.0.2.0/24 === 10.0.0.0/24)
      [40, 'traffic-selector-mismatch'],
      [43, 'traffic-selector-mismatch'],
      [45, 'traffic-selector-mismatch'],
      [46, 'traffic-selector-mismatch'],
      [49, 'traffic-selector-mismatch'],
      [50, 'traffic-selector-mismatch'],
    ],
    says: [
      [7, "This side proves its identity as '192.168.0.1' (pre-shared key)."],
      [29, 'The other side refused the IPsec part (CHILD_SA) with NO_PROPOSAL_CHOSEN (14)'],
      [40, 'TS_UNACCEPTABLE (38); the IKE SA stays up. The networks each side wants to join through the tunnel (traffic selectors) do not match'],
      [45, 'The traffic selectors the other side asked for (10.0.2.0/24 === 10.0.0.0/24) fit none'],
      // the responding router (charon[2440]) answers another router, not a PC: its connection PEER is the one charon[3789] dials
      // (strongswan-site.ts); its journal copies (charon-systemd[2440], no ike_name) by their process. Both said "the PC" before
      [37, "No proposal chosen: the other router's encryption, hash or Diffie-Hellman choices match nothing this router allows. The other router proposed: ESP:AES_CBC_256/HMAC_SHA1_96/NO_EXT_SEQ."],
      [38, "No proposal chosen: the other router's encryption"],
      [49, 'IKEv2 IKE_AUTH response to the other router, MOBIKE_SUP, NO_ADD_ADDR, TS_UNACCEPTABLE (38).'],
      [50, 'IKEv2 IKE_AUTH response to the other router'],
    ],
  },
  // the same documentation's "IKE PROPOSAL are Different" and "PSK Secret Mismatch" blocks, each the responder's lines then the
  // initiator's: the responder's IKE_SA_INIT-only IKE_SA (`<1>`, no connection name yet, no traffic selectors) is the other router's
  // because the initiator's process parses the very response it generated (`IKE_SA_INIT response 0 [ N(NO_PROP) ]`); the PSK
  // block's `<PEER|3>` by its connection, dialled by charon[2436]. Both findings name the two routers (they said "the PC")
  'charon-vyos-show-log-ike-proposal-unacceptable-psk-mac-mismatched-both-routers.txt': {
    records: 16,
    understood: 16,
    families: { strongswan: 16 },
    causes: [
      [5, 'ike-no-proposal'],
      [6, 'ike-no-proposal'],
      [7, 'ike-no-proposal'],
      [8, 'ike-no-proposal'],
      [9, 'ike-no-proposal'],
      [10, 'ike-no-proposal'],
      [11, 'ike-auth-failed'],
      [12, 'ike-auth-failed'],
      [13, 'ike-auth-failed'],
      [14, 'ike-auth-failed'],
      [15, 'ike-auth-failed'],
      [16, 'ike-auth-failed'],
    ],
    says: [
      [5, "No proposal chosen: the other router's encryption, hash or Diffie-Hellman choices match nothing this router allows. The other router proposed: IKE:AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_2048."],
      [7, 'IKEv2 IKE_SA_INIT response to the other router, NO_PROPOSAL_CHOSEN (14).'],
      [8, 'IKEv2 IKE_SA_INIT response from the other side (the responder), NO_PROPOSAL_CHOSEN (14).'],
      [11, 'IKE authentication failed: the pre-shared key or certificate does not match.'],
      [12, 'IKEv2 IKE_AUTH response to the other router, AUTHENTICATION_FAILED (24).'],
    ],
  },
  // `swanctl --initiate` output: charon's lines as `[GRP] message` without the thread number (swanctl initiate.c log_cb) and swanctl's
  // own `initiate failed: …` first (stderr before stdout); no line was read before, so the paste was refused as no known format
  'charon-swanctl-initiate-failed-auth-failed-then-ts-unacceptable.txt': {
    records: 19,
    understood: 19,
    families: { strongswan: 19 },
    causes: [
      [13, 'ike-auth-failed'],
      [14, 'ike-auth-failed'],
      [18, 'traffic-selector-mismatch'],
    ],
    says: [
      [1, "swanctl: the initiate failed: establishing CHILD_SA 'lans' failed."],
      [2, 'This side starts IKE negotiation (offices[4]) with 198.51.100.2.'],
      [15, 'IKE SA offices[5] established.'],
      [18, 'The other side refused the IPsec part (CHILD_SA) with TS_UNACCEPTABLE (38)'],
    ],
  },
  // `swanctl --list-sas` (list_sas.c), strongSwan 5.3's form (SPIs `i:r`, endpoints without a port): refused before (the IKE_SA head
  // read as a Format-List field, its indented lines glued to it as one record)
  'charon-swanctl-list-sas-5-3-colon-spis-no-ports-zero-traffic.txt': {
    records: 22,
    understood: 22,
    families: { strongswan: 22 },
    causes: [],
    says: [
      [1, 'IKE SA conn-138.201.55.14: ESTABLISHED (IKEv2).'],
      [3, "The other side: identity '172.17.0.3' at 138.201.55.14."],
      [6, 'IPsec SA child-138.201.55.14: INSTALLED, TUNNEL (UDP 4500), ESP:AES_CBC-128/HMAC_SHA1_96.'],
      [8, 'Received through the tunnel: 0 bytes in 0 packets.'],
    ],
  },
  // the current form (`SPI_i* SPI_r`, `host[port]`), traffic both ways
  'charon-swanctl-list-sas-established-installed-traffic-counters.txt': {
    records: 22,
    understood: 22,
    families: { strongswan: 22 },
    causes: [],
    says: [
      [2, "This side: identity '10.42.90.53' at 10.42.90.53:4500."],
      [9, 'Sent through the tunnel: 19120 bytes in 320 packets.'],
      [12, 'IKE SA conn-10.202.31.35: ESTABLISHED (IKEv2).'],
    ],
  },
  // a vendor's charon (strongSwan 5.9.5) naming the IKE_SA without its unique id, `<gw-10_66_24_197> `: both lines were unknown
  'charon-vendor-rfc3339-ike-name-without-unique-id-rekey-create-child-sa.txt': {
    records: 2,
    understood: 2,
    families: { strongswan: 2 },
    causes: [],
    says: [[1, 'This side starts setting up the IPsec part (CHILD_SA) net-0_0_0_0_0-0_0_0_0_0{477021}.']],
  },
  // a rekey whose new Child SA this host's kernel would not take (a policy of another reqid for the same subnets; wrapped lines joined):
  // the kernel's lines were unknown, so `failed to establish CHILD_SA … The line before says why` pointed at nothing read
  'charon-systemd-rekey-policy-exists-other-reqid-wrapped-spd-install-failed.txt': {
    records: 11,
    understood: 11,
    families: { strongswan: 11 },
    causes: [],
    says: [
      [7, "This host's kernel already holds a policy for 10.12.112.0/21 === 10.0.0.0/8 (in), another Child SA's (reqid 1): the new one (reqid 16) could not be installed."],
      [11, "This host's kernel refused to install the IPsec part (Child SA)"],
      [12, 'The IPsec part (CHILD_SA) could not be set up; the IKE SA stays.'],
    ],
  },
  // an Algo (strongSwan) server whose PC connects again each second while its old Child SA still holds its virtual IP's policy
  // (trailofbits/algo #963): each refusal a warning, no cause (README's id table: the networks were agreed, no proposal is at fault)
  'charon-cfg-policy-exists-same-virtual-ip-reconnect-repeated-reqids.txt': {
    records: 8,
    understood: 8,
    families: { strongswan: 8 },
    causes: [],
    says: [[1, "This host's kernel already holds a policy for 0.0.0.0/0 === 10.19.48.3/32 (out), another Child SA's (reqid 19): the new one (reqid 156) could not be installed."]],
  },
  // a filelog with `time_format = %a, %Y-%m-%d, %H:%M:%S` and ike_name: an IKEv1 reauthentication's Main Mode, its restarted tasks listed
  // one a line (`reinitiating already active tasks`, `  ISAKMP_VENDOR task`) — those three were unknown
  'charon-filelog-weekday-comma-date-ikev1-reauth-reinitiating-tasks.txt': {
    records: 14,
    understood: 14,
    families: { strongswan: 14 },
    causes: [],
    says: [
      [5, 'strongSwan bookkeeping.'],
      [11, 'IKE SA gw-gw[1] established.'],
    ],
  },
  // OPNsense 23.1's `swanctl -i`: an Aggressive Mode initiate answered by IKEv1 notify 29 in parentheses (strongSwan has no name for it),
  // `received (29) error notify`, once unknown; the include warning of strongswan.conf before it stays unknown
  'charon-swanctl-opnsense-aggressive-mode-informational-v1-error-notify-29.txt': {
    records: 8,
    understood: 7,
    families: { strongswan: 7 },
    causes: [],
    says: [[7, 'The other side refused the kind of IKEv1 exchange this side started (notify 29, UNSUPPORTED-EXCHANGE-TYPE)']],
  },
};

describe('real strongSwan fixtures (group ipsec)', () => {
  realServerLogTable(EXPECTED);
});
