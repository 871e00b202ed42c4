/**
 * The privacy engine's public types. Everything here is plain data; the engine is pure
 * TypeScript (no Electron, no network) so the pipeline, the CLI and the benchmark share it.
 */

/** What kind of private item a detection or vault entry is. Placeholders are `[TYPE_n]`. */
export type PrivateType =
  | "PERSON"
  | "ORG"
  | "LOCATION"
  | "ADDRESS"
  | "EMAIL"
  | "PHONE"
  | "IBAN"
  | "CARD"
  | "IP"
  | "URL"
  | "HANDLE"
  | "ID"
  | "DATE_OF_BIRTH"
  | "AGE"
  | "MEDICAL"
  | "MONEY"
  | "SECRET"
  | "OTHER";

export const PRIVATE_TYPES: readonly PrivateType[] = [
  "PERSON",
  "ORG",
  "LOCATION",
  "ADDRESS",
  "EMAIL",
  "PHONE",
  "IBAN",
  "CARD",
  "IP",
  "URL",
  "HANDLE",
  "ID",
  "DATE_OF_BIRTH",
  "AGE",
  "MEDICAL",
  "MONEY",
  "SECRET",
  "OTHER",
];

/**
 * Text that may leave the device: produced only by `sanitize`/`sanitizeWithModel` in this
 * module (the brand cannot be forged without a cast, which review and lint make visible).
 */
export type SanitizedText = string & { readonly __brand: "SanitizedText" };

/**
 * Which step found an item (see detect.ts for the order):
 * declared = the user's "always private" list or an item already in this conversation's vault;
 * context = derived from the private context (profile, notes, documents) via `registerContext`;
 * pattern = a structured recognizer (e-mail, IBAN, …); nlp = names/orgs/places; model = local model.
 */
export type DetectionSource = "declared" | "context" | "pattern" | "nlp" | "model";

/** One private item found in a text. Offsets are UTF-16 indices into the ORIGINAL text. */
export interface Detection {
  type: PrivateType;
  start: number;
  end: number;
  /** `text.slice(start, end)` of the original text. */
  text: string;
  source: DetectionSource;
}

export interface PrivateTerm {
  text: string;
  /** Default "OTHER". */
  type?: PrivateType;
  /**
   * Match the term only where it is written with a capital (at any position, letter-spaced
   * disguises in any case): a word registered because it was capitalised, such as Auto's guess
   * that "Mint" names a company, is not the lowercase word ("mint tea"). Default false.
   */
  capitalOnly?: boolean;
}

export interface DetectOptions {
  /** The user's "always private" terms (profile, managed list). Default: none. */
  declaredTerms?: PrivateTerm[];
  /**
   * BCP-47 locale, e.g. "en-US", "de-DE", "fr-FR". Its region is the default country for
   * phone numbers without a country code. Default "en-US".
   */
  locale?: string;
  /** Run step 4 (names, organisations, places with compromise + rules). Default true. */
  nlp?: boolean;
  /**
   * Step 5 (only `sanitizeWithModel` uses it): ask a local model for items the earlier steps
   * missed. Only exact substrings of the input are accepted. Default: none.
   */
  modelPass?: (text: string) => Promise<Array<{ text: string; type: PrivateType }>>;
}

/** Where a vault entry came from; decides the `source` of later detections of it. */
export type VaultOrigin = "declared" | "context" | "detected";

export interface VaultEntry {
  /** e.g. "[PERSON_1]". */
  placeholder: string;
  type: PrivateType;
  /** The canonical value restored for the placeholder. */
  value: string;
  /** Other spellings of the same entity that are also replaced ("Gary", "Thompson"). */
  variants: string[];
  origin: VaultOrigin;
  /** Matched only where written with a capital (PrivateTerm.capitalOnly); absent = any case. */
  capitalOnly?: boolean;
}

export interface SanitizeResult {
  text: SanitizedText;
  /** Placeholders that occur in `text`, in order of first appearance (never the values). */
  replaced: Array<{ placeholder: string; type: PrivateType }>;
}

export interface RestoreResult {
  text: string;
  /** How many placeholder occurrences were replaced by their value. */
  restored: number;
  /** Placeholder-looking tokens (as written) that the vault does not know. */
  unresolved: string[];
}
