import { isAbbreviation } from "./isAbbreviation";

/** The title used when a first message has no words to take one from. */
export const UNTITLED = "New conversation";

/** A title is at most this many words… */
export const TITLE_MAX_WORDS = 12;
/** …and this many characters, "…" included. */
export const TITLE_MAX_CHARS = 60;

/**
 * A short conversation title from the whole first message (issue 12: cutting at the first full
 * stop turned "…my landlord Mr. Smith…" into "…my landlord Mr"): its prose, lines joined, with
 * Markdown and extra whitespace removed, cut at a word boundary with "…" when longer than
 * 12 words or 60 characters. An abbreviation ("Mr.", "z. B.") never ends a cut title.
 * "New conversation" when nothing readable is left.
 */
export function deriveTitle(firstMessage: string): string {
  const prose = proseOf(firstMessage);
  if (!/[\p{L}\p{N}\p{So}]/u.test(prose)) return UNTITLED;
  return shorten(prose);
}

/** Code blocks are skipped (a pasted snippet makes a poor title) unless they are all there is. */
function proseOf(text: string): string {
  const withoutCode = text.replace(/^\s*(```|~~~)[^\n]*\n[\s\S]*?(^\s*\1[^\n]*$|(?![\s\S]))/gm, "\n");
  return joinLines(withoutCode) || joinLines(text.replace(/^\s*(```|~~~).*$/gm, ""));
}

function joinLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map(stripMarkdown)
    .filter((line) => line.length > 0)
    .join(" ");
}

function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*(#{1,6}\s+|>\s*|[-*+]\s+(\[[ xX]\]\s+)?|\d+[.)]\s+)+/, "") // headings, quotes, list markers, task boxes
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images keep their text
    .replace(/<[^>]+>/g, " ") // inline HTML tags
    .replace(/(\*\*|__|~~|[*_`])(\S(?:.*?\S)?)\1/g, "$2") // emphasis, strike, inline code
    .replace(/[*_`~#]{2,}/g, " ") // leftover runs such as "***" rules
    .replace(/\s+/g, " ")
    .trim();
}

function shorten(prose: string): string {
  const words = prose.split(" ");
  let title = words.slice(0, TITLE_MAX_WORDS).join(" ");
  const cutWords = words.length > TITLE_MAX_WORDS;
  if (!cutWords && charCount(title) <= TITLE_MAX_CHARS) return withoutFinalStop(title);
  if (charCount(title) > TITLE_MAX_CHARS - 1) title = cutAtWord(title, TITLE_MAX_CHARS - 1);
  return `${withoutTrailingAbbreviations(title).replace(/[\s,;:.\-–—]+$/u, "")}…`;
}

/** A whole message ending in "." reads better as a title without it; "etc." keeps its dot. */
function withoutFinalStop(title: string): string {
  const last = title.slice(title.lastIndexOf(" ") + 1);
  return isAbbreviation(last) ? title : title.replace(/(?<!\.)\.$/, "");
}

/** "Write to Mr." → "Write to"; "Was heißt z. B." → "Was heißt" (a single word is kept). */
function withoutTrailingAbbreviations(title: string): string {
  const words = title.split(" ");
  while (words.length > 1 && isAbbreviation(words[words.length - 1]!)) words.pop();
  return words.join(" ");
}

/** The longest prefix of whole words within `max` characters; a single huge word is cut hard. */
function cutAtWord(text: string, max: number): string {
  const head = [...text].slice(0, max + 1).join("");
  const space = head.lastIndexOf(" ");
  return space > 0 ? head.slice(0, space) : [...text].slice(0, max).join("");
}

/** Characters as a person counts them (an emoji is one, not two UTF-16 units). */
function charCount(text: string): number {
  return [...text].length;
}
