import type { PrivacyMode } from "../../../app/contract/types";
import { MODE_LABELS } from "../lib/modeText";
import { useChatStore } from "../stores/chatStore";
import { useCloudStore } from "../stores/cloudStore";
import { currentMode } from "../stores/currentMode";
import { useConversationsStore } from "../stores/conversationsStore";
import { useSettingsStore } from "../stores/settingsStore";
import { switchMode } from "../stores/switchMode";
import { useUiStore } from "../stores/uiStore";
import { useKeyboardStore } from "./keyboardStore";

/** What the shortcuts and the command palette do, on top of the stores' own actions. */

const MODES: readonly PrivacyMode[] = ["private", "hybrid", "cloud", "auto"];

const flash = (text: string) => useKeyboardStore.getState().showFlash(text);

/** Focuses an element once React has rendered the screen an action just switched to. */
function focusSoon(id: string, select = false): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    element?.focus();
    if (select && element instanceof HTMLInputElement) element.select();
  });
}

export function newConversation(): void {
  useChatStore.getState().startNew();
  focusSoon("composer-input");
}

export function focusSearch(): void {
  focusSoon("search-input", true);
}

/** Shows Settings or My context, reading from its top (the sidebar button that opened it may be far away). */
export function showPage(view: "settings" | "context"): void {
  useUiStore.getState().showView(view);
  focusSoon("main");
}

export function openConversation(id: string): void {
  void useChatStore.getState().open(id);
  // Keeps the newly opened row in sight in a long sidebar.
  requestAnimationFrame(() =>
    document.querySelector(".conversation-item.active")?.scrollIntoView({ block: "nearest" }),
  );
}

/** Opens the conversation below (+1) or above (-1) the open one in the sidebar; stops at the ends. */
export function stepConversation(delta: 1 | -1): void {
  const items = useConversationsStore.getState().items;
  const openId = useChatStore.getState().conversation?.id;
  const index = items.findIndex((c) => c.id === openId);
  // A fresh chat sits above the list: "next" goes to the newest conversation.
  const target = index === -1 ? (delta > 0 ? 0 : -1) : index + delta;
  const next = items[target];
  if (next) openConversation(next.id);
}

export function isAnswering(): boolean {
  return useChatStore.getState().messages.some((m) => m.status === "streaming");
}

export function canRegenerate(): boolean {
  const { messages, inFlight } = useChatStore.getState();
  return inFlight === 0 && !isAnswering() && messages[messages.length - 1]?.role === "assistant";
}

export function regenerate(): void {
  if (canRegenerate()) void useChatStore.getState().regenerate();
  else flash("There is no finished answer to regenerate here.");
}

export async function copyLastAnswer(): Promise<void> {
  const messages = useChatStore.getState().messages;
  const answer = [...messages].reverse().find((m) => m.role === "assistant" && m.content !== "");
  if (!answer) return flash("There is no answer to copy yet.");
  try {
    await navigator.clipboard.writeText(answer.content);
    flash("Copied the last answer.");
  } catch {
    flash("The clipboard refused the copy. Select the text and copy it instead.");
  }
}

/**
 * Private → Hybrid → Cloud → Auto → Private for the open conversation. Without a cloud model only
 * Private is possible: the focus goes to the mode switch, whose hint says how to set one up.
 */
export async function cycleMode(): Promise<void> {
  useUiStore.getState().showView("chat");
  const current = currentMode();
  if (!useCloudStore.getState().status?.configured) {
    requestAnimationFrame(() =>
      document.querySelector<HTMLInputElement>('input[name="conversation-mode"]:checked')?.focus(),
    );
    return flash("Auto, Hybrid and Cloud need a cloud model: set one up in Settings → Cloud.");
  }
  const next = MODES[(MODES.indexOf(current) + 1) % MODES.length]!;
  await switchMode(next);
  if (currentMode() === next) flash(`${MODE_LABELS[next]} mode, from the next message on.`);
}

export async function toggleOffline(): Promise<void> {
  const offline = !(useSettingsStore.getState().settings?.offline ?? false);
  const result = await useSettingsStore.getState().update({ offline });
  if (!result.ok) return useUiStore.getState().showNotice(result.error);
  flash(offline ? "Offline mode on: nothing leaves this device." : "Offline mode off.");
}
