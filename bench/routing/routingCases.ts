import { loadPresidio } from "../privacy/loadPresidio";
import { loadPupa } from "../privacy/loadPupa";
import { scenarioLocale, type Scenario } from "../privacy/scenarioSchema";
import { OUT_OF_SCOPE_TYPES } from "../privacy/spanMetrics";

/**
 * One message the routing benchmark sends in Hybrid and in Auto: its private items are what
 * must not reach the recording cloud. Built from our scenarios, PUPA rows or Presidio samples.
 */
export interface RoutingCase {
  id: string;
  locale: string;
  /** Registered in the vault as private context first ("" for PUPA and Presidio: one message, no context). */
  profile: string;
  context: string;
  instruction: string;
  /** `type`: the scenario's type, PUPA's unit shape (PUPA has no types) or Presidio's entity type. */
  private: ReadonlyArray<{ text: string; type: string }>;
  /**
   * Public phrases the message should still carry when it reaches the cloud (the scenario's
   * `public` list; none for PUPA and Presidio): what retention is counted on.
   */
  public: readonly string[];
  /** Real user data (PUPA): a leak is shown as a letter/digit mask, never as text. */
  realData: boolean;
}

export function fromScenario(s: Scenario): RoutingCase {
  return {
    id: s.id,
    locale: scenarioLocale(s),
    profile: s.profile,
    context: s.context,
    instruction: s.instruction,
    private: s.private,
    public: s.public,
    realData: false,
  };
}

/**
 * PUPA rows (../shared/data/pupa): each row's `user_query` is one English message with no
 * context; its `pii_units` are its private items. WildChat's own Presidio placeholders
 * ("<PRESIDIO_ANONYMIZED_PERSON>") are left out: they were already redacted and say nothing.
 */
export function pupaCases(path: string): Array<RoutingCase & { index: number }> {
  return loadPupa(path).map((r) => ({
    id: `pupa-${r.row}`,
    index: r.row,
    locale: "en-US",
    profile: "",
    context: "",
    instruction: r.query,
    private: r.units.filter((u) => u.kind !== "presidio_placeholder").map((u) => ({ text: u.text, type: u.kind })),
    public: [],
    realData: true,
  }));
}

/**
 * presidio-research synthetic samples: each text is one English message with no context; its
 * gold spans of the types the engine covers (bench:privacy's scope) are its private items.
 */
export function presidioCases(path: string): Array<RoutingCase & { index: number }> {
  return loadPresidio(path).map((s) => ({
    id: `presidio-${s.index}`,
    index: s.index,
    locale: "en-US",
    profile: "",
    context: "",
    instruction: s.text,
    private: s.spans.filter((g) => !OUT_OF_SCOPE_TYPES.includes(g.type)).map((g) => ({ text: g.value, type: g.type })),
    public: [],
    realData: false,
  }));
}
