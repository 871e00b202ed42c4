import { Fragment, useState } from "react";
import type { EgressRecord } from "../../../app/contract/types";
import { describeCheck } from "../lib/describeCheck";
import { useConversationsStore } from "../stores/conversationsStore";
import { PayloadView } from "./PayloadView";

/** One audited request; "Payload" opens the exact JSON sent and the gate's verdict under it. */
export function PrivacyLogRow({ record }: { record: EgressRecord }) {
  const [open, setOpen] = useState(false);
  const title = useConversationsStore((s) => s.items.find((c) => c.id === record.conversationId)?.title);
  const payloadId = `payload-${record.id}`;
  return (
    <Fragment>
      <tr className={open ? "expanded" : undefined}>
        <td className="nowrap">{new Date(record.at).toLocaleString(undefined, { dateStyle: "short", timeStyle: "medium" })}</td>
        <td className="mono">{record.endpoint}</td>
        <td>{record.model}</td>
        <td className="numeric">{record.bytes.toLocaleString("en")}</td>
        <td>{conversationCell(record, title)}</td>
        <td>
          <button type="button" className="text-button" aria-expanded={open} aria-controls={payloadId} onClick={() => setOpen(!open)}>
            {open ? "Hide payload" : "Show payload"}
          </button>
        </td>
      </tr>
      {open && (
        <tr className="log-payload" id={payloadId}>
          <td colSpan={6}>
            <p className="field-hint">{describeCheck(record.check)}</p>
            <PayloadView payload={record.payload} label={`Payload sent at ${new Date(record.at).toLocaleTimeString()}`} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

/** Proxy requests name the app that sent them (its User-Agent, recorded by the gate with the check). */
function conversationCell(record: EgressRecord, title: string | undefined) {
  if (record.conversationId === null) return <span className="muted">Connection test</span>;
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
