import { create } from "zustand";
import type { RequestOf } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import type { ProxyStatus } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import { useUiStore } from "./uiStore";

interface ProxyState {
  /** Settings → Privacy proxy as the host reports it. Null until loaded. */
  status: ProxyStatus | null;
  load(): Promise<void>;
  configure(input: RequestOf<"proxy:configure">): Promise<Result<ProxyStatus>>;
}

export const useProxyStore = create<ProxyState>()((set) => ({
  status: null,
  load: async () => {
    const result = await api().proxy.status({});
    if (result.ok) set({ status: result.value });
    else useUiStore.getState().showNotice(result.error);
  },
  configure: async (input) => {
    const result = await api().proxy.configure(input);
    if (result.ok) set({ status: result.value });
    return result;
  },
}));
