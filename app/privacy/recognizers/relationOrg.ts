import { isCommonWord, isVocabularyWord } from "../commonWords";
import { groupSpans, type Recognizer, type Span } from "./Recognizer";

/**
 * Organisations named without a legal suffix, after a cue that makes them the user's own
 * (issue #11, item 2): "my employer Brightwater", "I bank with Norvik", "I work for Castlebrook",
 * "Ich arbeite bei Lindqvist Logistik", "versichert bei Hallwyl", "je travaille chez Dupuis
 * Transports", "mon assureur Calvera". The user's employer, bank or insurer identifies them
 * whatever its size (but a one-word name that is an everyday word is left). Grammar only: the cue words are a closed
 * class of en/de/fr; the name is one to three capitalized words, and not one everyday word alone
 * ("I work for Peace", "bei Menschen"). Runs on folded text (no diacritics left in the cues).
 */
// Landlords, lawyers and accountants are as often people as firms: not cues here (the names step's).
// A title says the one after the cue is a person ("mein Vermieter Herr Albrecht"): the names step's, not an organisation.
// ASCII classes without the u flag: the text is folded (Unicode-mode scanning costs 2–4×).
// Each word ends at a word boundary: "chez Belfius BE83 …" names "Belfius", not "Belfius BE" (the IBAN's letters).
const NAME = String.raw`(?!(?:Herr|Frau|Mr|Mrs|Ms|Miss|Dr|Prof|Monsieur|Madame|Mme|Mlle|M)\.?\s)([A-Z][A-Za-z'’&.-]*[A-Za-z](?![A-Za-z0-9])(?:\s+(?:&\s+)?[A-Z][A-Za-z'’&.-]*[A-Za-z](?![A-Za-z0-9])){0,2})`;
const WHAT_EN = String.raw`employer|company|firm|bank|insurer|insurance(?:\s+company)?|health\s+insurer|letting\s+agents?|estate\s+agents?|agency|provider|broker|lender|mortgage\s+lender|school|university|college|gym|practice|clinic|carrier|utility|energy\s+supplier`;
const WHAT_DE = String.raw`Arbeitgeber|Firma|Bank|Versicherung|Krankenkasse|Hausverwaltung|Schule|Praxis|Arbeitsstelle`;
const WHAT_FR = String.raw`employeur|entreprise|societe|banque|assureur|assurance|mutuelle|agence|ecole|cabinet|fournisseur`;
const PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`(?<![A-Za-z])(?:[Mm]y|[Oo]ur)\s+(?:current\s+|former\s+|new\s+|old\s+)?(?:${WHAT_EN})(?:\s*[,:]|\s+is|\s+was)?\s+${NAME}`,
    "dg",
  ),
  new RegExp(
    String.raw`(?<![A-Za-z])(?:I|[Ww]e|[Hh]e|[Ss]he)\s+(?:work|works|worked|am\s+employed|was\s+employed|bank|banks|banked|am\s+insured|was\s+insured)\s+(?:for|at|by|with)\s+${NAME}`,
    "dg",
  ),
  new RegExp(String.raw`(?<![A-Za-z])(?:employed|insured|banking)\s+(?:by|with|at)\s+${NAME}`, "dg"),
  new RegExp(
    String.raw`(?<![A-Za-z])(?:[Mm]ein(?:em|er|en|e)?|[Uu]nser(?:em|er|en|e)?)\s+(?:${WHAT_DE})(?:\s*[,:]|\s+ist|\s+war)?\s+${NAME}`,
    "dg",
  ),
  new RegExp(
    String.raw`(?<![A-Za-z])(?:arbeite|arbeiten|arbeitet|arbeitete|versichert|angestellt|beschaftigt|Kunde|Kundin)\s+(?:bei|fur)\s+${NAME}`,
    "dg",
  ),
  new RegExp(
    String.raw`(?<![A-Za-z])(?:[Mm]on|[Mm]a|[Nn]otre)\s+(?:${WHAT_FR})(?:\s*[,:]|\s+est|\s+etait)?\s+${NAME}`,
    "dg",
  ),
  new RegExp(
    String.raw`(?<![A-Za-z])(?:travaille|travaillons|travaillait|bosse|assure|assuree|client|cliente|employee?)\s+(?:chez|pour|par)\s+${NAME}`,
    "dg",
  ),
  new RegExp(String.raw`(?<![A-Za-z])chez\s+${NAME}`, "dg"),
];

/**
 * Not one word of the everyday vocabulary alone ("Peace", "Menschen" — and so not "Google"
 * either: the 10k lists hold brands); several words need one that is not among the commonest
 * ("Dupuis Transports", "Riverside Primary").
 */
function isName(value: string): boolean {
  const words = value
    .split(/\s+/)
    .filter((w) => w !== "&")
    .map((w) => w.replace(/['’]s$/u, ""));
  return words.length === 1 ? !isVocabularyWord(words[0] ?? "") : words.some((w) => !isCommonWord(w));
}

// Quick check for any cue word, so most texts skip the eight patterns.
const HAS_CUE =
  /(?:my|our|work|bank|employ|insur|mein|unser|arbeit|versichert|angestellt|beschaftigt|kund|mon|ma|notre|travail|bosse|assur|client|employe|chez)\s/i;

export const relationOrg: Recognizer = (text) => {
  if (!HAS_CUE.test(text)) return [];
  const spans: Span[] = [];
  for (const regex of PATTERNS) spans.push(...groupSpans(text, regex, "ORG", 1, isName));
  return spans;
};
