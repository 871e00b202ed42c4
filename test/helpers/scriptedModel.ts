import type { GenerateOptions, GenerateResult, LocalModel } from "../../app/model/LocalModel";

/**
 * A local model whose output a test chooses, for pipeline tests that need an output the tiny
 * GGUF would only write by accident (issue 15: a sketch that copies the private context
 * verbatim). `write` gets the prompt the pipeline built, so it can copy from it. Everything
 * around it — SQLite, the privacy engine, the gate, the openai SDK, the HTTP server — is real;
 * tests of the model itself use the real llama.cpp (test/integration/native-models).
 */
export class ScriptedModel implements LocalModel {
  readonly path = "scripted.gguf";
  readonly contextSize = 8192;
  disposed = false;
  /** Every prompt the pipeline sent, in order. */
  readonly prompts: GenerateOptions[] = [];

  constructor(private readonly write: (options: GenerateOptions) => string) {}

  async generate(options: GenerateOptions): Promise<GenerateResult> {
    this.prompts.push(options);
    const text = this.write(options);
    // Word by word, as a real model streams.
    for (const piece of text.match(/\S+\s*/g) ?? []) options.onText?.(piece);
    return { text, stopReason: "eos", tokens: this.countTokens(text), timeToFirstTokenMs: 1, tokensPerSecond: 100 };
  }

  /** About four characters a token, as for English text in a real tokenizer. */
  countTokens(text: string): number {
    return Math.ceil(text.length / 4);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}

/** The system prompt the pipeline gave the model (it holds the private context block). */
export function systemPrompt(options: GenerateOptions): string {
  return options.turns.find((t) => t.role === "system")?.content ?? "";
}
