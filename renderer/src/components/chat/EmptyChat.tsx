import type { PrivacyMode } from "../../../../app/contract/types";
import { useCurrentMode } from "../../stores/currentMode";
import { Logo } from "../common/Logo";

const EXPLANATIONS: Record<PrivacyMode, string> = {
  private: "Answers come from the model on this computer. Your messages are stored here and never sent anywhere.",
  hybrid:
    "The model on this computer drafts with your private context; a cloud model polishes the draft with your details replaced by placeholders. Each answer shows exactly what left this device.",
  cloud:
    "A cloud model answers what you write, as you write it. Your private context is not sent, and every request is logged in Settings → Privacy log.",
  auto: "For each message Tandem decides before anything leaves: health, money, identity documents, your always-local topics and anything the privacy engine cannot vouch for are answered on this computer; the rest goes the Hybrid way. Every answer says which way it went and why.",
};

/** A fresh conversation: what to expect, before the first message. */
export function EmptyChat() {
  const mode = useCurrentMode();
  return (
    <div className="empty-chat">
      <Logo size={44} />
      <h2>What can I help with?</h2>
      <p>{EXPLANATIONS[mode]}</p>
    </div>
  );
}
