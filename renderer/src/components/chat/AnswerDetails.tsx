import { useState } from "react";
import type { Message } from "../../../../app/contract/types";
import { plural } from "../../lib/describeReport";
import { MODE_LABELS } from "../../lib/modeText";
import { usedCloudMode, type StagesView } from "../../lib/readStages";
import { ContextUsedPanel } from "./ContextUsedPanel";
import { Icon } from "../common/Icon";
import { WhatLeftPanel } from "./WhatLeftPanel";

type Panel = "egress" | "context" | null;

/** Under a finished answer: "What left this device" (Hybrid/Cloud) and "Context used", each expandable. */
export function AnswerDetails({ message, view }: { message: Message; view: StagesView | null }) {
  const [open, setOpen] = useState<Panel>(null);
  if (!view) return null;
  const cloud = usedCloudMode(view);
  if (!cloud && !view.context) return null;
  const toggle = (panel: Panel) => setOpen(open === panel ? null : panel);
  const egressId = `egress-${message.id}`;
  const contextId = `context-${message.id}`;
  return (
    <div className="answer-details">
      <div className="answer-detail-buttons">
        {view.report && view.report.mode !== "private" && (
          <span className={`mode-tag mode-${view.report.mode}`}>{MODE_LABELS[view.report.mode]}</span>
        )}
        {cloud && (
          <button
            type="button"
            className="pill-button"
            aria-expanded={open === "egress"}
            aria-controls={egressId}
            onClick={() => toggle("egress")}
          >
            <Icon name="shield" size={14} /> What left this device
          </button>
        )}
        {view.context && (
          <button
            type="button"
            className="pill-button"
            aria-expanded={open === "context"}
            aria-controls={contextId}
            onClick={() => toggle("context")}
          >
            <Icon name="notes" size={14} /> Context used · {contextCount(view)}
          </button>
        )}
      </div>
      {open === "egress" && <WhatLeftPanel view={view} id={egressId} />}
      {open === "context" && view.context && <ContextUsedPanel context={view.context} id={contextId} />}
    </div>
  );
}

function contextCount(view: StagesView): string {
  const items = view.context?.items.length ?? 0;
  const parts = [];
  if (view.context?.profileUsed) parts.push("profile");
  if (items > 0) parts.push(plural(items, "item", "items"));
  return parts.join(" + ");
}
