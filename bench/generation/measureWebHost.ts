/**
 * The browser host as the UI uses it: the host and its HTTP server in this process, and a client
 * that does what the renderer does — POSTs to /api/<channel> with the token, and reads the
 * server-sent event stream — timing each token event when the client has parsed it.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ChatEvent, ConversationSummary, Message, ModelInfo } from "../../app/contract/types";
import { createHost } from "../../main/host/createHost";
import type { Host } from "../../main/host/Host";
import { startWebHost, type WebHost } from "../../main/web/startWebHost";
import type { RunTiming } from "./RunTiming";

export interface HostSettings {
  contextSize: number;
  threads: number;
  maxAnswerTokens: number;
}

/** A UI run, with the host's own meter of the same answer (generateReply: at the model, before any event). */
export interface WebRun extends RunTiming {
  loadMs: number | null;
  modelTokensPerSecond: number | null;
  modelFirstTokenMs: number | null;
}

export interface WebClient {
  /** Model load as the UI sees it: from the send of the first message to `model:loaded`. */
  run(prompt: string): Promise<WebRun>;
  close(): Promise<void>;
}

/** Reads `data:` events off the SSE response and hands each to `onEvent` with its arrival time. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ChatEvent, at: number) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffer += decoder.decode(chunk.value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (frame.startsWith("data: ")) onEvent(JSON.parse(frame.slice(6)) as ChatEvent, performance.now());
    }
  }
}

export async function startWebClient(dataDir: string, modelPath: string, settings: HostSettings): Promise<WebClient> {
  const rendererDir = join(dataDir, "no-renderer");
  mkdirSync(rendererDir, { recursive: true });
  const host: Host = await createHost({ dataDir, kind: "web", gpu: "auto", quiet: true });
  const web: WebHost = await startWebHost({ host, rendererDir });
  const headers = { Authorization: `Bearer ${web.token}`, "Content-Type": "application/json" };
  const call = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
    const reply = (await (
      await fetch(`${web.origin}/api/${channel}`, { method: "POST", headers, body: JSON.stringify(payload) })
    ).json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
    return reply.value;
  };
  const model = await call<ModelInfo>("models:add", { path: modelPath });
  await call("settings:update", { activeModelId: model.id, ...settings });

  let listener: (event: ChatEvent, at: number) => void = () => {};
  const abort = new AbortController();
  const stream = await fetch(`${web.origin}/api/events`, { headers, signal: abort.signal });
  const reading = readEvents(stream.body!, (event, at) => listener(event, at)).catch((error: unknown) => {
    if (!abort.signal.aborted) throw error;
  });

  return {
    async run(prompt) {
      const conversation = await call<ConversationSummary>("conversations:create", { mode: "private" });
      const arrivals: number[] = [];
      let loadingAt: number | null = null;
      let loadMs: number | null = null;
      let finished: (message: Message) => void = () => {};
      const done = new Promise<Message>((resolve) => (finished = resolve));
      listener = (event, at) => {
        if (event.type === "model:loading") loadingAt = at;
        if (event.type === "model:loaded" && loadingAt !== null) loadMs = at - loadingAt;
        if (!("conversationId" in event) || event.conversationId !== conversation.id) return;
        if (event.type === "message:token" && (event.stage ?? "answer") === "answer") arrivals.push(at);
        if (event.type === "message:finished") finished(event.message);
      };
      const sent = performance.now();
      await call("chat:send", { conversationId: conversation.id, text: prompt });
      const message = await done;
      if (message.status !== "done")
        throw new Error(`The web host's answer ended "${message.status}": ${message.error ?? ""}`);
      await call("conversations:delete", { id: conversation.id });
      const stats = message.stats;
      return {
        sent,
        arrivals,
        tokens: stats?.tokens ?? 0,
        loadMs,
        modelTokensPerSecond: stats?.tokensPerSecond ?? null,
        modelFirstTokenMs: stats?.timeToFirstTokenMs ?? null,
      };
    },
    async close() {
      abort.abort();
      await reading;
      await web.close();
      await host.close();
    },
  };
}
