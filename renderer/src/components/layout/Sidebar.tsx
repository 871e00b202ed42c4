import { shortcutHint, type ShortcutHint } from "../../keyboard/shortcutHint";
import type { View } from "../../stores/uiStore";
import { useChatStore } from "../../stores/chatStore";
import { useSearchStore } from "../../stores/searchStore";
import { useUiStore } from "../../stores/uiStore";
import { ConnectionStatus } from "../network/ConnectionStatus";
import { ConversationList } from "../conversations/ConversationList";
import { Icon, type IconName } from "../common/Icon";
import { Logo } from "../common/Logo";
import { OfflineSwitch } from "../network/OfflineSwitch";
import { SearchBox } from "../conversations/SearchBox";
import { SearchResults } from "../conversations/SearchResults";
import { SidebarToggle } from "./SidebarToggle";

export function Sidebar() {
  const searching = useSearchStore((s) => s.query.trim() !== "");
  return (
    <aside className="sidebar">
      <div className="brand">
        <Logo />
        <span className="brand-name">Tandem</span>
        <SidebarToggle />
      </div>
      <button
        type="button"
        className="button primary new-chat"
        onClick={() => useChatStore.getState().startNew()}
        {...shortcutHint("new-conversation")}
      >
        <Icon name="plus" size={16} /> New conversation
      </button>
      <SearchBox />
      <nav className="sidebar-scroll" aria-label={searching ? "Search results" : "Conversations"}>
        {searching ? <SearchResults /> : <ConversationList />}
      </nav>
      <div className="sidebar-footer">
        <ConnectionStatus />
        <OfflineSwitch />
        <ViewButton view="context" icon="user" label="My context" />
        <ViewButton view="settings" icon="settings" label="Settings" hint={shortcutHint("open-settings")} />
      </div>
    </aside>
  );
}

/** Opens a page in place of the chat; pressed again, goes back to the chat. */
function ViewButton({ view, icon, label, hint }: { view: View; icon: IconName; label: string; hint?: ShortcutHint }) {
  const current = useUiStore((s) => s.view);
  const active = current === view;
  return (
    <button
      type="button"
      className={`button ghost settings-button${active ? " active" : ""}`}
      aria-pressed={active}
      onClick={() => useUiStore.getState().showView(active ? "chat" : view)}
      {...hint}
    >
      <Icon name={icon} size={16} /> {label}
    </button>
  );
}
