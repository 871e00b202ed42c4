import { progressSteps, type StepView } from "../../lib/progressSteps";
import { useSettingsStore } from "../../stores/settingsStore";
import { sketchToShow } from "../../stores/liveStages";
import { useStagesStore } from "../../stores/stagesStore";
import { Icon } from "../common/Icon";
import { PlaceholderText } from "../common/PlaceholderText";

/**
 * While a Hybrid (or Cloud) answer is written: the steps it goes through, and the sketch and
 * cloud streams in an expandable view. Private answers show nothing extra.
 */
export function StageProgress({ messageId }: { messageId: string }) {
  const live = useStagesStore((s) => s.live[messageId]);
  const strategy = useSettingsStore((s) => s.settings?.hybridStrategy ?? "sketch-refine");
  if (!live || live.mode === "private") return null;
  const steps = progressSteps(live.mode, strategy, live.steps);
  const active = steps.find((s) => s.state === "active");
  const { outline, cloud } = live.streams;
  const sketch = sketchToShow(live);
  return (
    <div className="stage-progress">
      <ol className="progress-line" aria-label="Steps of this answer">
        {steps.map((s) => (
          <StepItem key={s.step} view={s} />
        ))}
      </ol>
      <p className="sr-only" aria-live="polite">
        {active ? `${active.label}…` : ""}
      </p>
      {(sketch !== null || outline || cloud) && (
        <details className="stage-view">
          <summary>Show the stages as they stream</summary>
          {sketch !== null && <StreamBlock title="Local sketch — stays on this device" text={sketch} />}
          {outline && <StreamBlock title="Cloud outline, with your details put back on this device" text={outline} />}
          {cloud && <StreamBlock title="Cloud answer, before restoring your details" text={cloud} />}
        </details>
      )}
    </div>
  );
}

function StepItem({ view }: { view: StepView }) {
  const fallback = view.step === "fallback";
  return (
    <li
      className={`step step-${view.state}${fallback ? " step-fallback" : ""}`}
      aria-current={view.state === "active" ? "step" : undefined}
    >
      {view.state === "done" ? (
        <Icon name="check" size={12} />
      ) : view.state === "failed" ? (
        <Icon name="close" size={12} />
      ) : fallback ? (
        <Icon name="alert" size={12} />
      ) : (
        <span className="step-dot" aria-hidden="true" />
      )}
      {view.label}
      {(view.state === "skipped" || view.state === "failed") && <span className="sr-only"> ({view.state})</span>}
    </li>
  );
}

function StreamBlock({ title, text }: { title: string; text: string }) {
  return (
    <section className="stream-block" aria-label={title}>
      <h4>{title}</h4>
      {/* As the finished answer's panel shows an empty stage (WhatLeftPanel). */}
      <pre className="stage-text">{text ? <PlaceholderText text={text} /> : "(empty)"}</pre>
    </section>
  );
}
