import { useChatStore } from "../../stores/chatStore";
import { useCurrentMode } from "../../stores/currentMode";
import { useConversationsStore } from "../../stores/conversationsStore";
import { CloudModeHint } from "./CloudModeHint";
import { ContextButton } from "../context/ContextButton";
import { ModelStatus } from "../models/ModelStatus";
import { ModeSwitch } from "./ModeSwitch";
import { PrivacyBadge } from "./PrivacyBadge";
import { SidebarToggle } from "../layout/SidebarToggle";

/** Title, the privacy mode (always visible, switchable), the context drawer and the model. */
export function ChatHeader() {
  const conversation = useChatStore((s) => s.conversation);
  const mode = useCurrentMode();
  // The sidebar's copy is the freshest (renames, derived titles); the chat's own is the fallback.
  const listed = useConversationsStore((s) => s.items.find((c) => c.id === conversation?.id));
  return (
    <header className="chat-header">
      <div className="header-title">
        <SidebarToggle show />
        <h1 className="chat-title">{listed?.title || conversation?.title || "New conversation"}</h1>
      </div>
      <div className="chat-header-badges">
        <ModeSwitch />
        <ContextButton />
        <ModelStatus />
      </div>
      <p className="chat-mode-line">
        <PrivacyBadge mode={mode} />
        <CloudModeHint />
      </p>
    </header>
  );
}
