import { Logo } from "./Logo";

/** A fresh conversation: what to expect, before the first message. */
export function EmptyChat() {
  return (
    <div className="empty-chat">
      <Logo size={44} />
      <h2>What can I help with?</h2>
      <p>Answers come from the model on this computer. Your messages are stored here and never sent anywhere.</p>
    </div>
  );
}
