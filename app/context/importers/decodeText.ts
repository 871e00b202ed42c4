/**
 * Bytes of a text file → a string. A BOM decides (UTF-8, UTF-16 LE/BE); without one, valid
 * UTF-8 is UTF-8 and anything else is read as Windows-1252, the usual encoding of old
 * Western-European text files (every byte is valid in it, so this never fails).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * Bytes 0x80–0x9F of Windows-1252 (€, curly quotes, dashes, …); the rest is Latin-1. Done by
 * hand because Node 20's TextDecoder("windows-1252") decodes these as C1 control characters.
 */
const HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1");
  return latin1.replace(/[\u0080-\u009F]/gu, (c) => HIGH[c.charCodeAt(0) - 0x80]!);
}
