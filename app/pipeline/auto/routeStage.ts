import type { MessageStage } from "../../contract/types";
import type { Route } from "./decideRoute";
import type { RuleId } from "./routingRules";

/** The `route` stage's meta: where an Auto answer was made and which rule decided it. */
export interface RouteStageMeta {
  route: Route;
  /** null when no rule fired (Hybrid) or the cloud step failed after routing. */
  rule: RuleId | "asked" | null;
  /** true when the user asked for this route ("ask the other way"). */
  forced: boolean;
  privateItems: number;
}

/** Stored with the message; its content is the reason the user reads under the answer. */
export function routeStage(reason: string, meta: RouteStageMeta): MessageStage {
  return { kind: "route", content: reason, meta: { ...meta } };
}

export function readRouteStage(stages: readonly MessageStage[]): (RouteStageMeta & { reason: string }) | null {
  const stage = stages.find((s) => s.kind === "route");
  if (!stage?.meta) return null;
  const meta = stage.meta as Partial<RouteStageMeta>;
  if (meta.route !== "local" && meta.route !== "hybrid") return null;
  return {
    route: meta.route,
    rule: meta.rule ?? null,
    forced: meta.forced === true,
    privateItems: meta.privateItems ?? 0,
    reason: stage.content,
  };
}
