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
import { clipAtPatterns } from "./clipAtPatterns";
import { matchTerms } from "./matchTerms";
import { normalize, toOriginalSpan } from "./normalize";
import { LOOSE_PLACEHOLDER } from "./placeholder";
import type { PrivacyVault } from "./PrivacyVault";
import { recentNames } from "./recentNames";
import { address } from "./recognizers/address";
import { age } from "./recognizers/age";
import { bareHandle } from "./recognizers/bareHandle";
import { card } from "./recognizers/card";
import { commandUser } from "./recognizers/commandUser";
import { dateOfBirth } from "./recognizers/dateOfBirth";
import { email } from "./recognizers/email";
import { foreignPlaceholder } from "./recognizers/foreignPlaceholder";
import { handle } from "./recognizers/handle";
import { iban } from "./recognizers/iban";
import { keywordId } from "./recognizers/keywordId";
import { macAddress } from "./recognizers/macAddress";
import { ip } from "./recognizers/ip";
import { frenchMedical } from "./recognizers/frenchMedical";
import { medical } from "./recognizers/medical";
import { money } from "./recognizers/money";
import { names, type NamesMemo } from "./recognizers/names";
import { nationalId } from "./recognizers/nationalId";
import { phone } from "./recognizers/phone";
import { relationOrg } from "./recognizers/relationOrg";
import { homeDirectory, secret } from "./recognizers/secret";
import type { Recognizer, RecognizerContext, Span } from "./recognizers/Recognizer";
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
  ["commandUser", commandUser],
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
  ["frenchMedical", frenchMedical],
  ["money", money],
  ["relationOrg", relationOrg],
  ["secret", secret],
  ["homeDirectory", homeDirectory],
];

export function recognizerContext(locale = "en-US"): RecognizerContext {
  const [language = "en", region] = locale.split(/[-_]/);
  const byLanguage: Record<string, string> = { en: "US", de: "DE", fr: "FR" };
  return {
    language: language.toLowerCase(),
    country: (region ?? byLanguage[language.toLowerCase()] ?? "US").toUpperCase(),
  };
}

/** Every step, on the text as it is; paragraphs sanitize() scanned in this vault keep their step-4 spans (recentNames). */
export function detect(text: string, vault: PrivacyVault, options: DetectOptions = {}): Detection[] {
  return detectSteps(text, vault, options, { structured: true, nlp: options.nlp !== false }, recentNames(vault));
}

/**
 * detect() with a choice of steps. sanitize() uses terms-only for its re-check of a text whose
 * steps 3–4 already found nothing (settleParts, resanitize): only new vault entries (and their
 * variants, "Thompson" after "Gary Thompson") can match there.
 *
 * `memo`: step-4 results of paragraphs seen before (see NamesMemo): earlier in the same sanitize
 * call, or, for detect() (the egress gate), in the vault's recent sanitize calls.
 */
export function detectSteps(
  text: string,
  vault: PrivacyVault,
  options: DetectOptions,
  steps: { structured: boolean; nlp: boolean },
  memo?: NamesMemo,
): Detection[] {
  if (text.length === 0) return [];
  const n = normalize(text);
  const context = recognizerContext(options.locale);
  const candidates: Candidate[] = matchTerms(n.text, vault, options.declaredTerms, n);
  if (steps.structured)
    for (const [, recognize] of STRUCTURED_RECOGNIZERS) addSpans(candidates, recognize(n.text, context), "pattern");
  if (steps.nlp) addSpans(candidates, clipAtPatterns(n.text, names(n.text, context, memo), candidates), "nlp");
  const mapped = resolveOverlaps(outsidePlaceholders(n.text, candidates)).flatMap((c) => toDetection(text, n, c));
  // Two normalized spans can map into one disguised original span ("anna dot weber at …").
  return resolveOverlaps(mapped).map((c) => ({
    start: c.start,
    end: c.end,
    type: c.type,
    source: c.source,
    text: text.slice(c.start, c.end),
  }));
}

// Object literals with the same fields in the same order, not spreads: one hidden class for every candidate.
function addSpans(candidates: Candidate[], spans: readonly Span[], source: Candidate["source"]): void {
  for (const s of spans) candidates.push({ start: s.start, end: s.end, type: s.type, source });
}

/** Candidates that do not touch one of our placeholders ("[PERSON_1]" is never detected). */
function outsidePlaceholders(text: string, candidates: Candidate[]): Candidate[] {
  if (!text.includes("[")) return candidates;
  const placeholders = [...text.matchAll(LOOSE_PLACEHOLDER)].map(
    (m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const,
  );
  if (placeholders.length === 0) return candidates;
  return candidates.filter((c) => !placeholders.some(([s, e]) => c.start < e && c.end > s));
}

function toDetection(text: string, n: ReturnType<typeof normalize>, c: Candidate): Candidate[] {
  let { start, end } = toOriginalSpan(n, c.start, c.end);
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
  return end > start ? [{ type: c.type, start, end, source: c.source }] : [];
}
