/**
 * Model management behind the contract: the catalog with fit verdicts, header fit checks,
 * downloads, imports, per-model settings, unloading, and the hardware panel. The llama.cpp and
 * network parts come through the `ModelTools` port (implemented in native-models/).
 */
import { randomBytes } from "node:crypto";
import { copyFile, rename, rm, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { TandemError } from "../contract/errors";
import type { CatalogItem, HardwareInfo, LoadedModelInfo, ModelInfo } from "../contract/types";
import { CATALOG, findCatalogModel, toCatalogEntry } from "../model/catalog";
import { modelDisplayName } from "../contract/modelDisplayName";
import type { GgufSummary, LocalModelRuntime } from "../model/LocalModel";
import type { ModelManager } from "../model/ModelManager";
import type { ModelTools, VerifiedDownload } from "../model/ModelTools";
import type { EgressGate } from "../egress";
import type { Store } from "../store/Store";
import type { Handlers } from "./Handlers";

type ModelChannels =
  | "models:import"
  | "models:catalog"
  | "models:fit"
  | "models:download"
  | "models:cancelDownload"
  | "models:downloads"
  | "models:update"
  | "models:unload"
  | "hardware:info";

export interface ModelHandlerDeps {
  store: Store;
  runtime: Pick<LocalModelRuntime, "inspect">;
  models: ModelManager;
  tools: ModelTools;
  /** The data directory's models/ folder: downloads and copied imports go there. */
  modelsDir: string;
  /**
   * The one egress gate: reading a remote header or starting a download is a request that leaves
   * the device, so it is refused offline and written to the privacy log like every other one.
   */
  gate: Pick<EgressGate, "send">;
}

/** Sends nothing private (a public model's address), but passes the gate and its audit log. */
async function throughGate<T>(
  deps: ModelHandlerDeps,
  endpoint: string,
  kind: "download" | "header-check",
  run: () => Promise<T> | T,
): Promise<T> {
  const purpose = kind === "download" ? "model download" : "model header (fit check)";
  const request = {
    conversationId: null,
    messageId: null,
    endpoint,
    model: purpose,
    messages: [],
    kind,
    method: "GET",
  };
  return (await deps.gate.send(request, null, async () => run())).result;
}

export function modelHandlers(deps: ModelHandlerDeps): Pick<Handlers, ModelChannels> {
  const { store, tools } = deps;
  return {
    "models:import": ({ path, copy }) => importModel(deps, path, copy ?? false),
    "models:catalog": () => catalog(deps),
    "models:fit": ({ source, contextSize }) => {
      const check = () =>
        tools.fit.fromHeader(source, { contextSize: contextSize ?? store.settings.get().contextSize });
      if (!/^(https?:|hf:)/i.test(source)) return check();
      if (store.settings.get().offline) {
        throw new TandemError(
          "offline",
          "Offline mode is on, so Tandem does not read remote files. Turn offline mode off to check a model online, or check a local .gguf file.",
        );
      }
      return throughGate(deps, source, "header-check", check);
    },
    "models:download": ({ uri, catalogId, sha256 }) => {
      if (catalogId && !findCatalogModel(catalogId))
        throw new TandemError("not_found", `There is no catalog entry "${catalogId}".`);
      if (store.settings.get().offline) return tools.downloads.start({ uri, catalogId, sha256 });
      return throughGate(deps, uri, "download", () => tools.downloads.start({ uri, catalogId, sha256 }));
    },
    "models:cancelDownload": async ({ id, discard }) => {
      if (!tools.downloads.list().some((d) => d.id === id))
        throw new TandemError("not_found", "That download is no longer in the list.");
      return { download: await tools.downloads.cancel(id, { discard }) };
    },
    "models:downloads": () => tools.downloads.list(),
    "models:update": ({ id, ...patch }) => {
      const model = store.models.updateSettings(id, patch);
      if (!model) throw new TandemError("not_found", "That model is no longer in the list. Add it again.");
      return model;
    },
    "models:unload": async () => ({ unloaded: await deps.models.unload() }),
    "hardware:info": () => hardwareInfo(deps),
  };
}

/** Records a checked model file; it becomes the active model when none is active yet. */
export function recordModel(
  store: Store,
  summary: GgufSummary,
  extra: { source: string; sha256?: string | null; name?: string },
): ModelInfo {
  const model = store.models.add({
    name: extra.name ?? modelDisplayName(summary),
    path: summary.path,
    sizeBytes: summary.sizeBytes,
    architecture: summary.architecture,
    parameterCount: summary.parameterCount,
    quantization: summary.quantization,
    contextLength: summary.contextLength,
    hasChatTemplate: summary.hasChatTemplate,
    source: extra.source,
    sha256: extra.sha256 ?? null,
  });
  if (!store.settings.get().activeModelId) store.settings.update({ activeModelId: model.id });
  return model;
}

/** What a finished download becomes: a model named after its catalog entry when it has one. */
export function recordDownload(store: Store, file: VerifiedDownload): string {
  const name = file.catalogId ? findCatalogModel(file.catalogId)?.name : undefined;
  return recordModel(store, { ...file.summary, path: file.path }, { source: file.uri, sha256: file.sha256, name }).id;
}

async function importModel(deps: ModelHandlerDeps, path: string, copy: boolean): Promise<ModelInfo> {
  const summary = await deps.runtime.inspect(resolve(path));
  if (!copy) return recordModel(deps.store, summary, { source: "file" });
  const target = await freeName(deps.modelsDir, basename(summary.path));
  if (target !== summary.path) await copyInto(summary.path, target);
  return recordModel(deps.store, { ...summary, path: target }, { source: "import" });
}

/** `name.gguf`, or `name-2.gguf`… when a different file already has that name. */
async function freeName(dir: string, fileName: string): Promise<string> {
  const stem = fileName.replace(/\.gguf$/i, "");
  for (let n = 1; ; n++) {
    const candidate = join(dir, n === 1 ? `${stem}.gguf` : `${stem}-${n}.gguf`);
    if (!(await stat(candidate).catch(() => null))) return candidate;
  }
}

/** Copies through a temporary name, so a copy cut short never looks like a model. */
async function copyInto(source: string, target: string): Promise<void> {
  const temp = `${target}.${randomBytes(4).toString("hex")}.partial`;
  try {
    await copyFile(source, temp);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOSPC")
      throw new TandemError(
        "download_disk_full",
        `Not enough disk space to copy the model into ${target}. Free some space, or use the file where it is.`,
        { cause: error },
      );
    throw error;
  }
}

async function catalog(deps: ModelHandlerDeps): Promise<CatalogItem[]> {
  const { contextSize } = deps.store.settings.get();
  const { fits, recommended } = await deps.tools.fit.forCatalog(CATALOG, { contextSize });
  const models = deps.store.models.list();
  return CATALOG.map((entry, i) => ({
    ...toCatalogEntry(entry),
    fit: fits[i]!,
    recommended: i === recommended,
    modelId: models.find((m) => m.source === entry.uri)?.id ?? null,
  }));
}

async function hardwareInfo(deps: ModelHandlerDeps): Promise<HardwareInfo> {
  const machine = await deps.tools.machine();
  return { ...machine, processMemoryBytes: process.memoryUsage().rss, loadedModel: loadedModel(deps) };
}

function loadedModel(deps: ModelHandlerDeps): LoadedModelInfo | null {
  const status = deps.models.status();
  if (!status) return null;
  const usage = status.model && !status.model.disposed ? status.model.memoryUsage?.() : undefined;
  return {
    modelId: status.modelId,
    state: status.state,
    progress: status.progress,
    contextSize: status.model?.contextSize ?? null,
    modelBytes: usage?.modelBytes ?? null,
    contextBytes: usage?.contextBytes ?? null,
    gpuLayers: usage?.gpuLayers ?? null,
    threads: status.spec.threads,
  };
}
