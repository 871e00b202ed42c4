import { asSanitized } from "./brand";
import { detect, detectSteps } from "./detect";
import { PLACEHOLDER } from "./placeholder";
import type { PrivacyVault } from "./PrivacyVault";
import { recentNames } from "./recentNames";
import type { Span } from "./recognizers/Recognizer";
import type { Detection, DetectOptions, PrivateType, SanitizeResult } from "./types";

/**
 * Upper bound on re-check passes over the output. Replacing text can register new vault values
 * and variants ("Thompson" after "Gary Thompson") and change what the name rules see around a
 * placeholder, so the output is scanned again — with every step, exactly as the egress gate
 * will — until nothing is found (issue #11, item 4: sanitize is a fixpoint of the gate). In
 * practice one re-check finds nothing; the bound only stops a pathological loop, and the gate
 * still blocks whatever a bounded run left.
 */
const MAX_PASSES = 4;

/**
 * Replaces every private item by its vault placeholder (creating placeholders as needed).
 * `options.declaredTerms` are registered in the vault first, so they stay private for the
 * whole conversation.
 */
export function sanitize(text: string, vault: PrivacyVault, options: DetectOptions = {}): SanitizeResult {
  if (options.declaredTerms?.length) vault.registerTerms(options.declaredTerms, "declared");
  const first: FirstScan = { memo: new Map(), revision: vault.revision };
  const detections = detectSteps(text, vault, options, { structured: true, nlp: options.nlp !== false }, first.memo);
  return sanitizeDetected(text, vault, detections, options, first);
}

/**
 * What the full scan that found the detections leaves to the re-check (speed, issue #11): step 4's
 * paragraph results — a paragraph with nothing replaced is not run through the names rules again,
 * the same text gives the same spans — and the vault revision it scanned at. Every other step
 * re-scans the whole output. At the end the paragraph results go to the vault's recentNames,
 * from which the egress gate's scan of this output takes them (issue #13; spans only — the gate
 * runs every other step itself). sanitize never reads recentNames.
 */
interface FirstScan {
  /** Handed to the vault's recentNames at the end, for the egress gate's re-scan of the output. */
  memo: Map<string, readonly Span[]>;
  revision: number;
}

/** Applies given detections, then re-checks the output until the full detect finds nothing (shared with sanitizeWithModel). */
export function sanitizeDetected(
  text: string,
  vault: PrivacyVault,
  detections: Detection[],
  options: DetectOptions,
  first?: FirstScan,
): SanitizeResult {
  const recheck = { ...options, declaredTerms: undefined };
  const steps = { structured: true, nlp: options.nlp !== false };
  const memo = first?.memo ?? new Map<string, readonly Span[]>();
  let out = replace(text, vault, detections);
  // Nothing found: text and vault are as that scan saw them (its terms included the declared ones), so a re-scan finds nothing.
  let clean = detections.length === 0 && vault.revision === first?.revision;
  for (let pass = 1; pass < MAX_PASSES && !clean; pass++) {
    const more = detectSteps(out, vault, recheck, steps, memo);
    clean = more.length === 0;
    if (!clean) out = replace(out, vault, more);
  }
  const recent = recentNames(vault);
  for (const [paragraph, spans] of memo) recent.set(paragraph, spans);
  const sanitized = result(out, vault);
  if (clean) markClean(sanitized, vault, options);
  return sanitized;
}

/**
 * When a result's text was last scanned with every step and found clean: the vault revision and
 * the options the scan depended on. Vault entries never change once added, so at an unchanged
 * revision a re-scan would find nothing again: settleParts skips it (a full scan of an 8 KB
 * sketch is most of sanitize's cost). At another revision, or in another vault, only steps 1–2
 * can find something new: steps 3–4 read nothing but the text, the locale and the nlp switch,
 * and found nothing in this text — so the re-check runs the term matcher only.
 */
interface CleanScan {
  revision: number;
  locale: string | undefined;
  nlp: boolean;
}
const cleanAt = new WeakMap<SanitizeResult, CleanScan>();

function markClean(r: SanitizeResult, vault: PrivacyVault, options: DetectOptions): void {
  cleanAt.set(r, { revision: vault.revision, locale: options.locale, nlp: options.nlp !== false });
}

/** What a re-check of an already sanitized result finds: terms only when steps 3–4 already found it clean, else every step. */
function recheck(r: SanitizeResult, vault: PrivacyVault, options: DetectOptions): Detection[] {
  const scan = cleanAt.get(r);
  const recheckOptions = { ...options, declaredTerms: undefined };
  if (!scan || scan.locale !== options.locale || scan.nlp !== (options.nlp !== false))
    return detect(r.text, vault, recheckOptions);
  return detectSteps(r.text, vault, recheckOptions, { structured: false, nlp: false });
}

/**
 * A result sanitized earlier (e.g. a chat's history message, sent again with every turn),
 * brought up to date with `vault` as it is now: anything found is replaced and re-checked as
 * sanitize() does. Costs a term match when the result was found clean with the same locale and
 * nlp switch, a full scan otherwise. The caller must make sure the result's placeholders mean
 * the same values in `vault` (the same conversation).
 */
export function resanitize(previous: SanitizeResult, vault: PrivacyVault, options: DetectOptions = {}): SanitizeResult {
  if (options.declaredTerms?.length) vault.registerTerms(options.declaredTerms, "declared");
  const more = recheck(previous, vault, options);
  if (more.length > 0) return sanitizeDetected(previous.text, vault, more, options);
  markClean(previous, vault, options);
  return previous;
}

/**
 * Sanitizes the parts of one request (instruction, sketch) in one vault so that the request as a
 * whole is a fixpoint: a value found in a later part ("Rose Baker Albers" in the sketch) can make
 * an earlier part's leftover ("Albers") private, so earlier parts are re-checked until no part
 * changes (bounded like MAX_PASSES).
 */
export function sanitizeParts(
  parts: readonly string[],
  vault: PrivacyVault,
  options: DetectOptions = {},
): SanitizeResult[] {
  return settleParts(
    parts.map((part) => sanitize(part, vault, options)),
    vault,
    options,
  );
}

/** Re-checks already sanitized parts against the vault as it is now, until none changes. */
export function settleParts(
  results: readonly SanitizeResult[],
  vault: PrivacyVault,
  options: DetectOptions = {},
): SanitizeResult[] {
  let settled = [...results];
  for (let round = 1; round < MAX_PASSES; round++) {
    let changed = false;
    settled = settled.map((r) => {
      if (cleanAt.get(r)?.revision === vault.revision) return r;
      const more = recheck(r, vault, options);
      if (more.length === 0) {
        markClean(r, vault, options);
        return r;
      }
      changed = true;
      return sanitizeDetected(r.text, vault, more, options);
    });
    if (!changed) break;
  }
  return settled;
}

function result(out: string, vault: PrivacyVault): SanitizeResult {
  return { text: asSanitized(out), replaced: placeholdersIn(out, vault) };
}

function replace(text: string, vault: PrivacyVault, detections: Detection[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const d of [...detections].sort((a, b) => a.start - b.start)) {
    if (d.start < at) continue;
    parts.push(text.slice(at, d.start), vault.placeholderFor(d.text, d.type, "detected"));
    at = d.end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** The vault placeholders present in `text`, in order of first appearance. */
function placeholdersIn(text: string, vault: PrivacyVault): Array<{ placeholder: string; type: PrivateType }> {
  const seen = new Map<string, PrivateType>();
  for (const m of text.matchAll(PLACEHOLDER)) {
    const entry = vault.get(m[0]);
    if (entry && !seen.has(m[0])) seen.set(m[0], entry.type);
  }
  return [...seen].map(([placeholder, type]) => ({ placeholder, type }));
}
