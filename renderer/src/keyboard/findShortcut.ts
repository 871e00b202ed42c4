import {
  fieldRule,
  matchesBinding,
  worksIn,
  type FieldRule,
  type HostKind,
  type KeyBinding,
  type KeyEventLike,
  type Platform,
} from "./keyBinding";

/** Where the keyboard focus is: a text field, the message box (a text field with its own rules), or elsewhere. */
export type FocusKind = "field" | "composer" | "other";

export interface KeyContext {
  platform: Platform;
  host: HostKind;
  focus: FocusKind;
}

/** The first entry with a binding that this keydown fires here, or null. */
export function findShortcut<T extends { keys: readonly KeyBinding[] }>(
  event: KeyEventLike,
  entries: readonly T[],
  context: KeyContext,
): T | null {
  for (const entry of entries) {
    const fires = entry.keys.some(
      (binding) =>
        worksIn(binding, context.host) &&
        focusAllows(fieldRule(binding), context.focus) &&
        matchesBinding(event, binding, context.platform),
    );
    if (fires) return entry;
  }
  return null;
}

function focusAllows(rule: FieldRule, focus: FocusKind): boolean {
  if (rule === "all") return true;
  if (rule === "composer") return focus !== "field";
  return focus === "other";
}
