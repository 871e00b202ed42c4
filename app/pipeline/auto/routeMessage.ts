import { detect, PrivacyVault, type PrivateTerm } from "../../privacy";
import { decideRoute, tokensToMask, type RouteDecision, type RouteInput } from "./decideRoute";
import { ROUTING_RULES, type UnclassifiedKind } from "./routingRules";

/** The settings a routing decision reads (AppSettings' fields plus whether a cloud is set up). */
export interface RouteSettings {
  locale: string;
  alwaysLocalTopics: readonly string[];
  offline: boolean;
  cloudAvailable: boolean;
}

export interface RouteMessageInput {
  message: string;
  /** The local draft, when one exists. */
  sketch?: string | null;
  /**
   * The conversation's vault with its private context registered (what Hybrid would use). Without
   * one (e.g. a proxy that knows no context), an empty vault: only the recognizers see the text.
   */
  vault?: PrivacyVault;
  settings: RouteSettings;
  /** Terms private whatever the context (the proxy passes the profile's, as its sanitizer does). Default none. */
  declaredTerms?: PrivateTerm[];
  /** Step 4 (names, organisations, places) of detect(). Default true; the routing benchmark turns it off to stand in for a weaker engine. */
  nlp?: boolean;
}

/**
 * Runs the engine's `detect()` over the message (and sketch) and decides where it is answered.
 * A Hybrid decision may mask tokens the engine could not classify: they are registered in
 * `vault` (type OTHER), so sanitize with THIS vault replaces them and the gate blocks them.
 * The one entry point for the Auto answerer, the CLI, the routing benchmark and the privacy
 * proxy's `auto` policy (issue #13, not wired yet): in ProxyService.route, for policy "auto",
 * `routeMessage({ message: <last user message>, vault, declaredTerms, settings: { locale,
 * alwaysLocalTopics, offline, cloudAvailable: upstream !== null } })` → "local" = answerLocally
 * (nothing forwarded), "hybrid" = the "sanitize" path.
 */
export function routeMessage(input: RouteMessageInput): RouteDecision {
  const vault = input.vault ?? new PrivacyVault("auto-route");
  const decision = decideRoute(routeInput(input, vault));
  // Words the engine could not classify become private items of this conversation: the same
  // vault the sanitizer replaces from and the gate re-checks against (no second, weaker path).
  registerMasked(
    vault,
    decision.masked.map((text, i) => ({ text, kind: decision.maskedKinds[i] })),
    `${input.message}\n${input.sketch ?? ""}`,
  );
  return decision;
}

/**
 * For a message the user asked to send through the cloud: registers the words the engine could
 * not classify in `vault` as routeMessage would for a Hybrid decision. Returns how many.
 */
export function maskUnclassified(input: RouteMessageInput & { vault: PrivacyVault }): number {
  const masked = tokensToMask(routeInput(input, input.vault));
  registerMasked(input.vault, masked, `${input.message}\n${input.sketch ?? ""}`);
  return masked.length;
}

function routeInput(input: RouteMessageInput, vault: PrivacyVault): RouteInput {
  const options = { locale: input.settings.locale, nlp: input.nlp !== false, declaredTerms: input.declaredTerms };
  const sketch = input.sketch?.trim() ? input.sketch : null;
  return {
    message: input.message,
    messageDetections: detect(input.message, vault, options),
    sketch,
    sketchDetections: sketch ? detect(sketch, vault, options) : [],
    ...input.settings,
  };
}

/**
 * A word masked because it was capitalised matches only capitalised later
 * (routingRules.capitalOnlyKinds), unless the message or draft also writes it in lowercase: then
 * the writer may mean the same name both ways, and every case is replaced.
 */
function registerMasked(
  vault: PrivacyVault,
  masked: ReadonlyArray<{ text: string; kind?: UnclassifiedKind }>,
  written: string,
): void {
  if (masked.length > 0)
    vault.registerTerms(
      masked.map(({ text, kind }) => ({
        text,
        type: "OTHER",
        ...(kind && ROUTING_RULES.capitalOnlyKinds.includes(kind) && !hasLowercase(written, text)
          ? { capitalOnly: true }
          : {}),
      })),
      "detected",
    );
}

/** Whether `text` has `word` written in lowercase as a word of its own ("mint" in "mint tea"). */
function hasLowercase(text: string, word: string): boolean {
  const lower = word.toLowerCase();
  for (let at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
    const before = text[at - 1] ?? " ";
    const after = text[at + lower.length] ?? " ";
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
