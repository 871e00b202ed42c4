import type { PrivacyReport } from "../../../../app/contract/types";
import { modelCheckText, plural, reportSummary, typeBreakdown } from "../../lib/describeReport";
import { formatBytes } from "../../lib/formatBytes";
import { STRATEGY_LABELS } from "../../lib/modeText";
import type { StagesView } from "../../lib/readStages";
import { PayloadView } from "../common/PayloadView";
import { PlaceholderText } from "../common/PlaceholderText";

/**
 * "What left this device" for one answer: the privacy report in words, where it went, the exact
 * payload with placeholders highlighted, and what stayed here (the sketch) or came back.
 */
export function WhatLeftPanel({ view, id }: { view: StagesView; id: string }) {
  const { report, payload } = view;
  const nothingLeft = !payload || report?.bytes === 0;
  return (
    <section className="stage-panel" id={id} aria-label="What left this device">
      {nothingLeft ? (
        <div className="report-summary">
          <p className="report-headline">Nothing left this device for this answer.</p>
        </div>
      ) : (
        report && <ReportSummary report={report} filled={view.filled} />
      )}
      {!nothingLeft && (
        <>
          <ReportFacts report={report} />
          <h4>Exact payload sent</h4>
          <PayloadView payload={payload} label="Exact payload sent" />
        </>
      )}
      {view.sketch !== null && <Collapsible title="Local sketch (stayed on this device)" text={view.sketch} />}
      {view.outline !== null && (
        <Collapsible title="Cloud outline, with your details put back on this device" text={view.outline} />
      )}
      {view.cloud !== null && (
        <Collapsible title="Raw cloud reply, as received (before your details were put back)" text={view.cloud} />
      )}
    </section>
  );
}

function ReportSummary({ report, filled }: { report: PrivacyReport; filled: string[] }) {
  const types = typeBreakdown(report.byType);
  return (
    <div className={`report-summary${report.leftDevice > 0 ? " leaked" : ""}`}>
      <p className="report-headline">{reportSummary(report)}</p>
      {types.length > 0 && <p className="report-types">Replaced: {types.join(", ")}</p>}
      {report.mode === "cloud" && (
        <p className="report-types">
          Cloud mode sends your messages as you wrote them; your private context is not sent.
        </p>
      )}
      {filled.length > 0 && (
        <p className="report-types">
          The cloud left out {plural(filled.length, "detail", "details")}; the local model put{" "}
          {filled.length === 1 ? "it" : "them"} back on this device: {filled.join(", ")}
        </p>
      )}
      {report.unresolved.length > 0 && (
        <p className="report-types">
          {plural(report.unresolved.length, "placeholder", "placeholders")} could not be put back:{" "}
          {report.unresolved.join(", ")}
        </p>
      )}
    </div>
  );
}

function ReportFacts({ report }: { report: PrivacyReport | null }) {
  if (!report) return null;
  return (
    <dl className="report-facts">
      <dt>Endpoint</dt>
      <dd>{report.endpoint ?? "—"}</dd>
      <dt>Model</dt>
      <dd>{report.model ?? "—"}</dd>
      <dt>Sent</dt>
      <dd>
        {report.bytes < 1000
          ? `${report.bytes} bytes`
          : `${formatBytes(report.bytes)} (${report.bytes.toLocaleString("en")} bytes)`}
      </dd>
      {report.strategy && (
        <>
          <dt>Strategy</dt>
          <dd>{STRATEGY_LABELS[report.strategy]}</dd>
        </>
      )}
      {report.modelCheck && (
        <>
          <dt>Local-model check</dt>
          <dd>{modelCheckText(report.modelCheck)}</dd>
        </>
      )}
    </dl>
  );
}

function Collapsible({ title, text }: { title: string; text: string }) {
  return (
    <details className="stage-details">
      <summary>{title}</summary>
      <pre className="stage-text">{text ? <PlaceholderText text={text} /> : "(empty)"}</pre>
    </details>
  );
}
