import { shortcutHint } from "../../keyboard/shortcutHint";
import { useUiStore } from "../../stores/uiStore";
import { Icon } from "../common/Icon";

/**
 * Hides or shows the sidebar. One sits in the sidebar ("Hide sidebar"), one in the page headers
 * ("Show sidebar"); the CSS shows whichever makes sense for the sidebar's state, including the
 * automatic one of a narrow window.
 */
export function SidebarToggle({ show = false }: { show?: boolean }) {
  const label = show ? "Show sidebar" : "Hide sidebar";
  return (
    <button
      type="button"
      className={`icon-button sidebar-toggle ${show ? "show-sidebar" : "hide-sidebar"}`}
      aria-label={label}
      onClick={() => useUiStore.getState().toggleSidebar()}
      {...shortcutHint("toggle-sidebar", label)}
    >
      <Icon name="sidebar" size={18} />
    </button>
  );
}
