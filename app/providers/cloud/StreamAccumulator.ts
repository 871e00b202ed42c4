import type { ChatCompletionChunk } from "openai/resources/chat/completions";
import type { CloudFinishReason, CloudUsage } from "./types";

/** What a chat stream delivered so far; survives an abort or a break so partial text is kept. */
export class StreamAccumulator {
  text = "";
  chunks = 0;
  textBytes = 0;
  finishReason: Exclude<CloudFinishReason, "aborted"> | null = null;
  usage: CloudUsage | undefined;
  firstTextMs: number | null = null;

  constructor(
    private readonly startedAt: number,
    private readonly onText?: (text: string) => void,
  ) {}

  add(chunk: ChatCompletionChunk): void {
    this.chunks += 1;
    const choice = chunk.choices?.[0];
    const piece = choice?.delta?.content;
    if (typeof piece === "string" && piece.length > 0) this.addText(piece);
    if (choice?.finish_reason) this.finishReason = knownFinishReason(choice.finish_reason);
    if (chunk.usage)
      this.usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
  }

  private addText(piece: string): void {
    this.firstTextMs ??= Math.round(performance.now() - this.startedAt);
    this.text += piece;
    this.textBytes += Buffer.byteLength(piece, "utf8");
    try {
      this.onText?.(piece);
    } catch (error) {
      throw new CallbackError(error);
    }
  }
}

/** Marks an exception thrown by the caller's `onText`, so it is rethrown as-is, not as a cloud failure. */
export class CallbackError extends Error {
  constructor(readonly original: unknown) {
    super("onText threw");
  }
}

function knownFinishReason(reason: string): Exclude<CloudFinishReason, "aborted"> {
  return reason === "length" || reason === "content_filter" || reason === "tool_calls" ? reason : "stop";
}
