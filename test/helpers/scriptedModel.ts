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
  disposed = false;
  /** Every prompt the pipeline sent, in order. */
  readonly prompts: GenerateOptions[] = [];

  /** `contextSize`: what the pipeline fits its prompts into (a test may change it between answers). */
  constructor(
    private readonly write: (options: GenerateOptions) => string,
    public contextSize = 8192,
  ) {}

  async generate(options: GenerateOptions): Promise<GenerateResult> {
    this.prompts.push(options);
    // A real model starts on a later turn of the event loop (llama.cpp runs in its own thread).
    await new Promise((resolve) => setImmediate(resolve));
    const text = this.write(options);
    // Word by word, as a real model streams; Stop ends it as llama.cpp does: after the piece being
    // written, with what was written.
    let written = "";
    for (const piece of text.match(/\S+\s*/g) ?? []) {
      written += piece;
      options.onText?.(piece);
      if (options.signal?.aborted) break;
    }
    const aborted = options.signal?.aborted === true;
    const result = aborted ? written : text;
    return {
      text: result,
      stopReason: aborted ? "aborted" : "eos",
      tokens: this.countTokens(result),
      timeToFirstTokenMs: 1,
      tokensPerSecond: 100,
    };
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
