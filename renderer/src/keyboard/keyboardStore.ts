import { create } from "zustand";

export type Overlay = "help" | "palette";

interface KeyboardState {
  /** The keyboard overlay on screen, if any (one at a time). */
  overlay: Overlay | null;
  /** A short confirmation of what a shortcut did ("Copied the last answer"), read out politely. */
  flash: { text: string; at: number } | null;
  open(overlay: Overlay): void;
  close(): void;
  showFlash(text: string): void;
  clearFlash(): void;
}

export const useKeyboardStore = create<KeyboardState>()((set) => ({
  overlay: null,
  flash: null,
  open: (overlay) => set({ overlay }),
  close: () => set({ overlay: null }),
  // `at` makes a repeat of the same text a new flash (its timer restarts, it is read again).
  showFlash: (text) => set({ flash: { text, at: Date.now() } }),
  clearFlash: () => set({ flash: null }),
}));
