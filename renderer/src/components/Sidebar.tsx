import { useChatStore } from "../stores/chatStore";
import { useSearchStore } from "../stores/searchStore";
import { useUiStore } from "../stores/uiStore";
import { ConnectionStatus } from "./ConnectionStatus";
import { ConversationList } from "./ConversationList";
import { Icon } from "./Icon";
import { Logo } from "./Logo";
import { SearchBox } from "./SearchBox";
import { SearchResults } from "./SearchResults";

export function Sidebar() {
  const searching = useSearchStore((s) => s.query.trim() !== "");
  const view = useUiStore((s) => s.view);
  return (
    <aside className="sidebar">
      <div className="brand">
        <Logo />
        <span className="brand-name">Tandem</span>
      </div>
      <button type="button" className="button primary new-chat" onClick={() => useChatStore.getState().startNew()}>
        <Icon name="plus" size={16} /> New conversation
      </button>
      <SearchBox />
      <nav className="sidebar-scroll" aria-label={searching ? "Search results" : "Conversations"}>
        {searching ? <SearchResults /> : <ConversationList />}
      </nav>
      <div className="sidebar-footer">
        <ConnectionStatus />
        <button
          type="button"
          className={`button ghost settings-button${view === "settings" ? " active" : ""}`}
          aria-pressed={view === "settings"}
          onClick={() => useUiStore.getState().showView(view === "settings" ? "chat" : "settings")}
        >
          <Icon name="settings" size={16} /> Settings
        </button>
      </div>
    </aside>
  );
}
