import { useUiStore } from "../stores/uiStore";
import { ChatView } from "./ChatView";
import { Notice } from "./Notice";
import { SettingsPanel } from "./SettingsPanel";
import { Sidebar } from "./Sidebar";

/** The main window: sidebar on the left, the chat (or settings) on the right. */
export function AppShell() {
  const view = useUiStore((s) => s.view);
  return (
    <div className="shell">
      <a className="skip-link" href="#composer-input">
        Skip to message box
      </a>
      <Sidebar />
      <main className="main">{view === "settings" ? <SettingsPanel /> : <ChatView />}</main>
      <Notice />
    </div>
  );
}
