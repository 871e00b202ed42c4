import type { ContextUsed } from "../../lib/readStages";

/** Which private context the local model read for an answer: titles with the passages used. */
export function ContextUsedPanel({ context, id }: { context: ContextUsed; id: string }) {
  return (
    <section className="stage-panel" id={id} aria-label="Context used">
      <p className="field-hint">The local model read these on this device. They were not sent anywhere.</p>
      {context.profileUsed && <p className="context-used-profile">Your profile</p>}
      {context.items.map((item) => (
        <div key={item.itemId} className="context-used-item">
          <h4>{item.title}</h4>
          {item.passages.map((passage, i) => (
            <blockquote key={i} className="passage">
              {passage}
            </blockquote>
          ))}
        </div>
      ))}
    </section>
  );
}
