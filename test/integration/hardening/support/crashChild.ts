/**
 * The process the crash-safety test kills with SIGKILL (see ../crashSafety.test.ts). It runs the
 * real host on a data directory, reports the state it finds there (what the previous, killed run
 * left behind), then streams answers from the endless tiny model while it renames and creates
 * conversations. Every write is reported on stdout only after the host returned it, one JSON
 * object per line: stdout writes to a pipe are synchronous on Linux, so a line the parent read
 * was printed before the kill, and the host had stored what it names.
 *
 * Usage: node --import tsx crashChild.ts <dataDir> <modelPath>
 */
import { join } from "node:path";
import type { ConversationDetail, ConversationSummary, Message, ModelInfo } from "../../../../app/contract/types";
import { Store } from "../../../../app/store/Store";
import { dataKey } from "../../../helpers/dataKey";
import { createHost, DB_FILE } from "../../../../main/host/createHost";
import type { Host } from "../../../../main/host/Host";

const [dataDir, modelPath] = process.argv.slice(2) as [string, string];
const report = (line: Record<string, unknown>) =>
  process.stdout.write(JSON.stringify({ ...line, at: Date.now() }) + "\n");

async function call<T>(host: Host, channel: Parameters<Host["handle"]>[0], payload: unknown): Promise<T> {
  const result = await host.handle(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/**
 * Checked before the host opens the store, so nothing after the crash has touched the file yet.
 * With the key the previous run left (none before the first run: then the file is new and plain).
 */
function integrityCheck(): string {
  const store = Store.open(join(dataDir, DB_FILE), { key: dataKey(dataDir) });
  try {
    return (store.db.pragma("integrity_check") as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join("; ");
  } finally {
    store.close();
  }
}

async function reportState(host: Host): Promise<void> {
  const list = await call<ConversationSummary[]>(host, "conversations:list", {});
  const conversations = await Promise.all(
    list.map((c) => call<ConversationDetail>(host, "conversations:get", { id: c.id })),
  );
  const compact = conversations.map((c) => ({
    id: c.conversation.id,
    title: c.conversation.title,
    messages: c.messages.map((m) => ({ id: m.id, role: m.role, status: m.status, content: m.content })),
  }));
  report({ type: "state", conversations: compact });
}

async function ensureModel(host: Host): Promise<void> {
  const models = await call<ModelInfo[]>(host, "models:list", {});
  const model = models[0] ?? (await call<ModelInfo>(host, "models:add", { path: modelPath }));
  // The endless model streams until maxAnswerTokens: with the largest budget it outlives any cycle.
  await call(host, "settings:update", {
    activeModelId: model.id,
    maxAnswerTokens: 32_768,
    contextSize: 512,
    threads: 1,
  });
}

/** One answer at a time (one model); while it streams, rename and create conversations. */
async function streamAndWrite(host: Host): Promise<void> {
  let n = 0;
  for (;;) {
    const conversation = await call<ConversationSummary>(host, "conversations:create", {});
    report({ type: "created", id: conversation.id });
    report({ type: "sending", conversationId: conversation.id });
    const sent = await call<{ userMessage: Message; assistantMessage: Message }>(host, "chat:send", {
      conversationId: conversation.id,
      text: `message ${n++}`,
    });
    report({
      type: "sent",
      conversationId: conversation.id,
      userMessageId: sent.userMessage.id,
      text: sent.userMessage.content,
      assistantMessageId: sent.assistantMessage.id,
    });
    await writeWhileStreaming(host, sent.assistantMessage.id);
  }
}

let finished = new Set<string>();
/** Renames a conversation every ~25 ms and creates a new one every 5th time, until the answer ends. */
async function writeWhileStreaming(host: Host, assistantId: string): Promise<void> {
  let target = "";
  for (let i = 0; !finished.has(assistantId); i++) {
    if (i % 5 === 0) {
      target = (await call<ConversationSummary>(host, "conversations:create", {})).id;
      report({ type: "created", id: target });
    }
    // "renaming" before the call: a kill between the write and "renamed" may leave this title.
    const title = `renamed ${i} ${Date.now()}`;
    report({ type: "renaming", id: target, title });
    await call(host, "conversations:rename", { id: target, title });
    report({ type: "renamed", id: target, title });
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function main(): Promise<void> {
  report({ type: "integrity", result: integrityCheck() });
  const host = await createHost({ dataDir, kind: "cli", gpu: false, quiet: true });
  await reportState(host);
  await ensureModel(host);
  host.onEvent((event) => {
    if (event.type === "message:token" && (event.stage ?? "answer") === "answer")
      report({ type: "token", messageId: event.messageId, text: event.text });
    if (event.type === "message:finished") {
      finished = new Set([...finished, event.message.id]);
      report({ type: "finished", messageId: event.message.id, status: event.message.status });
    }
  });
  report({ type: "ready" });
  await streamAndWrite(host);
}

main().catch((error: unknown) => {
  report({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
});
