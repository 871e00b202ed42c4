import { useEffect } from "react";
import { applyTheme } from "../../lib/applyTheme";
import { useCloudStore } from "../../stores/cloudStore";
import { useConversationsStore } from "../../stores/conversationsStore";
import { useSettingsStore } from "../../stores/settingsStore";
import { useUiStore } from "../../stores/uiStore";
import { AppShell } from "./AppShell";
import { Logo } from "../common/Logo";
import { Notice } from "../common/Notice";
import { SetupScreen } from "./SetupScreen";
import { UnauthorizedScreen } from "./UnauthorizedScreen";

/** Chooses the screen: locked out, starting, first-run setup, or the app itself. */
export function App() {
  const unauthorized = useUiStore((s) => s.unauthorized);
  const settings = useSettingsStore((s) => s.settings);
  const theme = settings?.theme ?? "system";
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => {
    void useSettingsStore.getState().load();
    void useConversationsStore.getState().load();
    void useCloudStore.getState().load();
  }, []);
  if (unauthorized) return <UnauthorizedScreen />;
  if (!settings) return <Starting />;
  if (!settings.activeModelId) return <SetupScreen />;
  return <AppShell />;
}

function Starting() {
  return (
    <main className="setup-screen" aria-busy="true">
      <div className="starting">
        <Logo size={40} />
        <p>Starting Tandem…</p>
      </div>
      <Notice />
    </main>
  );
}
