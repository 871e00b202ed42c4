import { expect } from "vitest";
import {
  decideRoute,
  routeMessage,
  ROUTING_RULES,
  type RoutingRules,
  type UnclassifiedKind,
} from "../../../../../app/pipeline/auto";
import { PrivacyVault, sanitize, type Detection } from "../../../../../app/privacy";

const online = (locale: string) => ({ locale, alwaysLocalTopics: [], offline: false, cloudAvailable: true });

/**
 * Auto's decision for `message` when the engine found exactly `found` (each at its first
 * occurrence): a pure decision, so a case shows what a rule does when the engine missed a name.
 */
export function decideWith(
  message: string,
  found: Array<[string, Detection["type"]]> = [],
  locale = "en-GB",
  rules: RoutingRules = ROUTING_RULES,
) {
  const messageDetections: Detection[] = found.map(([text, type]) => {
    const start = message.indexOf(text);
    return { type, text, start, end: start + text.length, source: "nlp" };
  });
  return decideRoute({ message, messageDetections, ...online(locale) }, rules);
}

/** `decideWith` with American English as the default locale, as the English name-shape cases are written. */
export const decideUsEnglish = (
  message: string,
  found: Array<[string, Detection["type"]]> = [],
  locale = "en-US",
  rules?: RoutingRules,
) => decideWith(message, found, locale, rules);

/** The routing rules with one kind of unclassified token switched off: shows that the rule is needed. */
export const without = (kind: UnclassifiedKind): RoutingRules => ({
  ...ROUTING_RULES,
  checkedKinds: ROUTING_RULES.checkedKinds.filter((k) => k !== kind),
});

/** What the cloud would read: the message sanitized with the vault routeMessage registered the masks in. */
export function sentToCloud(message: string, locale = "en-GB"): string {
  const vault = new PrivacyVault(`c-${locale}`);
  expect(routeMessage({ message, vault, settings: online(locale) }).route).toBe("hybrid");
  return sanitize(message, vault, { locale }).text;
}
