import type { Detection } from "../../privacy";
import { nationalId } from "../../privacy/recognizers/nationalId";
import { countHealthWords } from "./healthWords";
import { findUnclassified, type UnclassifiedKind, type UnclassifiedToken } from "./findUnclassified";
import {
  CATEGORY_PHRASES,
  UNCLASSIFIED_KINDS,
  ROUTING_RULES,
  type RoutingRules,
  type RuleId,
  type SensitiveCategory,
} from "./routingRules";

export type Route = "local" | "hybrid";

/** Everything one decision looks at. Detections are the engine's `detect()` over each text. */
export interface RouteInput {
  message: string;
  messageDetections: readonly Detection[];
  /** The local model's draft (sketch), when one was written before deciding; else null. */
  sketch?: string | null;
  sketchDetections?: readonly Detection[];
  /** BCP-47 locale of the conversation (its language picks vocabulary and cue words). */
  locale: string;
  /** The user's "always local" topics (Settings → Privacy). */
  alwaysLocalTopics: readonly string[];
  offline: boolean;
  /** Whether a cloud model is set up. */
  cloudAvailable: boolean;
}

export interface RouteDecision {
  route: Route;
  /** The rule that sent it local; null when no rule fired (Hybrid). */
  rule: RuleId | null;
  /** One sentence for the user. Never contains a private value. */
  reason: string;
  /** Distinct private items the engine found (message and sketch), masked tokens included. */
  privateItems: number;
  /**
   * Hybrid only: tokens the engine could not classify, to be masked as private items in the
   * request (routeMessage registers them in the vault). Private values: never stored or logged.
   */
  masked: string[];
  /** The kind of each `masked` token, in the same order (the routing benchmark counts masking rules by it). */
  maskedKinds: UnclassifiedKind[];
  /**
   * `unclassified-tokens` only: the distinct kinds of the tokens that kept the message here
   * (findUnclassified's order), for the routing benchmark's per-kind counts; else empty.
   */
  kinds: UnclassifiedKind[];
}

const LOCAL = "Answered on this device: ";

/**
 * Auto mode's decision for one message (issue #16), pure: the first rule of ROUTING_RULES'
 * order that fires sends the message to the device; otherwise Hybrid (sanitized, through the
 * gate). Reasons name kinds and counts, never values: they are stored, shown and logged.
 */
export function decideRoute(input: RouteInput, rules: RoutingRules = ROUTING_RULES): RouteDecision {
  const detections = [...input.messageDetections, ...(input.sketchDetections ?? [])];
  const privateItems = new Set(detections.map((d) => `${d.type}\0${d.text.toLowerCase()}`)).size;
  const local = (rule: RuleId, why: string, items = privateItems): RouteDecision => ({
    route: "local",
    rule,
    reason: LOCAL + why,
    privateItems: items,
    masked: [],
    maskedKinds: [],
    kinds: [],
  });
  if (input.offline) return local("offline", "offline mode is on.");
  if (!input.cloudAvailable) return local("no-cloud", "no cloud model is set up.");
  if (matchesTopic(input, input.alwaysLocalTopics))
    return local("always-local-topic", "your message is about one of your always-local topics.");
  const category = sensitiveCategory(input, rules);
  if (category) return local("sensitive-content", `your message mentions ${CATEGORY_PHRASES[category]}.`);
  const unclassified = unclassifiedTokens(input, rules);
  // An unclassified token (most likely a name, or a number about someone) makes the message about someone.
  if (mentionsOwnHealth(input, rules, unclassified.length > 0))
    return local("health-vocabulary", `your message mentions ${CATEGORY_PHRASES.health}.`);
  const kept = unclassified.filter((t) => !t.maskable);
  if (kept.length > 0)
    return {
      ...local(
        "unclassified-tokens",
        `${countPhrase(kept.length, "word or number", "words or numbers")} the privacy engine could not classify.`,
      ),
      kinds: UNCLASSIFIED_KINDS.filter((kind) => kept.some((t) => t.kind === kind)),
    };
  // The rest are masked like private items: they count towards the threshold as such.
  const distinct = distinctTokens(unclassified);
  const masked = distinct.map((t) => t.text);
  const items = privateItems + masked.length;
  if (items > rules.maxPrivateItems)
    return local(
      "too-many-items",
      `${items} private items, more than the ${rules.maxPrivateItems} Auto lets the cloud see as placeholders.`,
      items,
    );
  if (draftAnswers(input, rules))
    return local("draft-answers", "the local draft already answers this short question.", items);
  const maskedKinds = distinct.map((t) => t.kind);
  return {
    route: "hybrid",
    rule: null,
    reason: hybridReason(items),
    privateItems: items,
    masked,
    maskedKinds,
    kinds: [],
  };
}

/** "Polished by the cloud: 4 private items replaced" (the count the report gives after the run). */
export function hybridReason(replaced: number): string {
  return `Polished by the cloud: ${countPhrase(replaced, "private item", "private items")} replaced.`;
}

export function languageOf(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? "en").toLowerCase();
}

function countPhrase(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize("NFC")
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * A topic matches when each of its content words starts a word of the message or sketch
 * ("my divorce" matches "the divorce papers", "divorced"); the user's own possessives and
 * pronouns in a topic ("my", "mein", "mon") are not content words.
 */
function matchesTopic(input: RouteInput, topics: readonly string[]): boolean {
  const pronouns = new Set(Object.values(ROUTING_RULES.firstPerson).flat());
  const haystack = words(`${input.message}\n${input.sketch ?? ""}`);
  return topics.some((topic) => {
    const content = words(topic).filter((w) => !pronouns.has(w));
    return content.length > 0 && content.every((w) => haystack.some((h) => h.startsWith(w)));
  });
}

/**
 * Health, money or identity-document items in the user's own context: found in the sketch (the
 * local model wrote it from the private context), registered from the profile or documents
 * (source "context"/"declared"), or in a message written in the first person.
 */
function sensitiveCategory(input: RouteInput, rules: RoutingRules): SensitiveCategory | null {
  const firstPerson = isFirstPerson(input.message, input.locale, rules);
  const own = (d: Detection) => firstPerson || d.source === "context" || d.source === "declared";
  const candidates: Array<[Detection, string]> = [
    ...input.messageDetections.filter(own).map((d): [Detection, string] => [d, input.message]),
    ...(input.sketchDetections ?? []).map((d): [Detection, string] => [d, input.sketch ?? ""]),
  ];
  for (const category of Object.keys(rules.sensitiveTypes) as SensitiveCategory[]) {
    const types = rules.sensitiveTypes[category];
    const counts = ([d, text]: [Detection, string]) =>
      types.includes(d.type) && (category !== "identity" || isIdentityDocument(d, text, input.locale, rules));
    if (candidates.some(counts)) return category;
  }
  return null;
}

/**
 * An identity-document number (passport, national id, tax id, social security), as opposed to
 * a customer, order or case number: the engine's national-id recognizer reads the value itself,
 * or an identity-document cue stands just before it ("passport no. X1234567").
 */
function isIdentityDocument(d: Detection, text: string, locale: string, rules: RoutingRules): boolean {
  return (
    nationalId(d.text, { country: "US", language: languageOf(locale) }).length > 0 ||
    afterIdentityCue(text, d.start, rules)
  );
}

function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/’/g, "'").toLowerCase();
}

/**
 * Health words (WordNet's conditions, symptoms, drugs, treatments) in a message that is about
 * someone: written in the first person, or naming a private item (a person, a number…, or a
 * token the engine could not classify), or
 * with a sketch the local model wrote from the private context. "What is a migraine?" alone is
 * a general question and goes the Hybrid way.
 */
function mentionsOwnHealth(input: RouteInput, rules: RoutingRules, unclassified: boolean): boolean {
  // A health term the engine typed says what, not whom: only other items point at someone.
  const names = (d: Detection) => !rules.sensitiveTypes.health.includes(d.type);
  const aboutSomeone =
    unclassified ||
    isFirstPerson(input.message, input.locale, rules) ||
    input.messageDetections.some(names) ||
    (input.sketchDetections ?? []).some(names);
  return aboutSomeone && countHealthWords(`${input.message}\n${input.sketch ?? ""}`, rules.healthRoots) > 0;
}

function isFirstPerson(text: string, locale: string, rules: RoutingRules): boolean {
  const cues = new Set(rules.firstPerson[languageOf(locale)] ?? rules.firstPerson.en);
  return text
    .toLowerCase()
    .split(/[^\p{L}'’]+/u)
    .some((w) => cues.has(w) || cues.has(w.split(/['’]/u)[0] ?? ""));
}

/**
 * The words and numbers of the message and sketch that may be masked, whatever the route: for
 * a message the user asked to send through the cloud ("ask the other way"), which the rules
 * would have kept on the device.
 */
export function tokensToMask(input: RouteInput, rules: RoutingRules = ROUTING_RULES): UnclassifiedToken[] {
  return distinctTokens(unclassifiedTokens(input, rules, rules.maskedWhenAsked).filter((t) => t.maskable));
}

/** One token per text (case ignored): where it first occurs, as last written. */
function distinctTokens<T extends { text: string }>(tokens: readonly T[]): T[] {
  return [...new Map(tokens.map((t) => [t.text.toLowerCase(), t])).values()];
}

/** Unclassified tokens of the message and sketch, each with whether it may be masked. */
function unclassifiedTokens(
  input: RouteInput,
  rules: RoutingRules,
  maskedKinds = rules.maskedKinds,
): Array<UnclassifiedToken & { maskable: boolean }> {
  const language = languageOf(input.locale);
  const of = (text: string, detections: readonly Detection[]) =>
    findUnclassified(text, detections, language, rules).map((t) => ({
      ...t,
      maskable: maskedKinds.includes(t.kind) && !afterIdentityCue(text, t.start, rules),
    }));
  return [
    ...of(input.message, input.messageDetections),
    ...(input.sketch ? of(input.sketch, input.sketchDetections ?? []) : []),
  ];
}

/** An untyped token right after an identity-document cue ("passport number is C01X00T47") is one. */
function afterIdentityCue(text: string, start: number, rules: RoutingRules): boolean {
  const before = fold(text.slice(Math.max(0, start - rules.identityCueWindow), start));
  return rules.identityDocumentCues.some((cue) => before.includes(fold(cue)));
}

/** A short factual question (not about the user) that a short local draft already answers. */
function draftAnswers(input: RouteInput, rules: RoutingRules): boolean {
  const draft = input.sketch?.trim() ?? "";
  if (draft === "" || draft.endsWith("?")) return false;
  const message = input.message.trim();
  const messageWords = words(message);
  if (messageWords.length === 0 || messageWords.length > rules.shortQuestionWords) return false;
  if (isFirstPerson(message, input.locale, rules)) return false;
  const openers = rules.questionWords[languageOf(input.locale)] ?? rules.questionWords.en ?? [];
  const isQuestion = message.endsWith("?") || openers.includes(messageWords[0] ?? "");
  return isQuestion && words(draft).length <= rules.draftMaxWords;
}
