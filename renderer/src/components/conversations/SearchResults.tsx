import { useChatStore } from "../../stores/chatStore";
import { useSearchStore } from "../../stores/searchStore";
import { ErrorMessage } from "../common/ErrorMessage";
import { HighlightedText } from "./HighlightedText";

/** Search hits replace the conversation list while a query is typed. */
export function SearchResults() {
  const { query, hits, searching, error } = useSearchStore();
  const count = hits.length;
  return (
    <div className="search-results">
      <p className="sidebar-caption" aria-live="polite">
        {searching
          ? "Searching…"
          : count === 0
            ? `No messages match “${query.trim()}”.`
            : `${count} ${count === 1 ? "match" : "matches"}`}
      </p>
      {error && <ErrorMessage error={error} />}
      <ul className="hit-list">
        {hits.map((hit) => (
          <li key={hit.messageId}>
            <button
              type="button"
              className="hit"
              onClick={() => void useChatStore.getState().open(hit.conversationId, hit.messageId)}
            >
              <span className="hit-title">{hit.conversationTitle || "New conversation"}</span>
              <span className="hit-snippet">
                <span className="hit-role">{hit.role === "user" ? "You: " : "Tandem: "}</span>
                <HighlightedText snippet={hit.snippet} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
