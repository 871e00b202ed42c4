import { useChatStore } from "../stores/chatStore";
import { useConversationsStore } from "../stores/conversationsStore";
import { ModelStatus } from "./ModelStatus";
import { PrivacyBadge } from "./PrivacyBadge";

export function ChatHeader() {
  const conversation = useChatStore((s) => s.conversation);
  // The sidebar's copy is the freshest (renames, derived titles); the chat's own is the fallback.
  const listed = useConversationsStore((s) => s.items.find((c) => c.id === conversation?.id));
  return (
    <header className="chat-header">
      <h1 className="chat-title">{listed?.title || conversation?.title || "New conversation"}</h1>
      <div className="chat-header-badges">
        <PrivacyBadge mode={conversation?.mode ?? "private"} />
        <ModelStatus />
      </div>
    </header>
  );
}
