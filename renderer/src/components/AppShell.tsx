import { useUiStore } from "../stores/uiStore";
import { ChatView } from "./ChatView";
import { ContextPage } from "./ContextPage";
import { NetworkNotice } from "./NetworkNotice";
import { Notice } from "./Notice";
import { OfflineBanner } from "./OfflineBanner";
import { SettingsPanel } from "./SettingsPanel";
import { Sidebar } from "./Sidebar";
import { useNetworkStatus } from "./useNetworkStatus";

/** The main window: sidebar on the left, the chat (or settings, or My context) on the right. */
export function AppShell() {
  const view = useUiStore((s) => s.view);
  useNetworkStatus();
  return (
    <div className="shell">
      <a className="skip-link" href="#composer-input">
        Skip to message box
      </a>
      <Sidebar />
      <main className="main">
        <OfflineBanner />
        <NetworkNotice />
        {view === "settings" ? <SettingsPanel /> : view === "context" ? <ContextPage /> : <ChatView />}
      </main>
      <Notice />
    </div>
  );
}
