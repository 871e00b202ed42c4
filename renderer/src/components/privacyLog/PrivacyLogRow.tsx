import { Fragment, useState } from "react";
import type { EgressKind, EgressRecord } from "../../../../app/contract/types";
import { describeCheck, isRefused } from "../../lib/describeCheck";
import { useConversationsStore } from "../../stores/conversationsStore";
import { PayloadView } from "../common/PayloadView";

/** What each kind of row is called in the log. */
export const EGRESS_KIND_LABEL: Record<EgressKind, string> = {
  chat: "Chat",
  download: "Model download",
  "header-check": "Model header check",
  "connection-test": "Connection test",
};

/**
 * One audited request. A chat row opens the exact JSON body sent; a download, header check or
 * connection test carries no body of ours, so it opens the request line (method and URL). A
 * privacy-proxy request refused before sending opens why, and the kinds found: nothing of it left.
 */
export function PrivacyLogRow({ record }: { record: EgressRecord }) {
  const [open, setOpen] = useState(false);
  const title = useConversationsStore((s) => s.items.find((c) => c.id === record.conversationId)?.title);
  const payloadId = `payload-${record.id}`;
  const isChat = record.kind === "chat";
  const refused = isRefused(record.check);
  const at = new Date(record.at);
  const [showLabel, hideLabel] = refused
    ? ["Show why", "Hide why"]
    : isChat
      ? ["Show payload", "Hide payload"]
      : ["Show request", "Hide request"];
  return (
    <Fragment>
      <tr className={[open ? "expanded" : "", refused ? "refused" : ""].join(" ").trim() || undefined}>
        <td className="nowrap">
          {at.toLocaleDateString(undefined, { dateStyle: "short" })}
          <br />
          {at.toLocaleTimeString(undefined, { timeStyle: "medium" })}
        </td>
        <td className="log-request">
          <span className="log-kind">{EGRESS_KIND_LABEL[record.kind]}</span>
          {refused && <span className="log-refused">Refused — not sent</span>}
          <span className="mono endpoint" title={record.endpoint}>
            {record.endpoint}
          </span>
        </td>
        <td>{isChat ? record.model : <span className="muted">—</span>}</td>
        <td className="numeric">{record.bytes.toLocaleString("en")}</td>
        <td>{conversationCell(record, title)}</td>
        <td>
          <button
            type="button"
            className="text-button"
            aria-expanded={open}
            aria-controls={payloadId}
            onClick={() => setOpen(!open)}
          >
            {open ? hideLabel : showLabel}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="log-payload" id={payloadId}>
          <td colSpan={6}>
            <p className="field-hint">{describeCheck(record.check)}</p>
            {refused ? null : isChat ? (
              <>
                <p className="request-line mono">POST {record.endpoint}</p>
                <PayloadView payload={record.payload} label={`Payload sent at ${at.toLocaleTimeString()}`} />
              </>
            ) : (
              <pre
                className="request-line mono"
                tabIndex={0}
                role="region"
                aria-label={`Request sent at ${at.toLocaleTimeString()}`}
              >
                {record.payload}
              </pre>
            )}
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** Proxy requests name the app that sent them (its User-Agent, recorded by the gate with the check). */
function conversationCell(record: EgressRecord, title: string | undefined) {
  if (record.conversationId === null) return <span className="muted">—</span>;
  const client = proxyClientOf(record.check);
  if (client !== null) return <span>Privacy proxy: {client}</span>;
  return title || <span className="muted">Deleted conversation</span>;
}

function proxyClientOf(check: string): string | null {
  try {
    const value = JSON.parse(check) as { client?: unknown };
    return typeof value.client === "string" ? value.client : null;
  } catch {
    return null;
  }
}
