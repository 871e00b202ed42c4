import { shortcutHint } from "../../keyboard/shortcutHint";
import { useSearchStore } from "../../stores/searchStore";
import { Icon } from "../common/Icon";

/** Full-text search over every message; Escape clears it. */
export function SearchBox() {
  const query = useSearchStore((s) => s.query);
  const setQuery = useSearchStore((s) => s.setQuery);
  const clear = useSearchStore((s) => s.clear);
  return (
    <div className="search-box" role="search">
      <Icon name="search" size={16} />
      <label htmlFor="search-input" className="sr-only">
        Search all messages
      </label>
      <input
        id="search-input"
        type="search"
        placeholder="Search messages"
        autoComplete="off"
        {...shortcutHint("focus-search")}
        spellCheck={false}
        maxLength={500}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") clear();
        }}
      />
    </div>
  );
}
