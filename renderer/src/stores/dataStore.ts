import { create } from "zustand";
import type { Result } from "../../../app/contract/errors";
import type { ExportedFile, ImportSummary, WipeSummary } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import { useCloudStore } from "./cloudStore";
import { useContextStore } from "./contextStore";
import { useConversationsStore } from "./conversationsStore";
import { useProfileStore } from "./profileStore";
import { useSettingsStore } from "./settingsStore";

interface DataState {
  /** Everything as one file; `path` writes it there instead of returning its content. */
  exportAll(request: { passphrase?: string; path?: string }): Promise<Result<ExportedFile>>;
  exportConversation(request: {
    conversationId: string;
    format: "md" | "json";
    path?: string;
  }): Promise<Result<ExportedFile>>;
  /** Imports, then reloads every list that may have grown. */
  importFile(request: { path: string; passphrase?: string }): Promise<Result<ImportSummary>>;
  /** "Delete all my data". The caller reloads the page afterwards: the app starts as new. */
  wipe(deleteModels: boolean): Promise<Result<WipeSummary>>;
}

/** Export, import and delete-all (Settings → Your data). Holds no state: forms keep their own. */
export const useDataStore = create<DataState>()(() => ({
  exportAll: (request) => api().data.exportAll(request),
  exportConversation: (request) => api().data.exportConversation(request),
  importFile: async (request) => {
    const result = await api().data.import(request);
    if (result.ok) {
      await Promise.all([
        useConversationsStore.getState().load(),
        useSettingsStore.getState().load(),
        useCloudStore.getState().load(),
        useContextStore.getState().load(),
        useProfileStore.getState().load(),
      ]);
    }
    return result;
  },
  wipe: (deleteModels) => api().data.wipe({ confirm: "DELETE", deleteModels }),
}));
