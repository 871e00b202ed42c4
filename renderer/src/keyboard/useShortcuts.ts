import { useEffect } from "react";
import { detectHost, detectPlatform, focusKind } from "./environment";
import { findShortcut } from "./findShortcut";
import { SHORTCUTS } from "./shortcuts";

/**
 * Runs the action table's shortcuts from anywhere in the app window. Keys that only apply in one
 * place (Enter in the message box) have no `run` and are left to that place. Nothing fires while
 * a dialog or drawer is open: its own keys (Escape, arrows, Enter) belong to it.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const platform = detectPlatform();
    const host = detectHost();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || dialogOpen()) return;
      const action = findShortcut(event, SHORTCUTS, { platform, host, focus: focusKind(event.target) });
      if (!action?.run || (action.available && !action.available())) return;
      event.preventDefault();
      if (event.repeat && !action.repeats) return;
      void action.run();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}

function dialogOpen(): boolean {
  return document.querySelector('dialog[open], [role="dialog"]') !== null;
}
