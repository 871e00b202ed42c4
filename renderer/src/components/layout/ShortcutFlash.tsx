import { useEffect } from "react";
import { useKeyboardStore } from "../../keyboard/keyboardStore";

const SHOWN_MS = 2500;

/**
 * What a shortcut just did, for a moment ("Copied the last answer"). The live region is always
 * in the page, so screen readers hear each new text once.
 */
export function ShortcutFlash() {
  const flash = useKeyboardStore((s) => s.flash);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => useKeyboardStore.getState().clearFlash(), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [flash]);
  return (
    <div className={`shortcut-flash${flash ? " shown" : ""}`} role="status">
      {flash?.text}
    </div>
  );
}
