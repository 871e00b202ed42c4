import { useKeyboardStore } from "../../keyboard/keyboardStore";
import { useShortcuts } from "../../keyboard/useShortcuts";
import { CommandPalette } from "./CommandPalette";
import { ShortcutFlash } from "./ShortcutFlash";
import { ShortcutHelp } from "./ShortcutHelp";
import { useRestoreLastConversation } from "../conversations/useRestoreLastConversation";

/** Keyboard-first use of the main window: global shortcuts, the palette, the help overlay. */
export function KeyboardLayer() {
  useShortcuts();
  useRestoreLastConversation();
  const overlay = useKeyboardStore((s) => s.overlay);
  return (
    <>
      {overlay === "help" && <ShortcutHelp />}
      {overlay === "palette" && <CommandPalette />}
      <ShortcutFlash />
    </>
  );
}
