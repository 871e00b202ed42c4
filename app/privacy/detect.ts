/**
 * detect(): every private item in a text, in ORIGINAL offsets. Pure and synchronous.
 *
 * The order (issue #3):
 *   0. normalize — NFKC, invisible chars, homoglyphs, letter spacing, spelled-out e-mails
 *   1. declared terms — options.declaredTerms and every value already in the vault (+ variants)
 *   2. context-derived terms — vault entries registered by registerContext()
 *   3. structured identifiers — recognizers with validators (checksums, libphonenumber)
 *   4. names, organisations, places — context rules and word lists (options.nlp, default on)
 *   (5. the local-model pass is async: sanitizeWithModel)
 * Overlaps are merged (resolveOverlaps), and our own placeholders are never detected.
 */
import { matchTerms } from "./matchTerms";
import { normalize, toOriginalSpan } from "./normalize";
import type { PrivacyVault } from "./PrivacyVault";
import { address } from "./recognizers/address";
import { age } from "./recognizers/age";
import { bareHandle } from "./recognizers/bareHandle";
import { card } from "./recognizers/card";
import { dateOfBirth } from "./recognizers/dateOfBirth";
import { email } from "./recognizers/email";
import { foreignPlaceholder } from "./recognizers/foreignPlaceholder";
import { handle } from "./recognizers/handle";
import { iban } from "./recognizers/iban";
import { keywordId } from "./recognizers/keywordId";
import { macAddress } from "./recognizers/macAddress";
import { ip } from "./recognizers/ip";
import { medical } from "./recognizers/medical";
import { money } from "./recognizers/money";
import { names } from "./recognizers/names";
import { nationalId } from "./recognizers/nationalId";
import { phone } from "./recognizers/phone";
import { relationOrg } from "./recognizers/relationOrg";
import { homeDirectory, secret } from "./recognizers/secret";
import type { Recognizer, RecognizerContext } from "./recognizers/Recognizer";
import { url } from "./recognizers/url";
import { resolveOverlaps, type Candidate } from "./resolveOverlaps";
import type { Detection, DetectOptions } from "./types";

/** Step 3, in order. Order does not change the result (overlaps are merged), only readability. */
export const STRUCTURED_RECOGNIZERS: ReadonlyArray<readonly [string, Recognizer]> = [
  ["foreignPlaceholder", foreignPlaceholder],
  ["email", email],
  ["url", url],
  ["handle", handle],
  ["bareHandle", bareHandle],
  ["iban", iban],
  ["card", card],
  ["phone", phone],
  ["ip", ip],
  ["nationalId", nationalId],
  ["keywordId", keywordId],
  ["macAddress", macAddress],
  ["dateOfBirth", dateOfBirth],
  ["address", address],
  ["age", age],
  ["medical", medical],
  ["money", money],
  ["relationOrg", relationOrg],
  ["secret", secret],
  ["homeDirectory", homeDirectory],
];

/** Our placeholders, also as models rewrite them: "[PERSON_1]", "[Person 1]". */
export const PLACEHOLDER_PATTERN = /\[\s*[A-Za-z]+(?:[_ ][A-Za-z]+)*[_ ]\d+\s*\]/g;

export function recognizerContext(locale = "en-US"): RecognizerContext {
  const [language = "en", region] = locale.split(/[-_]/);
  const byLanguage: Record<string, string> = { en: "US", de: "DE", fr: "FR" };
  return { language: language.toLowerCase(), country: (region ?? byLanguage[language.toLowerCase()] ?? "US").toUpperCase() };
}

export function detect(text: string, vault: PrivacyVault, options: DetectOptions = {}): Detection[] {
  return detectSteps(text, vault, options, { structured: true, nlp: options.nlp !== false });
}

/**
 * detect() with a choice of steps. sanitize() uses terms-only for its re-check of the output:
 * replacing text cannot create a new e-mail or name, but new vault entries (and their
 * variants, "Thompson" after "Gary Thompson") must be searched for again.
 */
export function detectSteps(text: string, vault: PrivacyVault, options: DetectOptions, steps: { structured: boolean; nlp: boolean }): Detection[] {
  if (text.length === 0) return [];
  const n = normalize(text);
  const context = recognizerContext(options.locale);
  const candidates: Candidate[] = [...matchTerms(n.text, vault, options.declaredTerms, n)];
  for (const [, recognize] of steps.structured ? STRUCTURED_RECOGNIZERS : []) {
    for (const s of recognize(n.text, context)) candidates.push({ ...s, source: "pattern" });
  }
  if (steps.nlp) for (const s of names(n.text, context)) candidates.push({ ...s, source: "nlp" });
  const placeholders = [...n.text.matchAll(PLACEHOLDER_PATTERN)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  const outside = candidates.filter((c) => !placeholders.some(([s, e]) => c.start < e && c.end > s));
  const mapped = resolveOverlaps(outside).flatMap((c) => toDetection(text, n, c));
  // Two normalized spans can map into one disguised original span ("anna dot weber at …").
  return resolveOverlaps(mapped).map((c) => ({ ...c, text: text.slice(c.start, c.end) }));
}

function toDetection(text: string, n: ReturnType<typeof normalize>, c: Candidate): Candidate[] {
  let { start, end } = toOriginalSpan(n, c.start, c.end);
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return end > start ? [{ type: c.type, start, end, source: c.source }] : [];
}
