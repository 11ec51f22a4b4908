// Windows-1252 ("ANSI" on Western Windows), decoded by table. Node 20's
// TextDecoder('windows-1252') reads bytes 0x80–0x9F as C1 controls (Latin-1)
// instead of the quotes, dashes and euro sign Windows-1252 puts there, so it
// cannot be trusted for exactly the characters that matter in news text.

/**
 * The characters of bytes 0x80–0x9F. The five bytes Windows-1252 leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stand for the C1 control of the
 * same number, as the WHATWG Encoding Standard reads them.
 */
export const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f' + '\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decodes Windows-1252 bytes (every byte has a character, so this never fails). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? WINDOWS_1252_80_9F.charCodeAt(b - 0x80) : b,
    );
    out += String.fromCharCode(...codes);
  }
  return out;
}
