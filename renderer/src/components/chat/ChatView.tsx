import { useChatStore } from "../../stores/chatStore";
import { ChatHeader } from "./ChatHeader";
import { Composer } from "./Composer";
import { EmptyChat } from "./EmptyChat";
import { MessageList } from "./MessageList";

export function ChatView() {
  const empty = useChatStore((s) => s.messages.length === 0 && !s.loading && s.pendingText === null);
  return (
    <div className="chat-view">
      <ChatHeader />
      {empty ? <EmptyChat /> : <MessageList />}
      <Composer />
    </div>
  );
}
