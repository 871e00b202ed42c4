import { create } from "zustand";
import type { RequestOf } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type { CloudStatus, ConnectionTest } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import { useUiStore } from "./uiStore";

interface CloudState {
  /** The cloud set-up as the host reports it; never the key. Null until loaded. */
  status: CloudStatus | null;
  /** The last "Test connection" result; cleared when the set-up changes. */
  test: ConnectionTest | null;
  testing: boolean;
  load(): Promise<void>;
  configure(input: RequestOf<"cloud:configure">): Promise<Result<CloudStatus>>;
  /** Deletes the stored key, keeping the endpoint and model. */
  forgetKey(): Promise<Result<CloudStatus>>;
  runTest(): Promise<void>;
}

export const useCloudStore = create<CloudState>()((set, get) => ({
  status: null,
  test: null,
  testing: false,
  load: async () => {
    const result = await api().cloud.status({});
    if (result.ok) set({ status: result.value });
    else useUiStore.getState().showNotice(result.error);
  },
  configure: async (input) => {
    const result = await api().cloud.configure(input);
    if (result.ok) set({ status: result.value, test: null });
    return result;
  },
  forgetKey: async () => {
    const status = get().status;
    return get().configure({ baseUrl: status?.baseUrl ?? null, model: status?.model ?? null, apiKey: null });
  },
  runTest: async () => {
    set({ testing: true, test: null });
    const result = await api().cloud.test({});
    set({ testing: false, test: result.ok ? result.value : { ok: false, message: result.error.message } });
  },
}));
