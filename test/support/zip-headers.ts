/**
 * A ZIP fflate wrote, changed in place as other writers' archives are: a file marked password-protected (general purpose flag
 * bit 0, APPNOTE.TXT 4.4.4) or packed by another method (4.4.5, e.g. 12 bzip2), in both its local header (`PK\3\4`: flag at +6,
 * method at +8) and its central directory header (`PK\1\2`: flag at +8, method at +10). `index`: the file's place in the archive.
 */
function headers(zip: Uint8Array, sig: 1 | 3): number[] {
  const at: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === sig && zip[i + 3] === sig + 1) at.push(i);
  return at;
}

export function markEncrypted(zip: Uint8Array, index: number): Uint8Array {
  zip[headers(zip, 3)[index]! + 6]! |= 1;
  zip[headers(zip, 1)[index]! + 8]! |= 1;
  return zip;
}

export function setMethod(zip: Uint8Array, index: number, method: number): Uint8Array {
  zip[headers(zip, 3)[index]! + 8] = method;
  zip[headers(zip, 1)[index]! + 10] = method;
  return zip;
}
