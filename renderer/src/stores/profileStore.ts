import { create } from "zustand";
import type { Result } from "../../../app/contract/errors";
import type { ProfileData } from "../../../app/contract/types";
import { api } from "../api/connectBackend";
import { useUiStore } from "./uiStore";

interface ProfileState {
  /** Null until loaded. */
  profile: ProfileData | null;
  load(): Promise<void>;
  save(profile: ProfileData): Promise<Result<ProfileData>>;
}

/** The user's profile: seen by the local model only, and registered as private terms. */
export const useProfileStore = create<ProfileState>()((set) => ({
  profile: null,
  load: async () => {
    const result = await api().profile.get({});
    if (result.ok) set({ profile: result.value });
    else useUiStore.getState().showNotice(result.error);
  },
  save: async (profile) => {
    const result = await api().profile.update(profile);
    if (result.ok) set({ profile: result.value });
    return result;
  },
}));
