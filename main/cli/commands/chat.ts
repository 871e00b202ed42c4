import { parseArgs } from "node:util";
import type { Result } from "../../../app/contract/errors";
import type { ChatEvent, Message } from "../../../app/contract/types";
import { createHost } from "../../host/createHost";
import type { Host } from "../../host/Host";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from "../CliIo";

const USAGE = `Usage: npm run cli -- chat [--model <file.gguf>] [--conversation <id>] [--threads N] [--json] "question"
  Answers with the local model (Private mode: nothing leaves this device) and stores the conversation.
  --model         a .gguf file; added to your models and made the active one (default: the active model)
  --conversation  continue this conversation (default: a new one)
  --threads       generation threads (default: the setting, else the number of CPU cores)
  --json          print one JSON object instead of streaming text`;

/** `chat`: one question, answered by the local model, streamed to stdout. */
export async function chatCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { model: { type: "string" }, conversation: { type: "string" }, threads: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const question = parsed.positionals.join(" ").trim();
  if (parsed.values.help || !question) {
    (parsed.values.help ? io.stdout : io.stderr).write(USAGE + "\n");
    return parsed.values.help ? EXIT_OK : EXIT_USAGE;
  }
  const host = await createHost({ dataDir: io.dataDir, kind: "cli", gpu: "auto", quiet: true });
  try {
    return await runChat(host, io, { ...parsed.values, question });
  } finally {
    await host.close();
  }
}

interface ChatArgs {
  model?: string;
  conversation?: string;
  threads?: string;
  json?: boolean;
  question: string;
}

async function runChat(host: Host, io: CliIo, args: ChatArgs): Promise<number> {
  const call = async <T>(channel: Parameters<Host["handle"]>[0], payload: unknown): Promise<T> => {
    const result = (await host.handle(channel, payload)) as Result<T>;
    if (!result.ok) throw new CliError(result.error.message);
    return result.value;
  };
  try {
    if (args.threads) await call("settings:update", { threads: Number(args.threads) });
    if (args.model) {
      const model = await call<{ id: string }>("models:add", { path: args.model });
      await call("settings:update", { activeModelId: model.id });
    }
    const conversationId = args.conversation ?? (await call<{ id: string }>("conversations:create", {})).id;
    const finished = waitForAnswer(host, io, conversationId, !args.json);
    const sent = await call<{ assistantMessage: Message }>("chat:send", { conversationId, text: args.question });
    const stopOnSignal = () => void host.handle("chat:stop", { conversationId });
    process.once("SIGINT", stopOnSignal);
    const message = await finished(sent.assistantMessage.id);
    process.off("SIGINT", stopOnSignal);
    printResult(io, args, conversationId, message);
    return message.status === "error" ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr.write(`tandem: ${error.message}\n`);
    return EXIT_FAILED;
  }
}

/** Subscribes before sending so no token is missed; resolves with the finished message. */
function waitForAnswer(host: Host, io: CliIo, conversationId: string, stream: boolean) {
  const buffered: ChatEvent[] = [];
  let target: string | null = null;
  let resolve: (message: Message) => void = () => {};
  const done = new Promise<Message>((r) => (resolve = r));
  const handle = (event: ChatEvent) => {
    if (event.type === "message:token" && event.messageId === target && stream) io.stdout.write(event.text);
    if (event.type === "message:finished" && event.message.id === target) resolve(event.message);
  };
  const unsubscribe = host.onEvent((event) => {
    if (!("conversationId" in event) || event.conversationId !== conversationId) return;
    if (target === null) buffered.push(event);
    else handle(event);
  });
  return async (messageId: string) => {
    target = messageId;
    buffered.splice(0).forEach(handle);
    const message = await done;
    unsubscribe();
    return message;
  };
}

function printResult(io: CliIo, args: ChatArgs, conversationId: string, message: Message): void {
  if (args.json) {
    const result = {
      conversationId,
      messageId: message.id,
      answer: message.content,
      status: message.status,
      error: message.error,
      modelId: message.modelId,
      tokens: message.stats?.tokens ?? 0,
      tokensPerSecond: message.stats?.tokensPerSecond ?? null,
      timeToFirstTokenMs: message.stats?.timeToFirstTokenMs ?? null,
    };
    io.stdout.write(JSON.stringify(result) + "\n");
    return;
  }
  io.stdout.write("\n");
  if (message.status === "error") io.stderr.write(`tandem: ${message.error}\n`);
  else if (message.stats) io.stderr.write(`[${message.status} · ${message.stats.tokens} tokens · ${message.stats.tokensPerSecond?.toFixed(1) ?? "?"} tok/s · conversation ${conversationId}]\n`);
}

class CliError extends Error {}
