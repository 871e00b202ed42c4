import { useEffect } from "react";
import { isRefused } from "../../lib/describeCheck";
import { plural } from "../../lib/describeReport";
import { useAuditStore } from "../../stores/auditStore";
import { ErrorMessage } from "../common/ErrorMessage";
import { Icon } from "../common/Icon";
import { PrivacyLogRow } from "./PrivacyLogRow";

/** Settings → Privacy log: every request that left this device (and each proxy request refused), newest first, payload expandable. */
export function PrivacyLog() {
  const { records, loading, error } = useAuditStore();
  const refused = records.filter((r) => isRefused(r.check)).length;
  useEffect(() => void useAuditStore.getState().load(), []);
  return (
    <div className="privacy-log">
      <div className="log-toolbar">
        <p className="field-hint" aria-live="polite">
          {summary(records.length - refused, refused)}
        </p>
        <button
          type="button"
          className="button ghost"
          disabled={loading}
          onClick={() => void useAuditStore.getState().load()}
        >
          <Icon name="refresh" size={14} /> Refresh
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
      {records.length > 0 && (
        <div className="table-scroll">
          <table className="log-table">
            <caption className="sr-only">Requests that left this device, and requests refused before sending</caption>
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

/** "3 requests left this device, 1 refused before sending, newest first." */
function summary(sent: number, refused: number): string {
  if (sent + refused === 0) return "Nothing has left this device.";
  const refusals = refused > 0 ? `, ${refused} refused before sending` : "";
  return `${sent === 0 ? "Nothing left this device" : `${plural(sent, "request", "requests")} left this device`}${refusals}, newest first.`;
}
