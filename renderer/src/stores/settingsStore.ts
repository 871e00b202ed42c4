import { create } from "zustand";
import type { RequestOf } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type { AppInfo, AppSettings, ModelInfo } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import { useUiStore } from "./uiStore";

interface SettingsState {
  settings: AppSettings | null;
  models: ModelInfo[];
  info: AppInfo | null;
  /** The model llama.cpp is loading right now (first answer after start or a switch). */
  loadingModelId: string | null;
  load(): Promise<void>;
  update(patch: RequestOf<"settings:update">): Promise<Result<AppSettings>>;
  /** Adds a model; it becomes the active one when none is active yet. */
  removeModel(id: string): Promise<void>;
  setLoadingModel(id: string | null): void;
}

export const useSettingsStore = create<SettingsState>()((set, get) => ({
  settings: null,
  models: [],
  info: null,
  loadingModelId: null,
  load: async () => {
    const [settings, models, info] = await Promise.all([
      api().settings.get({}),
      api().models.list({}),
      api().app.info({}),
    ]);
    for (const result of [settings, models, info]) if (!result.ok) useUiStore.getState().showNotice(result.error);
    set({
      settings: settings.ok ? settings.value : get().settings,
      models: models.ok ? models.value : get().models,
      info: info.ok ? info.value : get().info,
    });
  },
  update: async (patch) => {
    // Optimistic: a radio (theme, active model) must show the choice at once, not after the reply.
    const before = get().settings;
    if (before) set({ settings: { ...before, ...patch } });
    const result = await api().settings.update(patch);
    set({ settings: result.ok ? result.value : before });
    // Threads change what app:info reports as "in use".
    if (result.ok && "threads" in patch) await refreshInfo(set);
    return result;
  },
  removeModel: async (id) => {
    const result = await api().models.remove({ id });
    if (!result.ok) return useUiStore.getState().showNotice(result.error);
    // The host may clear the active model when it is removed; read back what it decided.
    await get().load();
  },
  setLoadingModel: (loadingModelId) => set({ loadingModelId }),
}));

async function refreshInfo(set: (partial: Partial<SettingsState>) => void): Promise<void> {
  const info = await api().app.info({});
  if (info.ok) set({ info: info.value });
}
