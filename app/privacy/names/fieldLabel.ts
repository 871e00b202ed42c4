import { isVocabularyWord } from "../commonWords";
import { LABEL } from "./contextNames";
import { isEnglishWord } from "./englishWords";
import { lexicon } from "./lexicon";
import type { Token } from "./nameTokens";

/**
 * A form field's label: a word at the start of a line or sentence, directly followed by a colon ("E-mail:",
 * "E-Mail :", "Check-in:", "Nom :"), that is a known label, a dictionary or everyday word, or
 * made of such words joined by hyphens. A colon after an unknown word at a line start
 * announces a speaker ("Halldór: What …"); after such a word it announces a value. Listed given
 * names and surnames stay speakers ("Baker: I'll fix it", "Jean-Pierre: on arrive").
 */
export function isFieldLabel(text: string, token: Token): boolean {
  if (!/^[ \u00a0]?:/.test(text.slice(token.end, token.end + 2))) return false;
  // At the start of a line, or of a sentence on it: "Please reply soon. E-mail: …" is a label too.
  if (!/(?:^|\n|[.!?][ \t])[ \t]*$/.test(text.slice(Math.max(0, text.lastIndexOf("\n", token.start - 1)), token.start)))
    return false;
  if (LABEL.test(token.lower)) return true;
  const parts = token.lower.split("-").filter((part) => part.length > 1);
  return isLabelWord(token.lower) || (parts.length > 0 && parts.every(isLabelWord));
}

/** A dictionary or everyday word ("e-mail" is in the frequency lists) that is no listed name. */
function isLabelWord(lower: string): boolean {
  const lex = lexicon();
  if (lex.firstNames.has(lower) || lex.lastNames.has(lower)) return false;
  return isEnglishWord(lower) || isVocabularyWord(lower);
}
