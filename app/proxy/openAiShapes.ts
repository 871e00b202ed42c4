/** OpenAI's response shapes, as the proxy writes them (chat.completion, chunks, model list, errors). */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export function usageOf(usage: { promptTokens: number; completionTokens: number } | undefined): Usage | null {
  return usage
    ? {
        prompt_tokens: usage.promptTokens,
        completion_tokens: usage.completionTokens,
        total_tokens: usage.promptTokens + usage.completionTokens,
      }
    : null;
}

export interface Completion {
  id: string;
  created: number;
  model: string;
}

export function completionBody(c: Completion, content: string, finishReason: string, usage: Usage | null): object {
  const message = { role: "assistant", content, refusal: null };
  return {
    id: c.id,
    object: "chat.completion",
    created: c.created,
    model: c.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
    ...(usage ? { usage } : {}),
  };
}

export function chunkBody(c: Completion, delta: object, finishReason: string | null): object {
  return {
    id: c.id,
    object: "chat.completion.chunk",
    created: c.created,
    model: c.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

export function usageChunkBody(c: Completion, usage: Usage | null): object {
  return { id: c.id, object: "chat.completion.chunk", created: c.created, model: c.model, choices: [], usage };
}

export function modelListBody(model: string | null): object {
  return { object: "list", data: model ? [{ id: model, object: "model", created: 0, owned_by: "tandem-proxy" }] : [] };
}

export function errorBody(
  message: string,
  type: string,
  code: string,
): { error: { message: string; type: string; param: null; code: string } } {
  return { error: { message, type, param: null, code } };
}
