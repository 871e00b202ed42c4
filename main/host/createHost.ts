import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { CloudAccess } from "../../app/backend/CloudAccess";
import { contextSource } from "../../app/backend/contextSource";
import { createHandlers } from "../../app/backend/createHandlers";
import { readConfig, type TandemConfig } from "../../app/config";
import { ContextService } from "../../app/context";
import { isChannel, parseRequest, type Channel } from "../../app/contract/channels";
import { TandemError, toErrorData, type Result } from "../../app/contract/errors";
import type { ChatEvent } from "../../app/contract/types";
import { AuditLog, EgressGate } from "../../app/egress";
import { createLogger, type Logger } from "../../app/logging/Logger";
import type { LocalModelRuntime } from "../../app/model/LocalModel";
import { ModelManager } from "../../app/model/ModelManager";
import { ChatService } from "../../app/pipeline/ChatService";
import { createPrivateAnswerer } from "../../app/pipeline/createPrivateAnswerer";
import { CLOUD_API_KEY_SECRET, EnvSecretStore, FileSecretStore } from "../../app/secrets";
import { Store } from "../../app/store/Store";
import { LlamaRuntime } from "../../native-models/LlamaRuntime";
import type { Host, HostOptions } from "./Host";
import { version } from "./version";

/** The database file inside the data directory. */
export const DB_FILE = "tandem.db";

/** Wires the core (store, model manager, privacy, egress, pipeline, handlers) for one host. */
export async function createHost(options: HostOptions & { logger?: Logger }): Promise<Host> {
  const config = readConfig(process.env, { dataDir: options.dataDir });
  const dataDir = options.dataDir;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const logger = options.logger ?? createLogger({ name: "tandem", level: options.quiet ? "warn" : config.logLevel, sink: (line) => process.stderr.write(line + "\n") });
  const store = Store.open(join(dataDir, DB_FILE), { logger: logger.child("store") });
  const interrupted = store.messages.markInterrupted();
  if (interrupted > 0) logger.info("answers interrupted by the last shutdown", { count: interrupted });

  const listeners = new Set<(event: ChatEvent) => void>();
  const emit = (event: ChatEvent) => listeners.forEach((listener) => listener(event));
  const runtime = lazyRuntime(() => LlamaRuntime.create({ gpu: options.gpu ?? "auto", logger: quietLlamaLogger(logger.child("llama")) }));
  const cpuCores = availableParallelism();
  const threads = () => store.settings.get().threads ?? config.threads ?? cpuCores;
  const models = new ModelManager(runtime, logger.child("models"), {
    onLoading: (modelId) => emit({ type: "model:loading", modelId }),
    onLoaded: (modelId) => emit({ type: "model:loaded", modelId }),
  });
  const isOffline = () => store.settings.get().offline;
  const audit = new AuditLog(store.db);
  const gate = new EgressGate({ audit, isOffline, logger: logger.child("egress"), detectOptions: { locale: store.settings.get().locale } });
  const cloud = new CloudAccess({ settings: store.settings, gate, isOffline, logger: logger.child("cloud"), ...secretsFor(options, config) });
  await cloud.init();
  const context = new ContextService(store.db);
  const privateAnswerer = createPrivateAnswerer(contextSource(context));
  const chat = new ChatService({
    store,
    emit,
    logger: logger.child("chat"),
    // Hybrid and Cloud answerers are wired in when the Hybrid pipeline lands (issue #4).
    answerers: { private: privateAnswerer, hybrid: privateAnswerer, cloud: privateAnswerer },
    getModel: async () => {
      const settings = store.settings.get();
      const model = settings.activeModelId ? store.models.get(settings.activeModelId) : null;
      if (!model) throw new TandemError("no_model", "No local model yet. Add a .gguf model file in Settings first.");
      return { model: await models.acquire({ model, threads: threads(), contextSize: settings.contextSize }), modelId: model.id };
    },
  });
  const handlers = createHandlers({
    store,
    runtime,
    models,
    chat,
    context,
    cloud,
    audit,
    emit,
    info: () => ({ host: options.kind, version, dataDir, threads: threads(), cpuCores }),
  });
  const handlerLog = logger.child("handlers");

  return {
    async handle(channel: Channel, payload: unknown): Promise<Result<unknown>> {
      if (!isChannel(channel)) return { ok: false, error: { code: "invalid_request", message: `Unknown channel: ${String(channel).slice(0, 60)}` } };
      const parsed = parseRequest(channel, payload);
      if (!parsed.ok) return parsed;
      try {
        const handler = handlers[channel] as (request: unknown) => unknown;
        return { ok: true, value: await handler(parsed.value) };
      } catch (error) {
        const data = toErrorData(error);
        if (data.code === "internal") handlerLog.error("handler failed", { channel, error: error instanceof Error ? error.stack ?? error.message : String(error) });
        return { ok: false, error: data };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await chat.close();
      await models.unload();
      await runtime.dispose();
      store.close();
    },
  };
}

/** The key store: the host's (Electron: OS keychain), else TANDEM_CLOUD_API_KEY over a 0600 file. */
function secretsFor(options: HostOptions, config: TandemConfig) {
  if (options.secrets) return { secrets: options.secrets.store, keyStorage: () => options.secrets!.kind };
  const secrets = new EnvSecretStore(new FileSecretStore(options.dataDir), { [CLOUD_API_KEY_SECRET]: config.cloudApiKey });
  return { secrets, keyStorage: () => (secrets.isOverridden(CLOUD_API_KEY_SECRET) ? ("environment" as const) : ("file" as const)) };
}

/** llama.cpp's load-time warnings (odd metadata in many community GGUFs) are noise for users. */
function quietLlamaLogger(logger: Logger): Logger {
  return { ...logger, warn: logger.debug };
}

/** Creates the llama.cpp runtime on first use: starting the app must not wait for it. */
function lazyRuntime(create: () => Promise<LocalModelRuntime>): LocalModelRuntime {
  let instance: Promise<LocalModelRuntime> | null = null;
  const get = () => (instance ??= create());
  return {
    inspect: async (path) => (await get()).inspect(path),
    load: async (path, options) => (await get()).load(path, options),
    dispose: async () => {
      if (instance) await (await instance).dispose();
    },
  };
}
