import { useChatStore } from "../stores/chatStore";
import {
  copyLastAnswer,
  cycleMode,
  focusSearch,
  isAnswering,
  newConversation,
  regenerate,
  showPage,
  stepConversation,
  toggleOffline,
} from "./commands";
import type { KeyBinding } from "./keyBinding";
import { useUiStore } from "../stores/uiStore";
import { useKeyboardStore } from "./keyboardStore";

export type ActionId =
  | "new-conversation"
  | "focus-search"
  | "next-conversation"
  | "previous-conversation"
  | "send"
  | "newline"
  | "stop"
  | "regenerate"
  | "switch-mode"
  | "toggle-offline"
  | "copy-last-answer"
  | "command-palette"
  | "show-shortcuts"
  | "open-settings"
  | "open-context"
  | "toggle-sidebar";

export interface ShortcutAction {
  id: ActionId;
  /** What it does, as the help overlay and the palette say it. */
  label: string;
  /** Every combination, in the order shown; those for the other host are left out of view. */
  keys: readonly KeyBinding[];
  /** Absent: the key is handled where it applies (Enter in the message box); listed, not run. */
  run?: () => void | Promise<void>;
  /** Whether it makes sense now; otherwise the palette leaves it out. Default: always. */
  available?: () => boolean;
  /** Holding the keys repeats it (moving through the list). Default: one run per press. */
  repeats?: boolean;
}

/**
 * The one table of keyboard actions: the global key handler, the help overlay (`?`), the
 * command palette (Ctrl/Cmd+K) and the hints on buttons (title, aria-keyshortcuts) all read it.
 * Chosen to avoid what the host keeps for itself: a browser never passes Ctrl+N to a page (so
 * Ctrl+Shift+O and Alt+N work everywhere), Ctrl+F stays the browser's find-in-page, and
 * Ctrl+Shift+R is the browser's and Electron's default menu's hard reload (so Regenerate is
 * Ctrl+Shift+E).
 */
export const SHORTCUTS: readonly ShortcutAction[] = [
  {
    id: "new-conversation",
    label: "New conversation",
    keys: [
      { key: "n", mod: true, host: "electron" },
      { key: "o", mod: true, shift: true },
      { key: "n", alt: true },
    ],
    run: newConversation,
  },
  {
    id: "focus-search",
    label: "Search messages",
    keys: [{ key: "f", mod: true, host: "electron" }, { key: "/" }],
    run: focusSearch,
  },
  {
    id: "next-conversation",
    label: "Next conversation",
    keys: [
      { key: "ArrowDown", alt: true },
      { key: "ArrowDown", mod: true, fields: "none" },
    ],
    run: () => stepConversation(1),
    repeats: true,
  },
  {
    id: "previous-conversation",
    label: "Previous conversation",
    keys: [
      { key: "ArrowUp", alt: true },
      { key: "ArrowUp", mod: true, fields: "none" },
    ],
    run: () => stepConversation(-1),
    repeats: true,
  },
  { id: "send", label: "Send the message", keys: [{ key: "Enter", fields: "composer" }] },
  { id: "newline", label: "New line in the message", keys: [{ key: "Enter", shift: true, fields: "composer" }] },
  {
    id: "stop",
    label: "Stop the answer",
    keys: [{ key: "Escape", fields: "composer" }],
    run: () => useChatStore.getState().stop(),
    available: isAnswering,
  },
  {
    id: "regenerate",
    label: "Regenerate the last answer",
    keys: [{ key: "e", mod: true, shift: true }],
    run: regenerate,
  },
  {
    id: "switch-mode",
    label: "Switch privacy mode (Private → Hybrid → Cloud → Auto)",
    keys: [{ key: "m", mod: true, shift: true }],
    run: cycleMode,
  },
  {
    id: "toggle-offline",
    label: "Turn Offline mode on or off",
    keys: [{ key: "l", mod: true, shift: true }],
    run: toggleOffline,
  },
  {
    id: "copy-last-answer",
    label: "Copy the last answer",
    keys: [{ key: "c", mod: true, shift: true }],
    run: copyLastAnswer,
  },
  {
    id: "command-palette",
    label: "Command palette",
    keys: [{ key: "k", mod: true }],
    run: () => useKeyboardStore.getState().open("palette"),
  },
  {
    id: "show-shortcuts",
    label: "Keyboard shortcuts",
    keys: [{ key: "?" }, { key: "/", mod: true }],
    run: () => useKeyboardStore.getState().open("help"),
  },
  { id: "open-settings", label: "Open Settings", keys: [{ key: ",", mod: true }], run: () => showPage("settings") },
  { id: "open-context", label: "Open My context", keys: [], run: () => showPage("context") },
  // Ctrl+Shift+S, as in ChatGPT's web app; Ctrl+B would be Firefox's bookmarks sidebar.
  {
    id: "toggle-sidebar",
    label: "Show or hide the sidebar",
    keys: [{ key: "s", mod: true, shift: true }],
    run: () => useUiStore.getState().toggleSidebar(),
  },
];

export function shortcut(id: ActionId): ShortcutAction {
  const action = SHORTCUTS.find((a) => a.id === id);
  if (!action) throw new Error(`No shortcut action "${id}".`);
  return action;
}
