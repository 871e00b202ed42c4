/**
 * The privacy boundary as a type (issue #14). These checks run in `tsc` (npm test's typecheck
 * compiles test files): each `@ts-expect-error` fails the build if the line it marks compiles,
 * so code that skips the gate, or sends unsanitized text through the sanitizing door, is a
 * compile error. Nothing here sends anything: the calls are in functions that are never run.
 */
import { describe, expectTypeOf, it } from "vitest";
import type { GateResult, GatedRequest, OutboundRequest, UnsanitizedRequest } from "../../../app/egress";
import { REFINE_SYSTEM } from "../../../app/egress/appTexts";
import type { EgressGate } from "../../../app/egress/EgressGate";
import type { SanitizedText } from "../../../app/privacy";
import type { CloudProvider, StreamChatResult } from "../../../app/providers/cloud";

const base = { conversationId: "c1", messageId: "m1", endpoint: "http://127.0.0.1:9/v1/chat/completions", model: "m" };

describe("the privacy boundary in the types", () => {
  it("the cloud provider accepts only a request the gate made, never a plain request or a look-alike", () => {
    expectTypeOf<CloudProvider["streamChat"]>().parameter(0).toEqualTypeOf<GatedRequest>();
    expectTypeOf<OutboundRequest>().not.toMatchTypeOf<GatedRequest>();
    expectTypeOf<{ request: OutboundRequest; record: GatedRequest["record"] }>().not.toMatchTypeOf<GatedRequest>();
    void ((provider: CloudProvider, request: OutboundRequest, record: GatedRequest["record"]) => {
      // @ts-expect-error a request that skipped the gate does not compile
      void provider.streamChat(request);
      // @ts-expect-error nor does an object shaped like the gate's, without its module-private brand
      void provider.streamChat({ request, record });
      // @ts-expect-error "Test connection" passes the gate too
      void provider.testConnection();
    });
  });

  it("the gate's sanitizing door takes user text only as SanitizedText; plain text needs the named unsanitized door", () => {
    expectTypeOf<EgressGate["send"]>().parameter(0).toEqualTypeOf<OutboundRequest>();
    expectTypeOf<UnsanitizedRequest>().not.toMatchTypeOf<OutboundRequest>();
    void ((gate: EgressGate, clean: SanitizedText) => {
      const send = (gated: GatedRequest) => Promise.resolve(gated.record.id);
      void gate.send(
        {
          ...base,
          messages: [
            { role: "system", content: REFINE_SYSTEM, constant: true },
            { role: "user", content: clean },
          ],
        },
        null,
        send,
      );
      // @ts-expect-error the user's text as typed is not SanitizedText
      void gate.send({ ...base, messages: [{ role: "user", content: "Write to Anna Weber" }] }, null, send);
      // @ts-expect-error an app text passes only marked as one (then the gate checks it verbatim)
      void gate.send({ ...base, messages: [{ role: "system", content: REFINE_SYSTEM }] }, null, send);
      void gate.dangerouslySendUnsanitized(
        { ...base, messages: [{ role: "user", content: "Write to Anna Weber" }] },
        null,
        send,
      );
    });
  });

  it("the gate returns what the sender returned together with the audit row it wrote", () => {
    expectTypeOf<ReturnType<EgressGate["send"]>>().toEqualTypeOf<Promise<GateResult<unknown>>>();
    expectTypeOf<GateResult<StreamChatResult>["record"]>().toEqualTypeOf<GatedRequest["record"]>();
  });
});
