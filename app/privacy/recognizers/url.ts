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

export const url: Recognizer = (text) => {
  if (!text.includes(".")) return [];
  const spans: Span[] = [];
  for (const regex of [SCHEME_URL, WWW_URL, BARE_DOMAIN]) {
    for (const m of text.matchAll(regex)) {
      const start = m.index ?? 0;
      const end = trimTrailing(text, start, start + m[0].length);
      if (end > start + 3) spans.push({ start, end, type: "URL" });
    }
  }
  return spans;
};
