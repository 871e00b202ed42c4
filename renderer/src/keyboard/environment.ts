import type { FocusKind } from "./findShortcut";
import type { HostKind, Platform } from "./keyBinding";

/** macOS uses Cmd where others use Ctrl. */
export function detectPlatform(): Platform {
  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  const name = nav.userAgentData?.platform || navigator.platform || navigator.userAgent;
  return /mac|iphone|ipad/i.test(name) ? "mac" : "other";
}

/** Electron's preload sets `window.tandem`; a browser tab has none. */
export function detectHost(): HostKind {
  return window.tandem ? "electron" : "browser";
}

const TEXT_INPUTS = new Set(["text", "search", "email", "url", "tel", "password", "number"]);

/** Whether keys typed now would write text (so bare-key shortcuts like "/" must not fire). */
export function focusKind(target: EventTarget | null): FocusKind {
  if (!(target instanceof HTMLElement)) return "other";
  if (target.id === "composer-input") return "composer";
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target.tagName === "SELECT") return "field";
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type) ? "field" : "other";
  return "other";
}
