import { detectHost, detectPlatform } from "./environment";
import {
  ariaBinding,
  fieldRule,
  formatBinding,
  worksIn,
  type HostKind,
  type KeyBinding,
  type Platform,
} from "./keyBinding";
import { shortcut, type ActionId } from "./shortcuts";

/** The bindings of an action that work in this host, in the table's order. */
export function bindingsFor(id: ActionId, host: HostKind = detectHost()): KeyBinding[] {
  return shortcut(id).keys.filter((binding) => worksIn(binding, host));
}

/** "Ctrl+Shift+O", "Alt+N"… for people, in this host and on this platform. */
export function keyLabels(
  id: ActionId,
  platform: Platform = detectPlatform(),
  host: HostKind = detectHost(),
): string[] {
  return bindingsFor(id, host).map((binding) => formatBinding(binding, platform));
}

export interface ShortcutHint {
  title: string;
  "aria-keyshortcuts": string;
}

/**
 * Props that show a control's shortcut: a tooltip ("New conversation (Ctrl+Shift+O or Alt+N)")
 * and `aria-keyshortcuts` for screen readers. `label` defaults to the action's.
 */
export function shortcutHint(id: ActionId, label: string = shortcut(id).label): ShortcutHint {
  const platform = detectPlatform();
  const bindings = bindingsFor(id);
  return {
    title: `${label} (${bindings.map((b) => formatBinding(b, platform)).join(" or ")})`,
    "aria-keyshortcuts": bindings.map((b) => ariaBinding(b, platform)).join(" "),
  };
}

/** The first of an action's keys that also works while typing (for hints next to a text field). */
export function keyLabelWhileTyping(id: ActionId): string | null {
  const binding = bindingsFor(id).find((b) => fieldRule(b) === "all");
  return binding ? formatBinding(binding, detectPlatform()) : null;
}
