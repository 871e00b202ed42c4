import { create } from "zustand";
import type { RequestOf } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type {
  CatalogItem,
  ChatEvent,
  DownloadInfo,
  FitEstimate,
  HardwareInfo,
  ModelInfo,
} from "../../../app/contract/types";
import { api, connectBackend } from "../api/connectBackend";
import { useSettingsStore } from "./settingsStore";
import { useUiStore } from "./uiStore";

interface ModelsState {
  catalog: CatalogItem[] | null;
  downloads: DownloadInfo[];
  hardware: HardwareInfo | null;
  /** Header-based fit checks the user asked for, by catalog entry id. */
  checks: Record<string, FitEstimate>;
  /** llama.cpp's load progress of the model being loaded, 0..1. */
  loadProgress: { modelId: string; progress: number } | null;
  load(): Promise<void>;
  loadHardware(): Promise<void>;
  download(request: RequestOf<"models:download">): Promise<Result<DownloadInfo>>;
  cancel(id: string, discard?: boolean): Promise<void>;
  checkFit(item: CatalogItem): Promise<Result<FitEstimate>>;
  importModel(path: string, copy: boolean): Promise<Result<ModelInfo>>;
  updateModel(request: RequestOf<"models:update">): Promise<Result<ModelInfo>>;
  unload(): Promise<void>;
}

export const useModelsStore = create<ModelsState>()((set, get) => ({
  catalog: null,
  downloads: [],
  hardware: null,
  checks: {},
  loadProgress: null,
  load: async () => {
    wireModelEvents();
    // The downloads list first and on its own: the catalog's fit check can take many seconds, and a
    // list read before a download started must not then replace the newer one (its bar vanished).
    const downloads = await api().models.downloads({});
    if (downloads.ok) set({ downloads: downloads.value });
    const catalog = await api().models.catalog({});
    for (const result of [catalog, downloads]) if (!result.ok) useUiStore.getState().showNotice(result.error);
    if (catalog.ok) set({ catalog: catalog.value });
  },
  loadHardware: async () => {
    const result = await api().hardware.info({});
    if (result.ok) set({ hardware: result.value });
  },
  download: async (request) => {
    wireModelEvents();
    const result = await api().models.download(request);
    // The reply is a snapshot from the start; a failure event can overtake it (a refused
    // connection fails in milliseconds). Events win: the reply only adds a download not seen yet,
    // else the bar stayed at "Connecting…" for ever (issue #12).
    if (result.ok && !get().downloads.some((d) => d.id === result.value.id)) upsertDownload(result.value);
    return result;
  },
  cancel: async (id, discard = false) => {
    const result = await api().models.cancelDownload({ id, discard });
    if (!result.ok) return useUiStore.getState().showNotice(result.error);
    set({
      downloads: result.value.download
        ? get().downloads.map((d) => (d.id === id ? result.value.download! : d))
        : get().downloads.filter((d) => d.id !== id),
    });
  },
  checkFit: async (item) => {
    const result = await api().models.fit({ source: item.uri });
    if (result.ok) set({ checks: { ...get().checks, [item.id]: result.value } });
    return result;
  },
  importModel: async (path, copy) => {
    const result = await api().models.import({ path, copy });
    if (result.ok) await useSettingsStore.getState().load();
    return result;
  },
  updateModel: async (request) => {
    const result = await api().models.update(request);
    if (result.ok) await useSettingsStore.getState().load();
    return result;
  },
  unload: async () => {
    const result = await api().models.unload({});
    if (!result.ok) return useUiStore.getState().showNotice(result.error);
    await get().loadHardware();
  },
}));

function upsertDownload(download: DownloadInfo): void {
  const downloads = useModelsStore.getState().downloads;
  const known = downloads.some((d) => d.id === download.id);
  useModelsStore.setState({
    downloads: known ? downloads.map((d) => (d.id === download.id ? download : d)) : [...downloads, download],
  });
}

function handleModelEvent(event: ChatEvent): void {
  if (event.type === "download:progress") {
    upsertDownload(event.download);
    // A finished download is a new model (maybe the active one now) and changes the catalog's links.
    if (event.download.state === "done")
      void Promise.all([useSettingsStore.getState().load(), useModelsStore.getState().load()]);
  } else if (event.type === "model:loadProgress")
    useModelsStore.setState({ loadProgress: { modelId: event.modelId, progress: event.progress } });
  else if (event.type === "model:loaded" || event.type === "model:unloaded")
    useModelsStore.setState({ loadProgress: null });
}

let unsubscribe: (() => void) | null = null;

/**
 * Listens to download and model-load events once, from the first screen that shows models. (The
 * app-wide wireBackend routes chat events; these stay with the model screens that need them.)
 */
export function wireModelEvents(): void {
  unsubscribe ??= connectBackend().onEvent(handleModelEvent);
}
