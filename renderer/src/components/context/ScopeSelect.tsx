import { useChatStore } from "../../stores/chatStore";
import { useConversationsStore } from "../../stores/conversationsStore";

/**
 * "" = every conversation (global, the default); otherwise the id of the one conversation the
 * item belongs to. The conversation open in the chat comes first.
 */
export function ScopeSelect({ id, value, onChange }: { id: string; value: string; onChange(value: string): void }) {
  const openId = useChatStore((s) => s.conversation?.id);
  const items = useConversationsStore((s) => s.items);
  const conversations = [...items.filter((c) => c.id === openId), ...items.filter((c) => c.id !== openId)];
  return (
    <>
      <label htmlFor={id}>Available in</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All conversations</option>
        {conversations.map((c) => (
          <option key={c.id} value={c.id}>
            Only “{c.title || "New conversation"}”
          </option>
        ))}
      </select>
    </>
  );
}
