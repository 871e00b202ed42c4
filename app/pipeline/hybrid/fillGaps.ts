import { TandemError } from "../../contract/errors";
import type { ChatTurn, LocalModel } from "../../model/LocalModel";
import { FILL_INSTRUCTIONS } from "./hybridPrompts";

/** The longest value the local model may put into one gap (a name, an address, a date). */
const MAX_VALUE_CHARS = 80;
/** Tokens per gap in the JSON answer, plus the object's own: keeps the pass short and bounded. */
const TOKENS_PER_GAP = 32;
const MAX_FILL_TOKENS = 256;
/** Characters of the answer shown around each gap, tried in order until the prompt fits. */
const EXCERPT_WIDTHS = [160, 60, 0];

export interface FillInput {
  model: LocalModel;
  /** The private context block the local model knows the user from ("" for none). */
  contextBlock: string;
  /** The restored answer. */
  text: string;
  gaps: readonly string[];
  /** Real values of private facts the cloud left out: candidates for the gaps (stays local). */
  candidates: readonly string[];
  signal: AbortSignal;
}

export interface FillResult {
  text: string;
  filled: string[];
  unresolved: string[];
  /** Generated tokens (0 when the pass did not run). */
  tokens: number;
}

/**
 * The short local re-personalization pass: the local model, which knows the user, names the
 * text for each gap (JSON grammar, bounded length); the answer keeps the cloud's wording and
 * only the gaps change. A gap it cannot fill stays as it is and is reported as unresolved.
 */
export async function fillGaps(input: FillInput): Promise<FillResult> {
  const unchanged: FillResult = { text: input.text, filled: [], unresolved: [...input.gaps], tokens: 0 };
  if (input.gaps.length === 0 || input.signal.aborted) return unchanged;
  const maxTokens = Math.min(MAX_FILL_TOKENS, 24 + TOKENS_PER_GAP * input.gaps.length);
  const turns = fitTurns(input, input.model.contextSize - maxTokens);
  if (!turns) return unchanged;
  try {
    const result = await input.model.generate({
      turns,
      maxTokens,
      temperature: 0,
      jsonSchema: fillSchema(input.gaps),
      signal: input.signal,
    });
    if (result.stopReason === "aborted") return unchanged;
    return { ...applyFills(input.text, input.gaps, parseFills(result.text)), tokens: result.tokens };
  } catch (error) {
    // The answer is already complete without the pass; a failed pass must not lose it.
    if (error instanceof TandemError) return unchanged;
    throw error;
  }
}

function fillSchema(gaps: readonly string[]): object {
  const item = {
    type: "object",
    properties: { gap: { enum: [...gaps] }, value: { type: "string", maxLength: MAX_VALUE_CHARS } },
    required: ["gap", "value"],
  };
  return {
    type: "object",
    properties: { fills: { type: "array", maxItems: gaps.length, items: item } },
    required: ["fills"],
  };
}

/** The prompt with the widest excerpts (and the context block) that fit `budget` tokens; null if none does. */
function fitTurns(input: FillInput, budget: number): ChatTurn[] | null {
  for (const withContext of [true, false]) {
    for (const width of EXCERPT_WIDTHS) {
      const system =
        withContext && input.contextBlock ? `${FILL_INSTRUCTIONS}\n\n${input.contextBlock}` : FILL_INSTRUCTIONS;
      const turns: ChatTurn[] = [
        { role: "system", content: system },
        { role: "user", content: fillRequest(input, width) },
      ];
      const tokens = turns.reduce((n, t) => n + input.model.countTokens(t.content) + 8, 0);
      if (tokens <= budget) return turns;
    }
  }
  return null;
}

function fillRequest(input: FillInput, width: number): string {
  const lines = input.gaps.map((gap) => `- ${gap}${width > 0 ? `: "…${excerpt(input.text, gap, width)}…"` : ""}`);
  const facts =
    input.candidates.length > 0
      ? `\n\nFacts the answer may be missing:\n${input.candidates.map((c) => `- ${c}`).join("\n")}`
      : "";
  return `Gaps in the answer:\n${lines.join("\n")}${facts}`;
}

function excerpt(text: string, gap: string, width: number): string {
  const at = Math.max(0, text.indexOf(gap));
  return text.slice(Math.max(0, at - width), at + gap.length + width).replace(/\s+/g, " ");
}

/** The model's JSON answer as gap → value; unusable values (empty, bracketed) are dropped. */
export function parseFills(json: string): Map<string, string> {
  const fills = new Map<string, string>();
  try {
    const parsed = JSON.parse(json) as { fills?: Array<{ gap?: unknown; value?: unknown }> };
    for (const f of parsed.fills ?? []) {
      const value = typeof f.value === "string" ? f.value.trim() : "";
      // A value with brackets would be another gap, not a fill.
      if (typeof f.gap === "string" && value && !/[[\]]/.test(value) && !fills.has(f.gap)) fills.set(f.gap, value);
    }
  } catch {
    // Cut off at maxTokens: no usable fills, the gaps stay as they are.
  }
  return fills;
}

/** Replaces every occurrence of each filled gap; the rest stay as they are (unresolved). */
export function applyFills(
  text: string,
  gaps: readonly string[],
  fills: Map<string, string>,
): Omit<FillResult, "tokens"> {
  let out = text;
  const filled: string[] = [];
  for (const gap of gaps) {
    const value = fills.get(gap);
    if (value === undefined) continue;
    out = out.split(gap).join(value);
    filled.push(gap);
  }
  return { text: out, filled, unresolved: gaps.filter((gap) => !filled.includes(gap)) };
}
