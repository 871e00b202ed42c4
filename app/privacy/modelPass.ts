import type { LocalModel } from "../model/LocalModel";
import { PRIVATE_TYPES, type PrivateType } from "./types";

/**
 * Step 5: a detector backed by the local model, for options.modelPass of sanitizeWithModel().
 * The model is asked, under a JSON-schema grammar, for private items the rules may have missed
 * (medical conditions, organisations, unusual ids, names in other languages). Its answer is a
 * suggestion only: sanitizeWithModel accepts an item only where it is an exact substring.
 * The text goes to the LOCAL model only; nothing here touches the network.
 */
export interface ModelPassOptions {
  /** Upper bound on generated tokens per chunk. Default 320. */
  maxTokens?: number;
  /** Longest text sent in one call, in characters; longer text is split at paragraphs. Default 1500. */
  maxChunkChars?: number;
  /** Abort the pass (what was found so far is returned). */
  signal?: AbortSignal;
}

export type ModelPass = (text: string) => Promise<Array<{ text: string; type: PrivateType }>>;

const SYSTEM = [
  "You find private information in the user's text: names of people, organisations, places, addresses,",
  "contact details, account or id numbers, health conditions, and anything else that identifies a person.",
  'Answer with JSON {"items":[{"text":"…","type":"…"}]}: copy each item exactly as it is written in the text.',
  'Answer {"items":[]} if there is none.',
].join(" ");

// Every string is bounded: small models otherwise write forever (see GenerateOptions.jsonSchema).
const SCHEMA = {
  type: "object",
  properties: {
    items: {
      type: "array",
      maxItems: 24,
      items: {
        type: "object",
        properties: { text: { type: "string", maxLength: 80 }, type: { enum: [...PRIVATE_TYPES] } },
        required: ["text", "type"],
      },
    },
  },
  required: ["items"],
};

export function createModelPass(model: LocalModel, options: ModelPassOptions = {}): ModelPass {
  return async (text) => {
    const found: Array<{ text: string; type: PrivateType }> = [];
    for (const chunk of chunks(text, options.maxChunkChars ?? 1500)) {
      if (options.signal?.aborted) break;
      const result = await model.generate({
        turns: [
          { role: "system", content: SYSTEM },
          { role: "user", content: chunk },
        ],
        maxTokens: options.maxTokens ?? 320,
        temperature: 0,
        jsonSchema: SCHEMA,
        signal: options.signal,
      });
      found.push(...parseItems(result.text));
    }
    return found;
  };
}

/** The items of a model answer; an answer cut short (maxTokens, abort) yields none. */
export function parseItems(answer: string): Array<{ text: string; type: PrivateType }> {
  try {
    const parsed = JSON.parse(answer) as { items?: unknown };
    if (!Array.isArray(parsed.items)) return [];
    return parsed.items.flatMap((item: unknown) => {
      const { text, type } = (item ?? {}) as { text?: unknown; type?: unknown };
      const known = (PRIVATE_TYPES as readonly unknown[]).includes(type);
      return typeof text === "string" && text.trim() ? [{ text, type: known ? (type as PrivateType) : "OTHER" }] : [];
    });
  } catch {
    return [];
  }
}

function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const paragraph of text.split(/(?<=\n)/)) {
    if (current && current.length + paragraph.length > max) {
      out.push(current);
      current = "";
    }
    current += paragraph;
    while (current.length > max) {
      out.push(current.slice(0, max));
      current = current.slice(max);
    }
  }
  if (current.trim()) out.push(current);
  return out;
}
