import { Icon } from "../common/Icon";

/**
 * A note the user must see on the answer itself. A fallback (the cloud step did not happen, the
 * answer is local) is a warning; anything else (Cloud mode's "sent as you wrote it") is information.
 */
export function AnswerNotice({ text, kind }: { text: string; kind: "fallback" | "info" }) {
  return (
    <div className={`answer-notice ${kind}`} role="note">
      <Icon name={kind === "fallback" ? "alert" : "cloud"} size={16} />
      <p>{text}</p>
    </div>
  );
}
