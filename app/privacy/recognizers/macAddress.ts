import { matchAll, type Recognizer } from "./Recognizer";

/**
 * MAC addresses (IEEE 802 EUI-48) identify one device: six hex pairs joined by ":" or "-"
 * ("00:1A:2B:3C:4D:5E", the IEEE/Windows forms) or three groups of four joined by "." (Cisco).
 * Not IPv6 (groups of up to four, "::"), not clock times (three pairs).
 */
const COLON_OR_DASH =
  /(?<![\p{L}\p{N}:\-.])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\p{L}\p{N}]|[:-][0-9A-Fa-f])/gu;
const CISCO = /(?<![\p{L}\p{N}.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\p{L}\p{N}]|\.[0-9A-Fa-f])/gu;

export const macAddress: Recognizer = (text) => {
  // Quick checks that start on a rare character, so most texts skip the full patterns.
  const spans = /[:-][0-9A-Fa-f]{2}[:-]/.test(text) ? matchAll(text, COLON_OR_DASH, "ID") : [];
  // Dotted groups of digits only are more often other numbers: a hex letter is required there.
  if (/\.[0-9A-Fa-f]{4}\./.test(text)) spans.push(...matchAll(text, CISCO, "ID", (m) => /[a-f]/i.test(m[0])));
  return spans;
};
