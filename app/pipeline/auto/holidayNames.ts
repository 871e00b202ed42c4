import { holidayNameList } from "../../privacy/names/holidayWords";

/**
 * Whole holiday names of two or more words (date-holidays, en/de/fr: "Boxing Day", "Fourth of
 * July", "Tag der Deutschen Einheit"), indexed by each capitalised word, lowercased. A word of
 * such a name written out in the text is public (round 9): "Boxing" alone is no holiday word.
 */
let byWord: Map<string, string[]> | null = null;

function index(): Map<string, string[]> {
  if (byWord) return byWord;
  byWord = new Map();
  for (const name of holidayNameList()) {
    const lower = name.trim().toLowerCase();
    const words = name.match(/\p{Lu}[\p{L}\p{M}'’]*/gu) ?? [];
    if (!/\s/u.test(lower) || words.length === 0) continue;
    for (const word of new Set(words.map((w) => w.toLowerCase()))) {
      const list = byWord.get(word) ?? [];
      list.push(lower);
      byWord.set(word, list);
    }
  }
  return byWord;
}

/** Whether the token at `start` is a word of a whole holiday name written there ("Boxing" of "Boxing Day"). */
export function isInHolidayName(text: string, start: number, token: string): boolean {
  const names = index().get(token.toLowerCase());
  if (!names) return false;
  const lower = text.toLowerCase();
  return names.some((name) => {
    const from = Math.max(0, start - name.length);
    for (let at = lower.indexOf(name, from); at >= 0 && at <= start; at = lower.indexOf(name, at + 1))
      if (at + name.length >= start + token.length) return true;
    return false;
  });
}
