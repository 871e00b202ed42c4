import { isVocabularyWord } from "../commonWords";
import type { Span } from "../recognizers/Recognizer";
import { isEnglishWord } from "./englishWords";
import { PUBLIC_NAMES } from "./nameTokens";

/**
 * Names in another script than the text's own (issue 11, item 3). In these prompts a short run of
 * Chinese, Cyrillic, Arabic, … letters inside Latin-script text is almost always a name: a person
 * ("the actor “曾舜晞”"), a company, an account, a place. A whole text in that script is not all
 * names: there only cue-marked runs count — a short quoted run (“艺传新闻小助手”, «…») and, in
 * Chinese/Japanese, a run ending in an institution word (哈尔滨工程大学: "… University").
 *
 * Scripts by Unicode property (\p{Script=…}); CJK ideographs, kana and Hangul count as one
 * family for "the text's own script", so Japanese kanji in a Japanese text are not foreign.
 */
const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ["Latin", /\p{Script=Latin}/u],
  ["CJK", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
  ["Arabic", /\p{Script=Arabic}/u],
  ["Hebrew", /\p{Script=Hebrew}/u],
  ["Devanagari", /\p{Script=Devanagari}/u],
  ["Thai", /\p{Script=Thai}/u],
  ["Bengali", /\p{Script=Bengali}/u],
  ["Tamil", /\p{Script=Tamil}/u],
  ["Georgian", /\p{Script=Georgian}/u],
  ["Armenian", /\p{Script=Armenian}/u],
];

// Latin letters, digits, punctuation and symbols: most text is only these, and needs no per-character test.
const NOT_LATIN_OR_COMMON = /[^\t\n\r\u0020-\u02af\u1e00-\u1eff\u2000-\u2bff]/u;

/** The script of one letter, or null (digits, punctuation, marks). */
export function scriptOf(ch: string): string | null {
  const code = ch.charCodeAt(0);
  // ASCII: the letters are A–Z and a–z (what \p{L} says there), without a regular expression per character.
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? "Latin" : null;
  if (code < 0x250) return /\p{L}/u.test(ch) ? "Latin" : null;
  for (const [name, re] of SCRIPTS) if (re.test(ch)) return name;
  return /\p{L}/u.test(ch) ? "Other" : null;
}

/** A Chinese word is one or two characters; other scripts' words are runs of letters. */
const CJK_CHARS_PER_WORD = 1.5;

/**
 * The script most words of the text are written in ("Latin" for an empty text). Words, not
 * letters: "请把这段话翻译成英文：meeting tomorrow" is a Chinese instruction with two English words.
 */
export function mainScript(text: string): string {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(WORD)) {
    for (const [, segment, s] of scriptSegments(m[0])) {
      const words = s === "CJK" ? [...segment].length / CJK_CHARS_PER_WORD : 1;
      counts.set(s, (counts.get(s) ?? 0) + words);
    }
  }
  let best = "Latin";
  let most = 0;
  for (const [s, n] of counts) if (n > most) [best, most] = [s, n];
  return best;
}

const WORD = /[\p{L}\p{M}]+/gu;
const JOINER = /^[ \-·・]$/u;
/** Longer than this (letters), a run is a passage, not a name: "翻译下面的英文句子……". */
const MAX_NAME_LETTERS = { CJK: 10, other: 40 };
const MAX_NAME_WORDS = 4;
// Institution words that end a Chinese/Japanese organisation name: university, college, company,
// hospital, bank, school, group, institute, office, firm (simplified and traditional forms).
const CJK_ORG_END =
  /(?:大学|大學|学院|學院|公司|医院|醫院|银行|銀行|中学|中學|小学|小學|集团|集團|研究所|研究院|事务所|事務所|株式会社|協会|协会)$/u;
// Function characters that precede a name in running Chinese text: "在", "于", "从", "我的", …
const CJK_LEAD = /^[在于從从到是的和与與我你他她把被为為对對向给給]+/u;
const QUOTED = /[“「『«"„‹]([^“”「」『』«»"„‹›\n]{1,20})[”」』»"“›]/gu;

function runScript(run: string): string | null {
  let found: string | null = null;
  for (const ch of run) {
    const s = scriptOf(ch);
    if (!s) continue;
    if (found && s !== found) return null;
    found = s;
  }
  return found;
}

/**
 * A name is at most a few words; outside CJK (where one character can be a word) it is also more
 * than one letter: a lone Hebrew or Greek letter in Latin text is a symbol or a mis-decoded
 * character ("ג€“", a dash read in the wrong code page), not anyone's name.
 */
function isNameSized(run: string, script: string): boolean {
  const letters = [...run].filter((ch) => /\p{L}/u.test(ch)).length;
  const words = run.split(/[ \-·・]/).length;
  if (script !== "CJK" && letters < 2) return false;
  return letters <= (script === "CJK" ? MAX_NAME_LETTERS.CJK : MAX_NAME_LETTERS.other) && words <= MAX_NAME_WORDS;
}

/** A letter run cut where the script changes: [offset, text, script]. */
function scriptSegments(word: string): Array<[number, string, string]> {
  // Below U+0250 a WORD match holds only Latin letters (no marks, which start at U+0300): one segment, as the loop would give.
  if (allBelow(word, 0x250)) return [[0, word, "Latin"]];
  const out: Array<[number, string, string]> = [];
  let offset = 0;
  for (const ch of word) {
    const script = scriptOf(ch);
    const last = out[out.length - 1];
    if (last && (script === null || script === last[2])) last[1] += ch;
    else out.push([offset, ch, script ?? "Other"]);
    offset += ch.length;
  }
  return out;
}

function allBelow(word: string, limit: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= limit) return false;
  return true;
}

/** Words of one script joined by single spaces, hyphens or middle dots ("Дмитрий Волков"). */
function scriptRuns(text: string): Array<{ start: number; end: number; script: string }> {
  const runs: Array<{ start: number; end: number; script: string }> = [];
  for (const m of text.matchAll(WORD)) {
    // Chinese has no spaces: "给koushik" is two words, one per script.
    for (const [offset, segment, script] of scriptSegments(m[0])) {
      const start = (m.index ?? 0) + offset;
      const last = runs[runs.length - 1];
      if (last && last.script === script && JOINER.test(text.slice(last.end, start))) last.end = start + segment.length;
      else runs.push({ start, end: start + segment.length, script });
    }
  }
  return runs;
}

/** Runs of a non-Latin script that differs from the text's main script. */
function foreignRuns(text: string, main: string): Span[] {
  return scriptRuns(text)
    .filter((r) => r.script !== "Latin" && r.script !== main && isNameSized(text.slice(r.start, r.end), r.script))
    .map((r) => ({ start: r.start, end: r.end, type: "PERSON" }));
}

/** In a text in that script: short quoted runs and CJK organisation names. */
function cuedRuns(text: string, main: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const inner = m[1] ?? "";
    const start = (m.index ?? 0) + 1;
    if (runScript(inner) === main && isNameSized(inner, main) && !/[，。！？,.!?]/u.test(inner))
      spans.push({ start, end: start + inner.length, type: "PERSON" });
  }
  if (main !== "CJK") return spans;
  for (const m of text.matchAll(/[\p{Script=Han}]+/gu)) {
    const org = /[\p{Script=Han}]{2,8}$/u.exec(m[0].slice(0, cjkOrgEnd(m[0])));
    if (!org) continue;
    const lead = CJK_LEAD.exec(org[0])?.[0].length ?? 0;
    const start = (m.index ?? 0) + org.index + lead;
    const end = (m.index ?? 0) + org.index + org[0].length;
    if (end - start >= 3) spans.push({ start, end, type: "ORG" });
  }
  return spans;
}

/** End (exclusive) of the first institution word in a Han run, or 0. */
function cjkOrgEnd(run: string): number {
  for (let end = 2; end <= run.length; end++) if (CJK_ORG_END.test(run.slice(0, end))) return end;
  return 0;
}

/**
 * In a Chinese/Japanese/Korean text, a Latin-script word that is no English or en/de/fr word is a
 * name ("发邮件给koushik"); English words there are quoted terms, not names. Only in CJK text:
 * Cyrillic or Greek prompts mix in code whose identifiers are better left to other steps.
 */
function latinInCjk(text: string): Span[] {
  return scriptRuns(text)
    .filter((r) => r.script === "Latin")
    .flatMap((r) =>
      [...text.slice(r.start, r.end).matchAll(/[\p{L}\p{M}]+/gu)].map((m) => ({
        word: m[0],
        start: r.start + (m.index ?? 0),
      })),
    )
    .filter(
      ({ word }) =>
        word.length >= 3 &&
        !/^\p{Lu}+$/u.test(word) &&
        !isEnglishWord(word.toLowerCase()) &&
        !isVocabularyWord(word) &&
        !PUBLIC_NAMES.has(word.toLowerCase()),
    )
    .map(({ word, start }) => ({ start, end: start + word.length, type: "PERSON" }));
}

/** Quotes and institution words are cues only inside a non-Latin text: quoted English is no name. */
export function foreignScriptNames(text: string, main?: string): Span[] {
  if (main === undefined && !NOT_LATIN_OR_COMMON.test(text)) return [];
  main ??= mainScript(text);
  if (main === "Latin") return foreignRuns(text, main);
  return [...foreignRuns(text, main), ...cuedRuns(text, main), ...(main === "CJK" ? latinInCjk(text) : [])];
}
