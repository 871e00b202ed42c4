import { create } from "zustand";
import type { ErrorData } from "../../../app/contract/errors";
import type { EgressRecord } from "../../../app/contract/types";
import { api } from "../api/connectBackend";

/** Rows shown in Settings → Privacy log. */
export const AUDIT_PAGE = 200;

interface AuditState {
  records: EgressRecord[];
  loading: boolean;
  error: ErrorData | null;
  load(): Promise<void>;
}

/** The audit log: every request that left the device, newest first (`egress:list`). */
export const useAuditStore = create<AuditState>()((set) => ({
  records: [],
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true });
    const result = await api().egress.list({ limit: AUDIT_PAGE });
    set(result.ok ? { records: result.value, loading: false, error: null } : { loading: false, error: result.error });
  },
}));
