import { useUiStore } from "../../stores/uiStore";
import { ChatView } from "../chat/ChatView";
import { ContextPage } from "../context/ContextPage";
import { KeyboardLayer } from "./KeyboardLayer";
import { NetworkNotice } from "../network/NetworkNotice";
import { Notice } from "../common/Notice";
import { OfflineBanner } from "../network/OfflineBanner";
import { SettingsPanel } from "../settings/SettingsPanel";
import { Sidebar } from "./Sidebar";
import { useNetworkStatus } from "../network/useNetworkStatus";

/** The main window: sidebar on the left (it can be hidden), the chat (or settings, or My context) on the right. */
export function AppShell() {
  const view = useUiStore((s) => s.view);
  const sidebarHidden = useUiStore((s) => s.sidebarHidden);
  useNetworkStatus();
  // "sidebar-auto": the CSS hides it in a narrow window; otherwise the user's choice wins.
  const sidebarClass = sidebarHidden === null ? "sidebar-auto" : sidebarHidden ? "sidebar-hidden" : "sidebar-shown";
  return (
    <div className={`shell ${sidebarClass}`}>
      {/* Settings and My context have no message box: skip to the main area there. */}
      <a className="skip-link" href={view === "chat" ? "#composer-input" : "#main"}>
        {view === "chat" ? "Skip to message box" : "Skip to main content"}
      </a>
      <Sidebar />
      <main id="main" className="main" tabIndex={-1}>
        <OfflineBanner />
        <NetworkNotice />
        {view === "settings" ? <SettingsPanel /> : view === "context" ? <ContextPage /> : <ChatView />}
        <KeyboardLayer />
      </main>
      <Notice />
    </div>
  );
}
