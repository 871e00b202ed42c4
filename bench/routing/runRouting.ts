import {
  routeMessage,
  RULE_IDS,
  UNCLASSIFIED_KINDS,
  type RuleId,
  type UnclassifiedKind,
} from "../../app/pipeline/auto";
import { PrivacyVault, registerContext } from "../../app/privacy";
import { maskOccurrence } from "../privacy/maskText";
import { containsItem, prepareHaystack } from "../privacy/matchText";
import type { RoutingCase } from "./routingCases";
import type { CloudSender } from "./sendToCloud";
import type { RecordingCloud } from "../../test/helpers/recordingCloud";

/** What one mode did over a set of scenarios, counted on what the recording cloud received. */
export interface ModeResult {
  messages: number;
  /** Messages answered on the device (Auto's local route; for Hybrid, gate blocks). */
  local: number;
  /** Messages whose request reached the cloud. */
  sentToCloud: number;
  blocked: number;
  privateItems: number;
  /** Private items of the scenarios readable in what the cloud received. */
  leaked: number;
  leakedByType: Record<string, number>;
  /**
   * Retention, over the messages whose request reached the cloud: the scenarios' public phrases
   * written in the message (`publicPhrases`) and those the cloud received intact (`publicKept`).
   * A phrase only in the profile or notes is not counted: those are never sent.
   */
  publicPhrases: number;
  publicKept: number;
  /** The public phrases that did not arrive intact (scenario files are synthetic: shown as written). */
  publicLost: Array<{ id: string; phrase: string }>;
  /** Each item the cloud received: the value for synthetic data, a letter/digit mask for real data (PUPA). */
  leaks: LeakDetail[];
}

export interface LeakDetail {
  id: string;
  type: string;
  /** The item as the cloud received it, or its mask ("Aaaa Aaaa") for real user data. */
  shown: string;
}

export interface RoutingResult {
  label: string;
  scenarios: number;
  hybrid: ModeResult;
  auto: ModeResult;
  /** How often each rule decided a message (the first that fired). */
  ruleCounts: Record<RuleId, number>;
  /** Of the `unclassified-tokens` decisions, how many had a token of each kind (a message may count for several). */
  kindCounts: Record<UnclassifiedKind, number>;
  /** Of the Auto messages sent with masks, how many had a token masked by each kind (a message may count for several). */
  maskedMessages: Record<UnclassifiedKind, number>;
  /** Distinct tokens (per message) masked by each kind: each one a placeholder where the user wrote a word. */
  maskedTokens: Record<UnclassifiedKind, number>;
  /** Auto messages sent the Hybrid way with codes or numbers the engine could not classify masked. */
  masked: number;
}

/** Where each scenario's requests are received; `receivedSince(n)` = text of requests n, n+1, … */
export interface Recorder {
  count(): number;
  receivedSince(index: number): string;
}

/** A recording cloud (test/helpers/recordingCloud.ts) as a Recorder: the raw bytes of its requests. */
export function recorder(cloud: RecordingCloud): Recorder {
  return {
    count: () => cloud.requests.length,
    receivedSince: (n) =>
      cloud.requests
        .slice(n)
        .map((r) => r.raw)
        .join("\n"),
  };
}

function emptyMode(): ModeResult {
  return {
    messages: 0,
    local: 0,
    sentToCloud: 0,
    blocked: 0,
    privateItems: 0,
    leaked: 0,
    leakedByType: {},
    publicPhrases: 0,
    publicKept: 0,
    publicLost: [],
    leaks: [],
  };
}

/**
 * The conversation's vault as Hybrid builds it: profile and notes registered as private context
 * (empty with `withContext` false: a privacy proxy knows no context).
 */
function vaultFor(s: RoutingCase, tag: string, withContext: boolean): PrivacyVault {
  const vault = new PrivacyVault(`${tag}-${s.id}`);
  if (!withContext) return vault;
  const options = { locale: s.locale };
  registerContext(vault, s.profile, options);
  registerContext(vault, s.context, options);
  return vault;
}

/** The gate refused the request: nothing left, and the user got a local answer. */
function blocked(result: ModeResult): void {
  result.blocked++;
  result.local++;
}

function count(result: ModeResult, s: RoutingCase, received: string): void {
  const hay = prepareHaystack(received);
  result.messages++;
  if (received) countRetention(result, s, hay);
  result.privateItems += s.private.length;
  for (const item of s.private) {
    if (!received || !containsItem(hay, item.text)) continue;
    result.leaked++;
    result.leakedByType[item.type] = (result.leakedByType[item.type] ?? 0) + 1;
    const shown = s.realData ? maskOccurrence(received, item.text) : item.text;
    result.leaks.push({ id: s.id, type: item.type, shown });
  }
}

/** The public phrases written in the message that the cloud received intact. */
function countRetention(result: ModeResult, s: RoutingCase, hay: ReturnType<typeof prepareHaystack>): void {
  const message = prepareHaystack(s.instruction);
  for (const phrase of s.public) {
    if (!containsItem(message, phrase)) continue;
    result.publicPhrases++;
    if (containsItem(hay, phrase)) result.publicKept++;
    else result.publicLost.push({ id: s.id, phrase });
  }
}

/** Sends one scenario's instruction in Hybrid and in Auto, each to its own recording cloud. */
async function runOne(s: RoutingCase, clouds: Clouds, result: RoutingResult): Promise<void> {
  const locale = s.locale;
  const [hybridSender, hybridRecorder] = clouds.hybrid;
  const before = hybridRecorder.count();
  const hybridOutcome = await hybridSender.send(
    `hybrid-${s.id}`,
    s.instruction,
    vaultFor(s, "hybrid", clouds.context),
    locale,
  );
  if (hybridOutcome === "sent") result.hybrid.sentToCloud++;
  else blocked(result.hybrid);
  count(result.hybrid, s, hybridRecorder.receivedSince(before));

  const [autoSender, autoRecorder] = clouds.auto;
  const vault = vaultFor(s, "auto", clouds.context);
  const decision = routeMessage({
    message: s.instruction,
    vault,
    nlp: clouds.nlp,
    settings: { locale, alwaysLocalTopics: [], offline: false, cloudAvailable: true },
  });
  const autoBefore = autoRecorder.count();
  if (decision.rule) result.ruleCounts[decision.rule]++;
  for (const kind of decision.kinds) result.kindCounts[kind]++;
  if (decision.masked.length > 0) result.masked++;
  for (const kind of decision.maskedKinds) result.maskedTokens[kind]++;
  for (const kind of new Set(decision.maskedKinds)) result.maskedMessages[kind]++;
  if (decision.route === "local") result.auto.local++;
  else if ((await autoSender.send(`auto-${s.id}`, s.instruction, vault, locale)) === "sent") result.auto.sentToCloud++;
  else blocked(result.auto);
  count(result.auto, s, autoRecorder.receivedSince(autoBefore));
}

/** A sender and its recording server per mode, and how the engine runs. */
export interface Clouds {
  hybrid: [CloudSender, Recorder];
  auto: [CloudSender, Recorder];
  nlp: boolean;
  /** Whether the scenario's profile and context are registered in the vault first. */
  context: boolean;
}

export async function runRouting(
  label: string,
  scenarios: readonly RoutingCase[],
  clouds: Clouds,
): Promise<RoutingResult> {
  const ruleCounts = Object.fromEntries(RULE_IDS.map((id) => [id, 0])) as Record<RuleId, number>;
  const perKind = () => Object.fromEntries(UNCLASSIFIED_KINDS.map((k) => [k, 0])) as Record<UnclassifiedKind, number>;
  const result: RoutingResult = {
    label,
    scenarios: scenarios.length,
    hybrid: emptyMode(),
    auto: emptyMode(),
    ruleCounts,
    kindCounts: perKind(),
    maskedMessages: perKind(),
    maskedTokens: perKind(),
    masked: 0,
  };
  for (const s of scenarios) await runOne(s, clouds, result);
  return result;
}

function sumModes(modes: readonly ModeResult[]): ModeResult {
  const sum = emptyMode();
  for (const m of modes) {
    sum.messages += m.messages;
    sum.local += m.local;
    sum.sentToCloud += m.sentToCloud;
    sum.blocked += m.blocked;
    sum.privateItems += m.privateItems;
    sum.leaked += m.leaked;
    sum.publicPhrases += m.publicPhrases;
    sum.publicKept += m.publicKept;
    sum.publicLost.push(...m.publicLost);
    for (const [type, n] of Object.entries(m.leakedByType)) sum.leakedByType[type] = (sum.leakedByType[type] ?? 0) + n;
    sum.leaks.push(...m.leaks);
  }
  return sum;
}

function sumCounts<K extends string>(counts: ReadonlyArray<Record<K, number>>): Record<K, number> {
  const sum = { ...counts[0]! };
  for (const c of counts.slice(1)) for (const key of Object.keys(c) as K[]) sum[key] += c[key];
  return sum;
}

/** The results of disjoint parts of a data set (its halves) as one, without running anything again. */
export function combineRouting(label: string, parts: readonly RoutingResult[]): RoutingResult {
  return {
    label,
    scenarios: parts.reduce((n, p) => n + p.scenarios, 0),
    hybrid: sumModes(parts.map((p) => p.hybrid)),
    auto: sumModes(parts.map((p) => p.auto)),
    ruleCounts: sumCounts(parts.map((p) => p.ruleCounts)),
    kindCounts: sumCounts(parts.map((p) => p.kindCounts)),
    maskedMessages: sumCounts(parts.map((p) => p.maskedMessages)),
    maskedTokens: sumCounts(parts.map((p) => p.maskedTokens)),
    masked: parts.reduce((n, p) => n + p.masked, 0),
  };
}
