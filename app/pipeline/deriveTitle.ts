/** The title used when a first message has no words to take one from. */
export const UNTITLED = "New conversation";

/** A title is at most this many words… */
export const TITLE_MAX_WORDS = 8;
/** …and this many characters, "…" included. */
export const TITLE_MAX_CHARS = 60;
/** Fewer words than this is not yet a title ("Hi!"). */
const MIN_WORDS = 3;

/**
 * A short conversation title from its first message: the first sentence of its first line of
 * prose, with Markdown and extra whitespace removed, cut at a word boundary with "…" when longer
 * than 8 words or 60 characters. "New conversation" when nothing readable is left.
 */
export function deriveTitle(firstMessage: string): string {
  const line = firstProseLine(firstMessage);
  if (!/[\p{L}\p{N}\p{So}]/u.test(line)) return UNTITLED;
  return shorten(firstSentence(line));
}

/** Code blocks are skipped (a pasted snippet makes a poor title) unless they are all there is. */
function firstProseLine(text: string): string {
  const withoutCode = text.replace(/^\s*(```|~~~)[^\n]*\n[\s\S]*?(^\s*\1[^\n]*$|(?![\s\S]))/gm, "\n");
  return firstNonEmpty(withoutCode) ?? firstNonEmpty(text.replace(/^\s*(```|~~~).*$/gm, "")) ?? "";
}

function firstNonEmpty(text: string): string | undefined {
  return text.split(/\r?\n/).map(stripMarkdown).find((line) => line.length > 0);
}

function stripMarkdown(line: string): string {
  return line
    .replace(/^\s*(#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+/, "") // headings, quotes, list markers
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1") // links and images keep their text
    .replace(/<[^>]+>/g, " ") // inline HTML tags
    .replace(/(\*\*|__|~~|[*_`])(\S(?:.*?\S)?)\1/g, "$2") // emphasis, strike, inline code
    .replace(/[*_`~#]{2,}/g, " ") // leftover runs such as "***" rules
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Up to the end of the first sentence ("? ", "! ", ". "), keeping "?" and "!" and dropping a
 * final ".". A greeting alone ("Hi!") says nothing about the conversation, so sentences are
 * taken until there are at least `MIN_WORDS` words.
 */
function firstSentence(line: string): string {
  const sentenceEnd = /[.!?…]+(?=\s|$)/gu;
  let match: RegExpExecArray | null;
  while ((match = sentenceEnd.exec(line)) !== null) {
    const sentence = line.slice(0, match.index + match[0].length);
    if (sentence.split(" ").length >= MIN_WORDS) return sentence.replace(/(?<!\.)\.$/, "");
  }
  return line;
}

function shorten(sentence: string): string {
  const words = sentence.split(" ");
  let title = words.slice(0, TITLE_MAX_WORDS).join(" ");
  const cutWords = words.length > TITLE_MAX_WORDS;
  if (!cutWords && charCount(title) <= TITLE_MAX_CHARS) return title;
  if (charCount(title) > TITLE_MAX_CHARS - 1) title = cutAtWord(title, TITLE_MAX_CHARS - 1);
  return `${title.replace(/[\s,;:.\-–—]+$/u, "")}…`;
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
