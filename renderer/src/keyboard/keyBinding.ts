/**
 * Key combinations as data: matching a keydown against one, and writing one for people
 * ("Ctrl+Shift+O", "⌘⇧O") and for assistive technology (`aria-keyshortcuts`). Pure, so the
 * rules are unit-tested without a browser.
 */

export type Platform = "mac" | "other";
/** Where the UI runs: Electron's window, or a browser tab on the browser host. */
export type HostKind = "electron" | "browser";
/**
 * Where the focus may be for a binding to fire: "none" = not in a text field (bare keys like
 * "/" and "?" must type themselves there), "composer" = also in the message box, "all" = anywhere.
 */
export type FieldRule = "none" | "composer" | "all";

export interface KeyBinding {
  /** `KeyboardEvent.key`: a lower-case letter ("k"), a symbol ("/", "?", ","), or a name ("ArrowDown", "Escape"). */
  key: string;
  /** Cmd on macOS, Ctrl elsewhere. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** Only in this host, e.g. Ctrl+N: a browser keeps it for "new window" and never lets a page see it. Default: both. */
  host?: HostKind;
  /** Default: "all" with Mod or Alt (they type nothing), "none" for a bare key. */
  fields?: FieldRule;
}

/** The parts of a KeyboardEvent that matching reads. */
export interface KeyEventLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const LETTER = /^[a-z]$/;
const NAMED = /^[A-Z][A-Za-z]+$/;

export function fieldRule(binding: KeyBinding): FieldRule {
  return binding.fields ?? (binding.mod || binding.alt ? "all" : "none");
}

export function worksIn(binding: KeyBinding, host: HostKind): boolean {
  return binding.host === undefined || binding.host === host;
}

/** Whether the keydown is this combination (modifiers exact; see keyMatches for Shift on symbols). */
export function matchesBinding(event: KeyEventLike, binding: KeyBinding, platform: Platform): boolean {
  const wantCtrl = binding.mod === true && platform === "other";
  const wantMeta = binding.mod === true && platform === "mac";
  if (event.ctrlKey !== wantCtrl || event.metaKey !== wantMeta) return false;
  if (event.altKey !== (binding.alt === true)) return false;
  if (!shiftMatches(event, binding)) return false;
  return keyMatches(event, binding.key);
}

/**
 * A symbol's Shift depends on the layout ("?" is Shift+/ on a US keyboard, a key of its own on
 * others), so for symbols Shift is ignored unless the binding asks for it.
 */
function shiftMatches(event: KeyEventLike, binding: KeyBinding): boolean {
  const symbol = !LETTER.test(binding.key) && !NAMED.test(binding.key);
  if (symbol && binding.shift === undefined) return true;
  return event.shiftKey === (binding.shift === true);
}

function keyMatches(event: KeyEventLike, key: string): boolean {
  if (!LETTER.test(key)) return event.key === key;
  if (event.key.toLowerCase() === key) return true;
  // macOS: Option+N types a dead key ("˜"), so with Alt the physical key decides.
  return event.altKey && event.code === `Key${key.toUpperCase()}`;
}

const MAC_SYMBOLS = { mod: "⌘", shift: "⇧", alt: "⌥" } as const;
const KEY_NAMES: Record<string, string> = {
  ArrowDown: "↓",
  ArrowUp: "↑",
  ArrowLeft: "←",
  ArrowRight: "→",
  Escape: "Esc",
};

/** For people: "Ctrl+Shift+O" / "Alt+↓" elsewhere, "⌘⇧O" / "⌥↓" on macOS. */
export function formatBinding(binding: KeyBinding, platform: Platform): string {
  const key = KEY_NAMES[binding.key] ?? (LETTER.test(binding.key) ? binding.key.toUpperCase() : binding.key);
  if (platform === "mac") {
    const parts = [binding.alt && MAC_SYMBOLS.alt, binding.shift && MAC_SYMBOLS.shift, binding.mod && MAC_SYMBOLS.mod];
    return parts.filter(Boolean).join("") + key;
  }
  const parts = [binding.mod && "Ctrl", binding.alt && "Alt", binding.shift && "Shift", key];
  return parts.filter(Boolean).join("+");
}

/** For `aria-keyshortcuts` (WAI-ARIA: modifiers by their `KeyboardEvent.key` names, then the key). */
export function ariaBinding(binding: KeyBinding, platform: Platform): string {
  const mod = platform === "mac" ? "Meta" : "Control";
  const key = LETTER.test(binding.key) ? binding.key.toUpperCase() : binding.key;
  const parts = [binding.mod && mod, binding.alt && "Alt", binding.shift && "Shift", key];
  return parts.filter(Boolean).join("+");
}
