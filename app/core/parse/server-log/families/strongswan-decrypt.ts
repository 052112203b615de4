import { context, d, step, type Rule } from '../kit';

/**
 * strongSwan charon: a message this side could not decrypt. In IKEv1 the keys come from the pre-shared key (RFC 2409 §5.4 SKEYID for
 * pre-shared keys), so a Main Mode message that decrypts to garbage is the strongSwan FAQ's "most likely an incorrect PSK". State
 * across lines (this family's): whether `could not decrypt payloads` came (undecryptable) and whether the `decryption failed?` line
 * already gave the cause (decryptCauseGiven), for the `processing failed` line that ends the same message. Spread into
 * strongswan.ts's rule list, in this order.
 */
export const DECRYPT_RULES: readonly Rule[] = [
  // strongSwan src/libcharon/encoding/payloads/encrypted_payload.c: `invalid HASH_V1 payload length, decryption failed?` — the strongSwan
  // FAQ: "most likely due to an incorrect PSK on one of the peers" (IKEv1 keys include the PSK); message.c then logs `could not decrypt payloads`
  [/^invalid (\S+) payload length, decryption failed\?$/, (_m, _p, s) => {
    s.decryptCauseGiven = true;
    return { decoded: [d('ikeDecryptFailed')], outcome: 'failure', cause: 'ike-auth-failed' };
  }],
  // task_manager_v1.c process_request: `ID_PROT request with message ID 0 processing failed` after message.c's `could not decrypt
  // payloads` — this side (the Main Mode responder) could not decrypt the other side's first encrypted message (MI3), whose key
  // IKEv1 derives from the pre-shared key (RFC 2409 §5.4): the same PSK mismatch as `decryption failed?`, for a paste that lost
  // that line (apache/cloudstack #4153). Said once: not when that line already gave the cause. Any message's `processing failed`
  // ends what the lines before it said of that message (task_manager_v1.c / task_manager_v2.c), so it clears both
  [/^(\S+) (request|response) with message ID (\d+) processing failed$/, (m, _p, s) => {
    const mismatch = m[1] === 'ID_PROT' && m[2] === 'request' && m[3] === '0' && s.undecryptable === true && s.decryptCauseGiven !== true;
    s.undecryptable = s.decryptCauseGiven = undefined;
    return mismatch ? { decoded: [d('ikeDecryptFailed')], outcome: 'failure', cause: 'ike-auth-failed' } : step('ikeMessageUnreadable', undefined, 'warning');
  }],
  context(/^could not decrypt payloads$/, (_m, _p, s) => {
    s.undecryptable = true;
    return step('ikeMessageUnreadable', undefined, 'warning');
  }, (_message, s) => {
    s.undecryptable = true;
  }),
];
