import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { AppSettings, ConversationSummary, Message, PrivacyMode, ProfileData } from "../../../app/contract/types";
import { readRouteStage } from "../../../app/pipeline/auto/routeStage";
import { createHost } from "../../host/createHost";
import type { Host } from "../../host/Host";
import { cliApi, CliError, type CliApi } from "../cliApi";
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, type CliIo } from "../CliIo";
import { waitForAnswer } from "./waitForAnswer";

const USAGE = `Usage: npm run -s cli -- chat [options] "instruction"
  Answers and stores the conversation. Private mode (default): nothing leaves this device.
  --model <file.gguf>        add this model and make it the active one (default: the active model)
  --mode private|hybrid|cloud|auto   auto: each message answered on this device or via Hybrid (JSON: route, routeReason)
  --strategy sketch-refine|cloud-outline   Hybrid strategy (default: the setting, sketch-refine)
  --cloud-base-url <url>     OpenAI-compatible endpoint for this run (key: TANDEM_CLOUD_API_KEY)
  --cloud-model <name>       cloud model for this run
  --profile <file.json>      use this profile for this run (private; only the local model sees it)
  --context <file>           attach a note/document to this conversation (.txt .md .pdf .docx .eml)
  --offline                  nothing leaves the device for this run, whatever the mode
  --conversation <id>        continue this conversation (default: a new one)
  --threads N                generation threads (default: the setting, else the CPU core count)
  --json                     print one JSON object: answer, stages, outbound payloads, privacy report`;

const OPTIONS = {
  model: { type: "string" },
  mode: { type: "string" },
  strategy: { type: "string" },
  "cloud-base-url": { type: "string" },
  "cloud-model": { type: "string" },
  profile: { type: "string" },
  context: { type: "string", multiple: true },
  offline: { type: "boolean" },
  conversation: { type: "string" },
  threads: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean" },
} as const;

type ChatArgs = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"] & {
  question: string;
};

/** `chat`: one instruction, answered through the same pipeline as the app. */
export async function chatCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const question = parsed.positionals.join(" ").trim();
  const invalid = validate(parsed.values);
  if (parsed.values.help || !question || invalid) {
    (parsed.values.help ? io.stdout : io.stderr).write((invalid ? `${invalid}\n` : "") + USAGE + "\n");
    return parsed.values.help ? EXIT_OK : EXIT_USAGE;
  }
  const host = await createHost({ dataDir: io.dataDir, kind: "cli", gpu: "auto", quiet: true });
  try {
    return await runChat(host, io, { ...parsed.values, question });
  } finally {
    await host.close();
  }
}

function validate(values: Partial<ChatArgs>): string | null {
  if (values.mode && !["private", "hybrid", "cloud", "auto"].includes(values.mode))
    return `Unknown --mode ${values.mode}`;
  if (values.strategy && !["sketch-refine", "cloud-outline"].includes(values.strategy))
    return `Unknown --strategy ${values.strategy}`;
  if (values.threads && !(Number.isInteger(Number(values.threads)) && Number(values.threads) > 0))
    return "--threads takes a positive whole number";
  return null;
}

async function runChat(host: Host, io: CliIo, args: ChatArgs): Promise<number> {
  const api = cliApi(host);
  const restore: Array<() => Promise<unknown>> = [];
  try {
    await applyRunOverrides(api, args, restore);
    const mode = (args.mode ?? "private") as PrivacyMode; // validate() refused any other value
    const conversation = args.conversation
      ? await api.conversations.setMode({ id: args.conversation, mode })
      : await api.conversations.create({ mode });
    for (const path of args.context ?? []) await api.context.addFile({ path, conversationId: conversation.id });
    const finished = waitForAnswer(host, conversation.id, (text) => !args.json && io.stdout.write(text));
    const sent = await api.chat.send({ conversationId: conversation.id, text: args.question });
    const stopOnSignal = () => void api.chat.stop({ conversationId: conversation.id }).catch(() => {});
    process.once("SIGINT", stopOnSignal);
    const message = await finished(sent.assistantMessage.id);
    process.off("SIGINT", stopOnSignal);
    await printResult(io, args, conversation, message, api);
    return message.status === "error" ? EXIT_FAILED : EXIT_OK;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    io.stderr.write(`tandem: ${error.message}\n`);
    return EXIT_FAILED;
  } finally {
    for (const undo of restore.reverse()) await undo().catch(() => {});
  }
}

/** Flags that change settings or the profile apply to this run only: the old values come back. */
async function applyRunOverrides(api: CliApi, args: ChatArgs, restore: Array<() => Promise<unknown>>): Promise<void> {
  const before = await api.settings.get({});
  const patch: Partial<AppSettings> = {};
  if (args.threads) patch.threads = Number(args.threads);
  if (args.offline) patch.offline = true;
  if (args.strategy) patch.hybridStrategy = args.strategy as AppSettings["hybridStrategy"];
  if (Object.keys(patch).length > 0) {
    await api.settings.update(patch);
    restore.push(() =>
      api.settings.update({ threads: before.threads, offline: before.offline, hybridStrategy: before.hybridStrategy }),
    );
  }
  if (args["cloud-base-url"] || args["cloud-model"]) {
    await api.cloud.configure({
      baseUrl: args["cloud-base-url"] ?? before.cloudBaseUrl,
      model: args["cloud-model"] ?? before.cloudModel,
    });
    restore.push(() => api.cloud.configure({ baseUrl: before.cloudBaseUrl, model: before.cloudModel }));
  }
  if (args.profile) {
    const previous = await api.profile.get({});
    await api.profile.update(await readProfile(args.profile));
    restore.push(() => api.profile.update(previous));
  }
  if (args.model) {
    const model = await api.models.add({ path: args.model });
    await api.settings.update({ activeModelId: model.id });
  }
}

async function readProfile(path: string): Promise<ProfileData> {
  let data: Partial<ProfileData>;
  try {
    data = JSON.parse(await readFile(path, "utf8")) as Partial<ProfileData>;
  } catch (error) {
    throw new CliError(`Could not read the profile ${path}: ${(error as Error).message}`);
  }
  const family = (data.family ?? []).map((f) => (typeof f === "string" ? { name: f, relation: "" } : f));
  return { name: "", city: "", job: "", healthNotes: "", alwaysPrivate: [], freeText: "", ...data, family };
}

async function printResult(
  io: CliIo,
  args: ChatArgs,
  conversation: ConversationSummary,
  message: Message,
  api: CliApi,
): Promise<void> {
  if (!args.json) {
    io.stdout.write("\n");
    if (message.status === "error") io.stderr.write(`tandem: ${message.error}\n`);
    else
      io.stderr.write(
        `[${conversation.mode} · ${message.status}${message.cutAtLimit ? " (cut at the answer-length limit)" : ""} · ${message.stats?.tokens ?? 0} tokens · ${message.stats?.tokensPerSecond?.toFixed(1) ?? "?"} tok/s · conversation ${conversation.id}]\n`,
      );
    if (conversation.mode === "auto") {
      const route = readRouteStage(await api.messages.stages({ messageId: message.id }));
      if (route) io.stderr.write(`[${route.reason}]\n`);
    }
    return;
  }
  const stages = await api.messages.stages({ messageId: message.id });
  const outbound = (await api.egress.list({ conversationId: conversation.id, limit: 500 })).filter(
    (r) => r.messageId === message.id,
  );
  const result = {
    conversationId: conversation.id,
    messageId: message.id,
    mode: conversation.mode,
    answer: message.content,
    status: message.status,
    cutAtLimit: message.cutAtLimit ?? false,
    error: message.error,
    modelId: message.modelId,
    tokens: message.stats?.tokens ?? 0,
    tokensPerSecond: message.stats?.tokensPerSecond ?? null,
    timeToFirstTokenMs: message.stats?.timeToFirstTokenMs ?? null,
    contextUsed: stages.find((s) => s.kind === "context")?.meta?.items ?? [],
    privacyReport: stages.find((s) => s.kind === "report")?.meta ?? null,
    // Auto mode: where this answer was made ("local" | "hybrid") and why; null in other modes.
    route: readRouteStage(stages)?.route ?? null,
    routeReason: readRouteStage(stages)?.reason ?? null,
    outbound: outbound.map((r) => ({
      endpoint: r.endpoint,
      model: r.model,
      bytes: r.bytes,
      payload: JSON.parse(r.payload) as unknown,
      at: r.at,
    })),
    stages,
  };
  io.stdout.write(JSON.stringify(result) + "\n");
}
