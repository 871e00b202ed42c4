import { useEffect } from "react";
import { plural } from "../lib/describeReport";
import { useAuditStore } from "../stores/auditStore";
import { ErrorMessage } from "./ErrorMessage";
import { Icon } from "./Icon";
import { PrivacyLogRow } from "./PrivacyLogRow";

/** Settings → Privacy log: every request that left this device, newest first, payload expandable. */
export function PrivacyLog() {
  const { records, loading, error } = useAuditStore();
  useEffect(() => void useAuditStore.getState().load(), []);
  return (
    <div className="privacy-log">
      <div className="log-toolbar">
        <p className="field-hint" aria-live="polite">
          {records.length === 0 ? "Nothing has left this device." : `${plural(records.length, "request", "requests")} left this device, newest first.`}
        </p>
        <button type="button" className="button ghost" disabled={loading} onClick={() => void useAuditStore.getState().load()}>
          <Icon name="refresh" size={14} /> Refresh
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      {records.length > 0 && (
        <div className="table-scroll">
          <table className="log-table">
            <caption className="sr-only">Requests that left this device</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Request</th>
                <th scope="col">Model</th>
                <th scope="col" className="numeric">
                  Bytes
                </th>
                <th scope="col">Conversation</th>
                <th scope="col">
                  <span className="sr-only">Payload</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <PrivacyLogRow key={record.id} record={record} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
