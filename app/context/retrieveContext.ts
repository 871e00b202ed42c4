import type { ContextSearch } from "./ContextSearch";
import { estimateTokens } from "./estimateTokens";
import { formatContextForPrompt, formatProfileBlock } from "./formatContextForPrompt";
import type { Profile } from "./Profile";
import type { CountTokens, RetrievedItem } from "./types";

export interface RetrieveOptions {
  /** The conversation whose enabled items are searched; null = global items only. */
  conversationId: string | null;
  /** The user's message (free text; any characters are safe). */
  query: string;
  /** The most tokens `formatContextForPrompt(result.profile, result)` may take. */
  budgetTokens: number;
  /** The local model's tokenizer; default `estimateTokens`. */
  countTokens?: CountTokens;
  /** At most this many passages, however large the budget: a small model reads few well. Default 8. */
  maxPassages?: number;
}

export interface RetrievedContext {
  /** The profile as included (its free text trimmed if it alone was over budget); null if empty or nothing fits. */
  profile: Profile | null;
  /** Items by their best passage, passages best first. */
  items: RetrievedItem[];
  /** `countTokens(formatContextForPrompt(profile, { items }))`; always ≤ budgetTokens. */
  tokens: number;
}

export const DEFAULT_MAX_PASSAGES = 8;
/** bm25 candidates considered for packing: more than fit in any budget a small model has. */
const CANDIDATES = 32;

/**
 * The profile first, then the best chunks (bm25) that still fit. Every addition is measured on
 * the whole formatted block with `countTokens`, so the budget holds exactly for that tokenizer.
 * A chunk that does not fit is skipped; a smaller, lower-ranked one may still fit.
 */
export function retrieveContext(
  sources: { search: ContextSearch; profile: () => Profile },
  options: RetrieveOptions,
): RetrievedContext {
  const count = options.countTokens ?? estimateTokens;
  const budget = Math.max(0, Math.floor(options.budgetTokens));
  const maxPassages = options.maxPassages ?? DEFAULT_MAX_PASSAGES;
  const profile = fitProfile(sources.profile(), budget, count);
  let items: RetrievedItem[] = [];
  let passages = 0;
  for (const hit of sources.search.search(options.conversationId, options.query, CANDIDATES)) {
    if (passages >= maxPassages) break;
    const next = withPassage(items, hit);
    if (count(formatContextForPrompt(profile, { items: next })) > budget) continue;
    items = next;
    passages++;
  }
  return { profile, items, tokens: count(formatContextForPrompt(profile, { items })) };
}

function withPassage(
  items: RetrievedItem[],
  hit: { chunkId: number; itemId: string; title: string; text: string; score: number },
): RetrievedItem[] {
  const passage = { chunkId: hit.chunkId, text: hit.text, score: hit.score };
  const index = items.findIndex((item) => item.itemId === hit.itemId);
  if (index === -1) return [...items, { itemId: hit.itemId, title: hit.title, passages: [passage] }];
  return items.map((item, i) => (i === index ? { ...item, passages: [...item.passages, passage] } : item));
}

/** The whole profile if it fits; else with its free text cut to fit; else none. */
function fitProfile(profile: Profile, budget: number, count: CountTokens): Profile | null {
  if (!formatProfileBlock(profile)) return null;
  const fits = (p: Profile) => count(formatContextForPrompt(p, { items: [] })) <= budget;
  if (fits(profile)) return profile;
  const chars = [...profile.freeText];
  const cut = (n: number): Profile => ({ ...profile, freeText: n > 0 ? `${chars.slice(0, n).join("")}…` : "" });
  if (!fits(cut(0))) return null;
  let low = 0;
  let high = chars.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(cut(mid))) low = mid;
    else high = mid - 1;
  }
  return cut(low);
}
