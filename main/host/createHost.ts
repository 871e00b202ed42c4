import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { CloudAccess } from "../../app/backend/CloudAccess";
import { contextSource } from "../../app/backend/contextSource";
import { createHandlers, type HandlerDeps } from "../../app/backend/createHandlers";
import { recordDownload } from "../../app/backend/modelHandlers";
import type { Handlers } from "../../app/backend/Handlers";
import { readConfig, type TandemConfig } from "../../app/config";
import { ContextService, ProfileRepo } from "../../app/context";
import { contextTermsFor } from "../../app/context/contextTermsFor";
import { isChannel, parseRequest, type Channel } from "../../app/contract/channels";
import { TandemError, toErrorData, type Result } from "../../app/contract/errors";
import type { ChatEvent, WipeSummary } from "../../app/contract/types";
import { wipeDataDir } from "../../app/data";
import { AuditLog, EgressGate } from "../../app/egress";
import { createLogger, type Logger } from "../../app/logging/Logger";
import type { LocalModelRuntime } from "../../app/model/LocalModel";
import { ModelManager } from "../../app/model/ModelManager";
import { ChatService } from "../../app/pipeline/ChatService";
import { createPrivateAnswerer } from "../../app/pipeline/createPrivateAnswerer";
import { createCloudAnswerer } from "../../app/pipeline/cloud";
import { createHybridAnswerer } from "../../app/pipeline/hybrid";
import { AutoWarmer, createAutoAnswerer } from "../../app/pipeline/auto";
import { ConversationVaults } from "../../app/pipeline/hybrid/ConversationVaults";
import { CLOUD_API_KEY_SECRET, EnvSecretStore, FileSecretStore } from "../../app/secrets";
import type { ModelTools } from "../../app/model/ModelTools";
import { ModelDownloads } from "../../native-models/download/ModelDownloads";
import { LlamaFitChecker } from "../../native-models/fit/LlamaFitChecker";
import { readMachine } from "../../native-models/hardware/readMachine";
import { LlamaRuntime } from "../../native-models/LlamaRuntime";
import type { Host, HostOptions } from "./Host";
import { openDataStore } from "./openDataStore";
import { ProxyRunner } from "../proxy/ProxyRunner";
import { version } from "./version";

/** Auto's warm-up at start waits this long, so the window's first paint goes first (warmUpAuto's default). */
const START_WARM_UP_DELAY_MS = 1500;

/** The database file inside the data directory. */
export const DB_FILE = "tandem.db";

/** Wires the core (store, model manager, privacy, egress, pipeline, handlers) for one host. */
export async function createHost(options: HostOptions & { logger?: Logger }): Promise<Host> {
  const config = readConfig(process.env, { dataDir: options.dataDir });
  const dataDir = options.dataDir;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const logger =
    options.logger ??
    createLogger({
      name: "tandem",
      level: options.quiet ? "warn" : config.logLevel,
      sink: (line) => process.stderr.write(line + "\n"),
    });
  const listeners = new Set<(event: ChatEvent) => void>();
  const emit = (event: ChatEvent) => listeners.forEach((listener) => listener(event));
  let llamaRuntime: Promise<LlamaRuntime> | null = null;
  const getRuntime = () =>
    (llamaRuntime ??= LlamaRuntime.create({
      gpu: options.gpu ?? "auto",
      logger: quietLlamaLogger(logger.child("llama")),
    }));
  const runtime = lazyRuntime(getRuntime, () => llamaRuntime);
  const secrets = secretsFor(options, config);
  // "Delete all my data" (issue #8): nothing may use the store while its files go, and the app
  // must come back as on first run, so the whole core is closed, the files removed, a new core
  // opened. Requests that arrive meanwhile wait for it.
  let wiping: Promise<unknown> | null = null;
  const wipeData = async (request: { deleteModels: boolean }): Promise<WipeSummary> => {
    const run = (async () => {
      await core.close();
      try {
        // Through the key store first, in case it keeps the key outside the data folder.
        await secrets.secrets.delete(CLOUD_API_KEY_SECRET).catch(() => undefined);
        return await wipeDataDir(dataDir, { deleteModels: request.deleteModels, dbFile: DB_FILE });
      } finally {
        core = await openCore({ options, config, dataDir, logger, emit, runtime, getRuntime, secrets, wipeData });
        logger.info("all user data deleted; started as new");
      }
    })();
    wiping = run;
    try {
      return await run;
    } finally {
      wiping = null;
    }
  };
  let core = await openCore({ options, config, dataDir, logger, emit, runtime, getRuntime, secrets, wipeData });
  const handlerLog = logger.child("handlers");

  return {
    async handle(channel: Channel, payload: unknown): Promise<Result<unknown>> {
      if (!isChannel(channel))
        return {
          ok: false,
          error: { code: "invalid_request", message: `Unknown channel: ${String(channel).slice(0, 60)}` },
        };
      const parsed = parseRequest(channel, payload);
      if (!parsed.ok) return parsed;
      while (wiping) await wiping.catch(() => undefined);
      try {
        const handler = core.handlers[channel] as (request: unknown) => unknown;
        return { ok: true, value: await handler(parsed.value) };
      } catch (error) {
        const data = toErrorData(error);
        if (data.code === "internal")
          handlerLog.error("handler failed", {
            channel,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          });
        return { ok: false, error: data };
      }
    },
    proxy: () => core.proxy,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await core.close();
      await runtime.dispose();
    },
  };
}

interface CoreContext {
  options: HostOptions;
  config: TandemConfig;
  dataDir: string;
  logger: Logger;
  emit(event: ChatEvent): void;
  runtime: LocalModelRuntime;
  /** The same llama.cpp runtime, for the hardware panel and fit checks. */
  getRuntime(): Promise<LlamaRuntime>;
  secrets: ReturnType<typeof secretsFor>;
  wipeData: NonNullable<HandlerDeps["wipeData"]>;
}

/** The store and everything built on it; closed and opened again when the user deletes all data. */
async function openCore({
  options,
  config,
  dataDir,
  logger,
  emit,
  runtime,
  getRuntime,
  secrets,
  wipeData,
}: CoreContext): Promise<{ handlers: Handlers; proxy: ProxyRunner; close(): Promise<void> }> {
  const store = await openDataStore(dataDir, { secrets: secrets.secrets, config, logger: logger.child("store") });
  const interrupted = store.messages.markInterrupted();
  if (interrupted > 0) logger.info("answers interrupted by the last shutdown", { count: interrupted });
  // Background work that failed is logged by its error code only (a message may quote a path).
  const warnFailed = (work: string) => (error: unknown) =>
    logger.warn(`${work} failed`, { code: String((error as { code?: unknown }).code ?? "unknown") });
  // The first search after a start would otherwise decrypt its pages while the user waits.
  store
    .warmUpSearch()
    .done.then(({ completed, steps, wallMs, cpuMs, longestStepMs }) =>
      logger.info("search warm-up", {
        completed,
        steps,
        wallMs: Math.round(wallMs),
        cpuMs: Math.round(cpuMs),
        longestStepMs: Math.round(longestStepMs),
      }),
    )
    .catch(warnFailed("search warm-up"));
  // Index merges and WAL checkpoints run when the app is idle, not inside the commit of a send.
  store.maintainInBackground({ onError: warnFailed("store maintenance") });

  const cpuCores = availableParallelism();
  const threads = () => store.settings.get().threads ?? config.threads ?? cpuCores;
  const models = new ModelManager(runtime, logger.child("models"), {
    onLoading: (modelId) => emit({ type: "model:loading", modelId }),
    onLoaded: (modelId) => emit({ type: "model:loaded", modelId }),
    onProgress: (modelId, progress) => emit({ type: "model:loadProgress", modelId, progress }),
    onUnloaded: (modelId) => emit({ type: "model:unloaded", modelId }),
  });
  const isOffline = () => store.settings.get().offline;
  const modelsDir = join(dataDir, "models");
  const tools = await modelTools({
    getRuntime,
    runtime,
    modelsDir,
    isOffline,
    logger,
    onVerified: (file) => recordDownload(store, file),
    emit,
  });
  const audit = new AuditLog(store.db);
  // The gate re-scans with the current locale: a getter, since the user may change it at any time.
  const detectOptions = {
    get locale() {
      return store.settings.get().locale;
    },
  };
  const gate = new EgressGate({ audit, isOffline, logger: logger.child("egress"), detectOptions });
  const cloud = new CloudAccess({
    settings: store.settings,
    gate,
    isOffline,
    logger: logger.child("cloud"),
    ...secrets,
  });
  await cloud.init();
  const context = new ContextService(store.db);
  const localContext = contextSource(context);
  const getModel = async () => {
    const settings = store.settings.get();
    const model = settings.activeModelId ? store.models.get(settings.activeModelId) : null;
    if (!model) throw new TandemError("no_model", "No local model yet. Add a .gguf model file in Settings first.");
    // The model's own settings (models:update) win over the global ones.
    const { contextSize, threads: modelThreads, gpuLayers } = model.settings;
    const spec = {
      model,
      threads: modelThreads ?? threads(),
      contextSize: contextSize ?? settings.contextSize,
      gpuLayers,
    };
    return { model: await models.acquire(spec), modelId: model.id };
  };
  const pipeline = {
    db: store.db,
    gate,
    cloud: () => cloud.provider(),
    settings: () => store.settings.get(),
    logger: logger.child("pipeline"),
  };
  const contextTerms = (id: string) => context.contextTermsFor(id);
  const privateAnswerer = createPrivateAnswerer(localContext);
  const hybrid = createHybridAnswerer({ ...pipeline, context: localContext, contextTerms });
  const autoVaults = new ConversationVaults(store.db);
  const auto = createAutoAnswerer({
    private: privateAnswerer,
    hybrid,
    settings: () => {
      const { locale, alwaysLocalTopics, offline } = store.settings.get();
      return { locale, alwaysLocalTopics, offline, cloudAvailable: cloud.provider() !== null };
    },
    vault: (id) => {
      const vault = autoVaults.load(id, contextTerms, store.settings.get().locale);
      autoVaults.save(vault);
      return vault;
    },
    saveVault: (vault) => autoVaults.save(vault),
    logger: logger.child("auto"),
  });
  // With a cloud model set up, new conversations are Auto: load its vocabularies in the background
  // at start, or as soon as the settings gain a cloud model, rather than on the first message
  // (the one-shot CLI loads only what its message needs).
  const warmer =
    options.kind === "cli"
      ? null
      : new AutoWarmer({
          cloudConfigured: () => cloud.provider() !== null,
          locale: () => store.settings.get().locale,
          onDone: (steps) =>
            logger.child("auto").info("auto warm-up", {
              steps: steps
                .map((s) => `${s.name}: ${Math.round(s.ms)} ms${s.error ? ` (failed: ${s.error})` : ""}`)
                .join("; "),
            }),
        });
  // At start the window paints first (the default delay); later the user is waiting for nothing else.
  warmer?.check(START_WARM_UP_DELAY_MS);
  const stopWarming = store.settings.onChange(() => warmer?.check());
  const chat = new ChatService({
    store,
    emit,
    logger: logger.child("chat"),
    answerers: { private: privateAnswerer, hybrid, cloud: createCloudAnswerer(pipeline), auto },
    getModel,
  });
  const profiles = new ProfileRepo(store.db);
  const proxy = new ProxyRunner({
    db: store.db,
    settings: store.settings,
    gate,
    cloud,
    secrets: secrets.secrets,
    envToken: config.proxyToken,
    // Profile terms only: the documents' texts (contextTermsFor(null)) would be read on every request.
    declaredTerms: () => contextTermsFor(profiles.get(), []).terms,
    localModel: async () => (await getModel()).model,
    logger: logger.child("proxy"),
  });
  // The CLI starts the proxy itself (with its flags); the app starts it when Settings has it on.
  if (options.kind !== "cli") await proxy.startIfEnabled();
  const handlers = createHandlers({
    store,
    runtime,
    models,
    chat,
    auto,
    context,
    cloud,
    audit,
    tools,
    modelsDir,
    gate,
    proxy,
    emit,
    wipeData,
    info: () => ({ host: options.kind, version, dataDir, threads: threads(), cpuCores }),
  });
  return {
    handlers,
    proxy,
    async close() {
      stopWarming();
      warmer?.close();
      await proxy.stop();
      await tools.downloads.close();
      await chat.close();
      await models.unload();
      store.close();
    },
  };
}

/** The key store: the host's (Electron: OS keychain), else TANDEM_CLOUD_API_KEY over a 0600 file. */
function secretsFor(options: HostOptions, config: TandemConfig) {
  if (options.secrets) return { secrets: options.secrets.store, keyStorage: () => options.secrets!.kind };
  const secrets = new EnvSecretStore(new FileSecretStore(options.dataDir), {
    [CLOUD_API_KEY_SECRET]: config.cloudApiKey,
  });
  return {
    secrets,
    keyStorage: () => (secrets.isOverridden(CLOUD_API_KEY_SECRET) ? ("environment" as const) : ("file" as const)),
  };
}

/** llama.cpp's load-time warnings (odd metadata in many community GGUFs) are noise for users. */
function quietLlamaLogger(logger: Logger): Logger {
  return { ...logger, warn: logger.debug };
}

/**
 * Creates the llama.cpp runtime on first use: starting the app must not wait for it. `get` is
 * memoized by the caller (the hardware panel and fit checks share the instance); `created` says
 * whether anything started it, so closing never starts llama.cpp just to stop it.
 */
function lazyRuntime(
  get: () => Promise<LocalModelRuntime>,
  created: () => Promise<LocalModelRuntime> | null,
): LocalModelRuntime {
  return {
    inspect: async (path) => (await get()).inspect(path),
    load: async (path, options) => (await get()).load(path, options),
    dispose: async () => {
      const instance = created();
      if (instance) await (await instance).dispose();
    },
  };
}

interface ModelToolsDeps {
  getRuntime(): Promise<LlamaRuntime>;
  runtime: LocalModelRuntime;
  modelsDir: string;
  isOffline(): boolean;
  logger: Logger;
  onVerified: Parameters<typeof ModelDownloads.open>[0]["onVerified"];
  emit(event: ChatEvent): void;
}

/** Hardware, fit checks and downloads (into `<dataDir>/models/`), from native-models/. */
async function modelTools(deps: ModelToolsDeps): Promise<ModelTools> {
  const getLlama = async () => (await deps.getRuntime()).llama;
  const machine = async () => readMachine(await getLlama());
  const downloads = await ModelDownloads.open({
    dir: deps.modelsDir,
    isOffline: deps.isOffline,
    inspect: (path) => deps.runtime.inspect(path),
    onVerified: deps.onVerified,
    emit: (download) => deps.emit({ type: "download:progress", download }),
    logger: deps.logger.child("downloads"),
  });
  return { machine, fit: new LlamaFitChecker(getLlama, machine), downloads };
}
