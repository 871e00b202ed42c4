import Database from "better-sqlite3";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuditLog } from "../../../app/egress/AuditLog";
import { EgressGate } from "../../../app/egress/EgressGate";
import { REFINE_SYSTEM } from "../../../app/egress/appTexts";
import type { GatedRequest } from "../../../app/egress/GatedRequest";
import type { OutboundRequest } from "../../../app/egress/OutboundRequest";
import { PrivacyVault, registerContext, restore, sanitize, type SanitizedText } from "../../../app/privacy";
import { chatRequestBody } from "../../../app/providers/cloud";
import { MIGRATIONS } from "../../../app/store/migrations";

/**
 * What actually left: a recording HTTP server on 127.0.0.1 stands in for the cloud endpoint,
 * and the assertions are made on the request bodies it received.
 */
describe("egress through the gate to a recording server", () => {
  let server: Server;
  let url: string;
  let received: string[];
  let db: Database.Database;

  beforeEach(async () => {
    received = [];
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        received.push(body);
        const { messages } = JSON.parse(body) as { messages: Array<{ content: string }> };
        res.setHeader("content-type", "application/json");
        // Echo the placeholders back the way models rewrite them.
        const answer = `Here is a reply for [Person 1] about ${/\[ADDRESS_\d+\]/.exec(messages.at(-1)?.content ?? "")?.[0] ?? "?"}.`;
        res.end(JSON.stringify({ answer }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
    db = new Database(":memory:");
    for (const m of MIGRATIONS) db.exec(m.sql);
  });

  afterEach(async () => {
    db.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const post = async ({ request: r }: GatedRequest): Promise<string> => {
    const res = await fetch(r.endpoint, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        chatRequestBody(
          r.model,
          r.messages.map((m) => ({ role: m.role, content: String(m.content) })),
          { maxTokens: r.maxTokens },
        ),
      ),
    });
    return ((await res.json()) as { answer: string }).answer;
  };

  it("sends only placeholders, records the exact body, and the answer is restored on the device", async () => {
    const audit = new AuditLog(db);
    const gate = new EgressGate({ audit, isOffline: () => false });
    const vault = new PrivacyVault("conv");
    registerContext(vault, "Profile: Anna Weber, Hauptstraße 5, 10115 Berlin. Employer: Brandt & Vogel GmbH.", {
      locale: "de-DE",
    });
    const sketch =
      "Anna Weber (Hauptstraße 5, 10115 Berlin) asks her landlord to repair the heating; she works at Brandt & Vogel.";
    const request: OutboundRequest = {
      conversationId: "conv",
      messageId: "m1",
      endpoint: url,
      model: "gpt-test",
      messages: [
        { role: "system", content: REFINE_SYSTEM, constant: true },
        { role: "user", content: sanitize(sketch, vault, { locale: "de-DE" }).text },
      ],
    };
    const { result: answer } = await gate.send(request, vault, post);
    expect(received).toHaveLength(1);
    for (const secret of ["Anna", "Weber", "Hauptstra", "10115", "Berlin", "Brandt", "Vogel"])
      expect(received[0]).not.toContain(secret);
    expect(received[0]).toBe(audit.list()[0]?.payload);
    expect(restore(answer, vault).text).toBe("Here is a reply for Anna Weber about Hauptstraße 5, 10115 Berlin.");
  });

  it("sends nothing at all when a private value was planted in the payload", async () => {
    const audit = new AuditLog(db);
    const gate = new EgressGate({ audit, isOffline: () => false });
    const vault = new PrivacyVault("conv");
    sanitize("I am Anna Weber.", vault);
    const request: OutboundRequest = {
      conversationId: "conv",
      messageId: null,
      endpoint: url,
      model: "m",
      messages: [{ role: "user", content: "Reply to Weber today." as SanitizedText }],
    }; // planted: a sanitizer miss
    await expect(gate.send(request, vault, post)).rejects.toMatchObject({ code: "egress_blocked" });
    expect(received).toEqual([]);
    expect(audit.count()).toBe(0);
  });
});
