import { trimTrailing, type Recognizer, type Span } from "./Recognizer";

const SCHEME_URL = /\b(?:https?|ftp|socks[45]?|wss?):\/\/[^\s<>"'`]+/giu;
const WWW_URL = /(?<![\p{L}\p{N}@./])www\.[^\s<>"'`]+/giu;
// Bare domains only with a common TLD (so "Node.js", "e.g." and "report.pdf" stay), optional path.
const TLDS =
  "com|org|net|edu|gov|io|co|ai|app|dev|me|info|biz|de|fr|uk|ch|at|nl|be|es|it|pt|se|no|dk|fi|pl|cz|eu|us|ca|au|nz|in|jp|cn|ru|br|mx|ae|sa|za|ng|ke|ly|tv|gg";
const BARE_DOMAIN = new RegExp(
  String.raw`(?<![\p{L}\p{N}@._\-\/])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:${TLDS})(?:\.[a-z]{2})?(?:\/[^\s<>"'\x60]*)?(?![\p{L}\p{N}@\-])`,
  "giu",
);

const DOMAIN_END = new RegExp(String.raw`[a-z0-9]\.(?:${TLDS})`, "iu");
// What every match of each pattern contains (same flags): a text without it is not scanned (speed, issue #11).
// BARE_DOMAIN's scan tries every word start; its last label always ends in "x.tld".
const PATTERNS: ReadonlyArray<readonly [RegExp, (text: string) => boolean]> = [
  [SCHEME_URL, (text) => text.includes("://")],
  [WWW_URL, (text) => /www\./iu.test(text)],
  [BARE_DOMAIN, (text) => DOMAIN_END.test(text)],
];

export const url: Recognizer = (text) => {
  if (!text.includes(".")) return [];
  const spans: Span[] = [];
  for (const [regex, mayMatch] of PATTERNS) {
    if (!mayMatch(text)) continue;
    for (const m of text.matchAll(regex)) {
      const start = m.index ?? 0;
      const end = trimTrailing(text, start, start + m[0].length);
      if (end > start + 3) spans.push({ start, end, type: "URL" });
    }
  }
  return spans;
};
