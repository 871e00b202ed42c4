import { useChatStore } from "../../stores/chatStore";
import { useConversationsStore } from "../../stores/conversationsStore";
import { ConversationItem } from "./ConversationItem";

/** The sidebar's conversations, newest first. */
export function ConversationList() {
  const items = useConversationsStore((s) => s.items);
  const loaded = useConversationsStore((s) => s.loaded);
  const openId = useChatStore((s) => s.conversation?.id ?? null);
  if (loaded && items.length === 0)
    return <p className="sidebar-empty">No conversations yet. Your chats are kept on this device.</p>;
  return (
    <ul className="conversation-list">
      {items.map((c) => (
        <ConversationItem key={c.id} conversation={c} active={c.id === openId} />
      ))}
    </ul>
  );
}
