/**
 * Auto mode's routing rules as data (issue #16). Every threshold, type list and cue word that
 * decides whether a message is answered on the device or polished by the cloud lives here, so
 * docs/PRIVACY.md ("Auto mode") and this file can be read side by side.
 *
 * Types are the engine's `PrivateType` names as strings: a type the engine does not produce yet
 * (MONEY, issue #11) simply never matches until it does.
 */

/** The rules, in the order decideRoute checks them; the first that fires decides. */
export const RULE_IDS = [
  "offline",
  "no-cloud",
  "always-local-topic",
  "sensitive-content",
  "health-vocabulary",
  "unclassified-tokens",
  "too-many-items",
  "draft-answers",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

import type { HealthRoot } from "./healthWords";
import type { LexFile } from "./communicationWords";

/** Why a token is one the engine cannot vouch for (findUnclassified.ts). */
export type UnclassifiedKind =
  | "unknown-capitalised"
  | "unknown-lowercase"
  | "non-latin"
  | "untyped-digits"
  | "amount"
  | "code"
  | "after-title"
  | "given-name-word"
  | "name-part-word"
  | "capitalised-word"
  | "capitalised-run"
  | "addressee"
  | "relation-name"
  | "greeting-name"
  | "speaker-name";

/** Every kind, in the order findUnclassified tries them. */
export const UNCLASSIFIED_KINDS: readonly UnclassifiedKind[] = [
  "non-latin",
  "code",
  "amount",
  "untyped-digits",
  "after-title",
  "relation-name",
  "greeting-name",
  "speaker-name",
  "given-name-word",
  "unknown-capitalised",
  "name-part-word",
  "capitalised-word",
  "capitalised-run",
  "addressee",
  "unknown-lowercase",
];

/**
 * Word lists whose capitalised words are public vocabulary, not someone's name, in every
 * language: "titles" = the engine's honorifics (Mr, Dr, Frau, Mme… in names/nameTokens.ts), which
 * announce a name but are none; "holidays" = the engine's holiday words (package date-holidays:
 * "Eid", "Ramadan", "Toussaint"; given names such as "Patrick" excluded); round 9 (publicNouns.ts):
 * "kinship" = WordNet's kin nouns and the names step's relation nouns ("Mom", "Papa", "Oma"),
 * "public-nouns" = WordNet's capitalised kinds and the commonest words used as nouns ("Bible",
 * "Internet"); given names excluded from both.
 */
export type PublicWordList = "titles" | "holidays" | "kinship" | "public-nouns";

export type SensitiveCategory = "health" | "money" | "identity";

export interface RoutingRules {
  /**
   * Engine types whose mere presence tells the cloud too much even as a placeholder
   * ("[MEDICAL_1]" still says the user has a condition): health, money, identity documents.
   */
  sensitiveTypes: Readonly<Record<SensitiveCategory, readonly string[]>>;
  /**
   * WordNet 3.1 noun synsets whose hyponyms are health vocabulary (healthWords.ts): a message
   * about the user or a named person that uses one of their words stays on the device, typed by
   * the engine or not ("my tinnitus", "Anna's eczema").
   */
  healthRoots: readonly HealthRoot[];
  /**
   * Identity documents are what `identity` means: an `ID` detection counts only when the engine's
   * national-id recognizer (SSN, Steuer-ID, NIR, NINO, pension number, passport) reads it, or one
   * of these cues (the identity-document subset of the engine's id cue words, en/de/fr, matched
   * folded and lower-cased) stands within `identityCueWindow` characters before it. Customer,
   * order and case numbers are replaced by placeholders and tell the cloud nothing.
   */
  identityDocumentCues: readonly string[];
  identityCueWindow: number;
  /**
   * Unclassified tokens of these kinds are masked in the Hybrid request (registered in the
   * conversation's vault as private items, so the sanitizer replaces them and the gate re-checks
   * them) instead of keeping the whole message on the device. Default: codes and untyped digit
   * strings only, which are structurally simple and which the structured recognizers find with
   * high recall. An unknown word (capitalised or lowercase) means the engine's name/medical recall
   * failed in that message, so other items may have been missed too: it keeps the message local,
   * as do non-Latin runs and amounts next to a currency sign (issue #16, round 3: masking words
   * let 5/271 held-out items reach the cloud against round 1's 2/271).
   */
  maskedKinds: readonly UnclassifiedKind[];
  /**
   * When the user asks for the cloud anyway ("ask the other way"), unclassified tokens of these
   * kinds are masked in the request: no rule keeps the message here any more, so every kind that
   * can be masked is. Default: unknown words, codes and untyped digit strings.
   */
  maskedWhenAsked: readonly UnclassifiedKind[];
  /**
   * Masked tokens of these kinds are registered in the vault as matching only where written with
   * a capital (round 9): they were masked because they were capitalised mid-sentence, so the
   * lowercase word later in the conversation is the word ("Mint" the company, "mint tea").
   * Default: the three capitalised-word guesses.
   */
  capitalOnlyKinds: readonly UnclassifiedKind[];
  /**
   * The kinds findUnclassified reports (a kind left out is never reported, as before it existed).
   * Default: all of UNCLASSIFIED_KINDS.
   */
  checkedKinds: readonly UnclassifiedKind[];
  /** Lists whose capitalised words count as known vocabulary. Default: all four. */
  publicWordLists: readonly PublicWordList[];
  /**
   * `given-name-word`: languages where a capitalised word mid-sentence is a proper noun, so a
   * given name there is a name even when the dictionary also lists the word ("confirm by letter to
   * Hope", "Will's teacher"). German capitalises every noun and already checks its name lists.
   * Given names: the engine's (compromise's and the de/fr lists) and its name-words (Hope, Will,
   * Rose…), minus month, weekday, holiday and public place/organisation names. Default en, fr.
   */
  givenNameLanguages: readonly string[];
  /**
   * `name-part-word`: languages where a capitalised word mid-sentence that is a listed surname or
   * name part (compromise's surnames, @cspell/dict-people-names) is a name even when the
   * dictionary lists the word ("thank Shepherd", "Baker"); it is masked, not kept local. Not French
   * or German: the name-part list holds their capitalised nouns ("Caisse", "Situation"). Default en.
   */
  namePartLanguages: readonly string[];
  /**
   * `capitalised-word`: languages where any capitalised word mid-sentence that the engine did not
   * type and that is not public by its lists is a proper noun — a company, product or name written
   * with a dictionary word ("a local Tableau reseller"); masked like `name-part-word`, under the
   * same conditions (not after another capitalised word). Needs the language in
   * `namePartLanguages` too. Default en: English capitalises proper nouns only.
   */
  capitalisedWordLanguages: readonly string[];
  /**
   * `capitalised-run`: languages where two or more capitalised words in a row mid-sentence are a
   * proper name ("the Clean Power Finance office"). Not German (every noun is capitalised) nor
   * French (its names of institutions are written in lowercase but the first word). Default en.
   */
  capitalisedRunLanguages: readonly string[];
  /**
   * `addressee`: a lowercase given name (as for `given-name-word`) right after a word whose
   * commonest WordNet sense lies in one of these lexicographer files, or after one of
   * `addresseePrepositions` that follows such a word: the person a message is for ("tell mark",
   * "ask sue", "a message to lily"). English only (WordNet is English). Default: verbs and nouns of
   * communication.
   */
  addresseeCues: readonly LexFile[];
  /** Per language, the prepositions between such a word and the person. Default en: to. */
  addresseePrepositions: Readonly<Record<string, readonly string[]>>;
  /**
   * `relation-name` and `greeting-name` (round 8, masked): languages where a given name or name
   * part that is also an ordinary word, in any case, counts as a name after one of the names
   * step's relation nouns ("my friend mark", "meiner Schwester rose", "mon fils olive"), as a
   * greeting's name ("Hi tom,", "Dear Rose,") or after a sign-off ("Best, Will", "Liebe Grüße,
   * Anna"). The cue lists are the names step's own, in en/de/fr. Default en, de, fr.
   */
  cuedNameLanguages: readonly string[];
  /**
   * `speaker-name` (round 8, masked): languages where a capitalised given name that is also a word
   * starting a sentence is a person when a verb of `speakerVerbs` follows ("Rose said", "Will
   * called", "Hope thinks"). English only (WordNet is English). Default en.
   */
  speakerNameLanguages: readonly string[];
  /** The WordNet lexicographer files of those verbs. Default: verbs of communication and cognition. */
  speakerVerbs: readonly LexFile[];
  /** More distinct private items than this in the message and sketch together → local. Default 8. */
  maxPrivateItems: number;
  /**
   * A digit run of at least this many digits that no recognizer typed → local. Default 2: ages
   * ("just turned 47") and amounts are the held-out scenarios' most leaked types (issue #11).
   */
  minUntypedDigits: number;
  /** Four-digit years in this range are ordinary text, not untyped numbers. Default 1900–2099. */
  yearRange: readonly [number, number];
  /** All-capital words up to this length are taken as acronyms (NHS, GP, HR), not names. Default 5. */
  maxAcronymLength: number;
  /** A "short factual question": at most this many words. Default 14. */
  shortQuestionWords: number;
  /** …answered by a local draft of at most this many words (a longer draft is a letter, not a fact). Default 80. */
  draftMaxWords: number;
  /**
   * First-person words (closed-class pronouns and possessives of en/de/fr grammar): a sensitive
   * item in a first-person message is about the user's own life.
   */
  firstPerson: Readonly<Record<string, readonly string[]>>;
  /** Question words that open a factual question, per language. */
  questionWords: Readonly<Record<string, readonly string[]>>;
}

export const ROUTING_RULES: RoutingRules = Object.freeze({
  sensitiveTypes: {
    health: ["MEDICAL"],
    money: ["MONEY", "IBAN", "CARD"],
    identity: ["ID"],
  },
  identityDocumentCues: [
    "passport",
    "identity card",
    "id card",
    "national id",
    "national identity",
    "national insurance",
    "social security",
    "ssn",
    "tax id",
    "tax identification",
    "taxpayer",
    "driver's licence",
    "driver's license",
    "driving licence",
    "driving license",
    "reisepass",
    "personalausweis",
    "ausweis",
    "steuer-id",
    "steuerid",
    "steueridentifikationsnummer",
    "steuernummer",
    "sozialversicherung",
    "rentenversicherung",
    "passeport",
    "carte d'identite",
    "carte nationale d'identite",
    "securite sociale",
    "numero fiscal",
    "permis de conduire",
  ],
  identityCueWindow: 40,
  maskedKinds: [
    "code",
    "untyped-digits",
    "name-part-word",
    "capitalised-word",
    "capitalised-run",
    "relation-name",
    "greeting-name",
    "speaker-name",
  ] as UnclassifiedKind[],
  maskedWhenAsked: [
    "unknown-capitalised",
    "unknown-lowercase",
    "code",
    "untyped-digits",
    "after-title",
    "given-name-word",
    "name-part-word",
    "capitalised-word",
    "capitalised-run",
    "addressee",
    "relation-name",
    "greeting-name",
    "speaker-name",
  ] as UnclassifiedKind[],
  capitalOnlyKinds: ["name-part-word", "capitalised-word", "capitalised-run"] as UnclassifiedKind[],
  checkedKinds: UNCLASSIFIED_KINDS,
  publicWordLists: ["titles", "holidays", "kinship", "public-nouns"] as PublicWordList[],
  givenNameLanguages: ["en", "fr"],
  namePartLanguages: ["en"],
  capitalisedWordLanguages: ["en"],
  capitalisedRunLanguages: ["en"],
  addresseeCues: ["verb.communication", "noun.communication"] as LexFile[],
  addresseePrepositions: { en: ["to"] },
  cuedNameLanguages: ["en", "de", "fr"],
  speakerNameLanguages: ["en"],
  speakerVerbs: ["verb.communication", "verb.cognition"] as LexFile[],
  healthRoots: [
    { offset: "14057659", lemma: "physiological state" }, // conditions, diseases, pregnancy
    { offset: "14107272", lemma: "mental disorder" },
    { offset: "14323139", lemma: "symptom" },
    { offset: "14309164", lemma: "injury" },
    { offset: "14556805", lemma: "hypersensitivity reaction" }, // allergies
    { offset: "03745652", lemma: "medicine" }, // medications ("drug" would add wine and tobacco)
    { offset: "01026334", lemma: "medical procedure" },
    { offset: "00658847", lemma: "medical care" }, // therapies
    { offset: "00177976", lemma: "diagnostic procedure" },
    { offset: "05746988", lemma: "diagnostic test" }, // blood tests, scans
  ],
  maxPrivateItems: 8,
  minUntypedDigits: 2,
  yearRange: [1900, 2099] as const,
  maxAcronymLength: 5,
  shortQuestionWords: 14,
  draftMaxWords: 80,
  firstPerson: {
    en: ["i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself", "we", "our", "us"],
    de: [
      "ich",
      "mich",
      "mir",
      "mein",
      "meine",
      "meinen",
      "meinem",
      "meiner",
      "meines",
      "wir",
      "uns",
      "unser",
      "unsere",
    ],
    fr: ["je", "j", "me", "m", "moi", "mon", "ma", "mes", "nous", "notre", "nos"],
  },
  questionWords: {
    en: ["what", "when", "where", "who", "which", "how", "is", "are", "does", "do", "can"],
    de: ["was", "wann", "wo", "wer", "welche", "welcher", "welches", "wie", "ist", "sind"],
    fr: ["quel", "quelle", "quels", "quelles", "quand", "où", "qui", "comment", "combien", "est-ce"],
  },
});

/** What the user reads for each sensitive category: "…your message mentions a health condition". */
export const CATEGORY_PHRASES: Readonly<Record<SensitiveCategory, string>> = {
  health: "a health condition",
  money: "money or account details",
  identity: "an identity document number",
};
