import { describe, expect, it } from 'vitest';
import { algorithmsWindowsLacks, windowsIkeSetting } from './windows-ike-settings';

/**
 * The server's configured IKE proposals (charon's `configured proposals:` line) → the Windows IPsec policy that sends one of them.
 * Rows from real logs: jawj/IKEv2-setup (GCM-256/PRF SHA-384/ECP-384, what its Windows PowerShell line sets), trailofbits/algo #760
 * (three proposals, Windows sends the third) and #1063 (PRF SHA-512 only: none), quericy/one-key-ikev2-vpn #130 (a line cut short).
 */
describe('windowsIkeSetting', () => {
  const rows: [string, string | null | undefined][] = [
    ['IKE:AES_GCM_16_256/PRF_HMAC_SHA2_384/ECP_384', '-EncryptionMethod GCMAES256 -IntegrityCheckMethod SHA384 -DHGroup ECP384'],
    [
      'IKE:AES_GCM_16_128/PRF_HMAC_SHA2_512/ECP_256, IKE:AES_CBC_128/HMAC_SHA2_512_256/PRF_HMAC_SHA2_512/ECP_256, IKE:AES_CBC_128/HMAC_SHA2_384_192/PRF_HMAC_SHA2_384/ECP_256',
      '-EncryptionMethod AES128 -IntegrityCheckMethod SHA384 -DHGroup ECP256',
    ],
    ['IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048', '-EncryptionMethod AES256 -IntegrityCheckMethod SHA256 -DHGroup Group14'],
    ['IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024', '-EncryptionMethod DES3 -IntegrityCheckMethod SHA196 -DHGroup Group2'],
    // several algorithms of a type in one proposal: the first Windows has of each, a hash Windows uses for both integrity and PRF
    ['IKE:CHACHA20_POLY1305/AES_CBC_256/HMAC_SHA2_512_256/HMAC_SHA1_96/PRF_HMAC_SHA2_512/PRF_HMAC_SHA1/CURVE_25519/MODP_2048', '-EncryptionMethod AES256 -IntegrityCheckMethod SHA196 -DHGroup Group14'],
    // integrity and PRF of different hashes: Windows sends one hash for both
    ['IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_384/MODP_2048', null],
    ['IKE:AES_GCM_16_256/PRF_HMAC_SHA2_512/ECP_384', null],
    ['IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/CURVE_25519', null],
    ['IKE:CHACHA20_POLY1305/PRF_HMAC_SHA2_256/ECP_256', null],
    ['IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_3072', null],
    // a proposal without a key exchange is a cut line: no claim
    ['IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_3072, IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/PRF_HMAC_MD5', undefined],
    // ESP proposals are not Windows' IKE SA
    ['ESP:AES_GCM_16_256/NO_EXT_SEQ', undefined],
  ];
  for (const [configured, parameters] of rows) {
    it(configured, () => {
      const fit = windowsIkeSetting(configured);
      expect(fit === null || fit === undefined ? fit : fit.parameters).toBe(parameters);
    });
  }
  it('names the proposal it found', () => {
    expect(windowsIkeSetting('IKE:AES_GCM_16_128/PRF_HMAC_SHA2_512/ECP_256, IKE:AES_CBC_128/HMAC_SHA2_384_192/PRF_HMAC_SHA2_384/ECP_256')?.proposal).toBe(
      'IKE:AES_CBC_128/HMAC_SHA2_384_192/PRF_HMAC_SHA2_384/ECP_256',
    );
  });
});

describe('algorithmsWindowsLacks', () => {
  it("the first proposal's algorithms Windows never sends", () => {
    expect(algorithmsWindowsLacks('IKE:AES_GCM_16_256/PRF_HMAC_SHA2_512/ECP_384')).toEqual(['PRF_HMAC_SHA2_512']);
    expect(algorithmsWindowsLacks('IKE:CHACHA20_POLY1305/PRF_HMAC_SHA2_256/CURVE_25519, IKE:AES_CBC_256/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_4096')).toEqual(['CHACHA20_POLY1305', 'CURVE_25519']);
  });
});
