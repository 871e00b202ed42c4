/**
 * A request that passed the egress gate: checked, frozen and written to the audit log. The
 * cloud provider's `streamChat` takes nothing else, so code that skips the gate does not
 * compile (issue #14; Signal's branded `ReadableDB`/`WritableDB` are the model).
 *
 * The brand is a symbol this module declares and does not export, so no object literal can
 * carry it: a `GatedRequest` comes from `EgressGate` (app/egress/EgressGate.ts), the one place
 * that casts to it — lint forbids the cast anywhere else. Its own module, not the gate's, so
 * that the provider can name the type without importing the gate (which imports the provider).
 */
import type { EgressRecord } from "../contract/types";
import type { AppMessage, OutboundRequestOf, PlainMessage } from "./OutboundRequest";

declare const gatedBrand: unique symbol;

/** What the gate froze: exactly what it checked and recorded. */
export type FrozenRequest = Readonly<Omit<OutboundRequestOf<AppMessage | PlainMessage>, "messages">> & {
  readonly messages: ReadonlyArray<Readonly<AppMessage | PlainMessage>>;
};

export interface GatedRequest {
  readonly [gatedBrand]: true;
  readonly request: FrozenRequest;
  /** The audit row written for it before it was handed to the sender. */
  readonly record: EgressRecord;
}
