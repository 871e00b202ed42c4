/**
 * One stateless generation: the whole conversation goes in each time (LlamaChat reuses whatever
 * prefix of it is still in the context sequence), text streams out, and an abort is an ordinary
 * ending — the partial text comes back marked "aborted", never as an error.
 */
import { randomInt } from "node:crypto";
import type { ChatHistoryItem, Llama, LlamaChat, LlamaChatResponse, LlamaGrammar } from "node-llama-cpp";
import { TandemError } from "../app/contract/errors";
import type { ChatTurn, GenerateOptions, GenerateResult } from "../app/model/LocalModel";

/** The interface's documented default temperature. */
const DEFAULT_TEMPERATURE = 0.7;

export function toChatHistory(turns: ChatTurn[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = turns.map((turn) =>
    turn.role === "assistant" ? { type: "model", response: [turn.content] } : { type: turn.role, text: turn.content },
  );
  // An empty model turn at the end is where LlamaChat writes the answer; a model turn already
  // there (Continue) is written on from where it stops.
  if (turns.at(-1)?.role !== "assistant") history.push({ type: "model", response: [] });
  return history;
}

async function grammarFor(llama: Llama, schema: object | undefined): Promise<LlamaGrammar | undefined> {
  if (!schema) return undefined;
  try {
    return await llama.createGrammarForJsonSchema(schema as Parameters<Llama["createGrammarForJsonSchema"]>[0]);
  } catch (error) {
    throw new TandemError(
      "generation_failed",
      `The requested JSON schema cannot be turned into a grammar: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function stopReasonOf(response: LlamaChatResponse): GenerateResult["stopReason"] {
  const reason = response.metadata.stopReason;
  if (reason === "abort") return "aborted";
  return reason === "maxTokens" ? "maxTokens" : "eos";
}

/** Counts tokens and times the stream: time to first token, then decode speed after it. */
class StreamMeter {
  readonly startedAt = performance.now();
  firstTokenAt: number | null = null;
  tokens = 0;
  text = "";

  onTokens(count: number): void {
    this.firstTokenAt ??= performance.now();
    this.tokens += count;
  }
  result(text: string, stopReason: GenerateResult["stopReason"]): GenerateResult {
    const end = performance.now();
    const first = this.firstTokenAt;
    const decodeSeconds = first === null ? 0 : (end - first) / 1000;
    return {
      text,
      stopReason,
      tokens: this.tokens,
      timeToFirstTokenMs: first === null ? null : Math.round(first - this.startedAt),
      // Tokens after the first, over the time after the first: prompt reading is not decoding.
      tokensPerSecond: this.tokens > 1 && decodeSeconds > 0 ? (this.tokens - 1) / decodeSeconds : null,
    };
  }
}

export async function generateReply(
  chat: LlamaChat,
  llama: Llama,
  options: GenerateOptions,
  signal: AbortSignal,
): Promise<GenerateResult> {
  const meter = new StreamMeter();
  if (signal.aborted) return meter.result("", "aborted");
  const grammar = await grammarFor(llama, options.jsonSchema);
  try {
    const response = await chat.generateResponse(toChatHistory(options.turns), {
      maxTokens: options.maxTokens,
      temperature: options.temperature ?? DEFAULT_TEMPERATURE,
      // node-llama-cpp's default seed is the current second: answers started within one second
      // (Regenerate on a fast model) would be the same text.
      seed: options.seed ?? randomInt(2 ** 31),
      grammar,
      signal,
      stopOnAbortSignal: true,
      onToken: (tokens) => meter.onTokens(tokens.length),
      onTextChunk: (text) => {
        meter.text += text;
        options.onText?.(text);
      },
    });
    return meter.result(response.response, stopReasonOf(response));
  } catch (error) {
    // An abort before the first token is thrown by LlamaChat even with stopOnAbortSignal.
    if (signal.aborted) return meter.result(meter.text, "aborted");
    throw new TandemError("generation_failed", `The local model failed while answering: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
