import type { ChatEvent, HybridStrategy, PrivacyMode } from "../../../app/contract/types";

export type ProgressStep = Extract<ChatEvent, { type: "message:progress" }>["step"];
export type StepState = "done" | "active" | "pending" | "skipped" | "failed";

export interface StepView {
  step: ProgressStep;
  label: string;
  state: StepState;
}

/** The steps a user should expect, in order, for each way of answering. */
function planFor(mode: PrivacyMode, strategy: HybridStrategy): ProgressStep[] {
  if (mode === "cloud") return ["cloud"];
  if (mode === "private") return ["context"];
  return strategy === "cloud-outline"
    ? ["context", "sanitizing", "cloud", "local-write"]
    : ["context", "sketch", "sanitizing", "cloud", "restoring"];
}

function labelFor(step: ProgressStep, strategy: HybridStrategy): string {
  const labels: Record<ProgressStep, string> = {
    context: "Private context",
    sketch: "Local sketch",
    sanitizing: "Sanitizing",
    cloud: strategy === "cloud-outline" ? "Cloud outline" : "Cloud",
    restoring: "Restoring",
    "local-write": "Writing locally",
    fallback: "Cloud unavailable: answering locally",
  };
  return labels[step];
}

/**
 * The progress line of an answer being written: the planned steps with what has happened so far.
 * The latest step seen is active (done once `finished`); steps never reached are pending, or
 * skipped when the answer fell back to the local model or finished without them. After a
 * fallback the cloud step, if it was reached, failed: every fallback reason (offline, blocked by
 * the gate, any cloud error) ends that step. Steps the back end reports outside the plan are
 * shown where they happened.
 */
export function progressSteps(
  mode: PrivacyMode,
  strategy: HybridStrategy,
  seen: readonly ProgressStep[],
  finished = false,
): StepView[] {
  const order = mergeOrder(planFor(mode, strategy), seen);
  const latest = seen[seen.length - 1];
  const fellBack = seen.includes("fallback");
  return order.map((step) => {
    const label = labelFor(step, strategy);
    if (!seen.includes(step)) return { step, label, state: fellBack || finished ? "skipped" : "pending" };
    if (fellBack && step === "cloud") return { step, label, state: "failed" };
    return { step, label, state: step === latest && !finished ? "active" : "done" };
  });
}

/** The plan with every seen step in it: an unplanned step goes right after the step seen before it. */
function mergeOrder(plan: readonly ProgressStep[], seen: readonly ProgressStep[]): ProgressStep[] {
  const order = [...plan];
  let previous = -1;
  for (const step of seen) {
    const at = order.indexOf(step);
    if (at !== -1) {
      previous = at;
      continue;
    }
    // A fallback replaces the rest of the plan, so it goes last.
    const insertAt = step === "fallback" ? order.length : previous + 1;
    order.splice(insertAt, 0, step);
    previous = insertAt;
  }
  return order;
}
