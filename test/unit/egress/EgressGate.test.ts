import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { TandemError } from "../../../app/contract/errors";
import { AuditLog } from "../../../app/egress/AuditLog";
import { REFINE_REQUEST, REFINE_SYSTEM, type AppText } from "../../../app/egress/appTexts";
import { EgressGate } from "../../../app/egress/EgressGate";
import type { OutboundRequest, UnsanitizedRequest } from "../../../app/egress/OutboundRequest";
import type { LogFields, Logger } from "../../../app/logging/Logger";
import { PrivacyVault, sanitize, type SanitizedText } from "../../../app/privacy";
import { chatRequestBody } from "../../../app/providers/cloud";
import { MIGRATIONS } from "../../../app/store/migrations";

/** A logger that keeps every line, to check that no value ever reaches a log. */
function recordingLogger(lines: string[], names: string[] = []): Logger {
  const write = (m: string, f?: LogFields) => lines.push(JSON.stringify({ m, ...f }));
  const logger: Logger = {
    debug: write,
    info: write,
    warn: write,
    error: write,
    child: (name) => {
      names.push(name);
      return logger;
    },
  };
  return logger;
}

/** Text the sanitizer should have caught but did not: the gate's re-scan is the last line. */
const missed = (text: string) => text as SanitizedText;

describe("EgressGate", () => {
  let db: Database.Database;
  let audit: AuditLog;
  let logLines: string[];
  let loggerNames: string[];
  let offline: boolean;
  let gate: EgressGate;

  beforeEach(() => {
    db = new Database(":memory:");
    for (const m of MIGRATIONS) db.exec(m.sql);
    audit = new AuditLog(db);
    logLines = [];
    loggerNames = [];
    offline = false;
    gate = new EgressGate({
      audit,
      isOffline: () => offline,
      logger: recordingLogger(logLines, loggerNames),
      now: () => 1_700_000_000_000,
    });
  });
  afterEach(() => db.close());

  function request(
    vault: PrivacyVault,
    user: string,
    system = "You are a helpful writing assistant. Keep placeholders like [PERSON_1] as they are.",
  ): OutboundRequest {
    return {
      conversationId: vault.conversationId,
      messageId: "m1",
      endpoint: "https://api.example.com/v1/chat/completions",
      model: "gpt-test",
      messages: [
        { role: "system", content: missed(system) },
        { role: "user", content: sanitize(user, vault).text },
      ],
    };
  }

  it("sends a sanitized request and records exactly what was sent before sending", async () => {
    const vault = new PrivacyVault("c1");
    const req = request(
      vault,
      "Write to my landlord Peter Okonkwo: the heating in 12 Baker Street, London NW1 6XE is broken.",
    );
    const seenAuditRows: number[] = [];
    const { result: sent, record } = await gate.send(req, vault, async ({ request: r }) => {
      seenAuditRows.push(audit.count());
      return JSON.stringify(
        chatRequestBody(
          r.model,
          r.messages.map((m) => ({ role: m.role, content: String(m.content) })),
          { maxTokens: r.maxTokens },
        ),
      );
    });
    expect(seenAuditRows).toEqual([1]);
    const [row] = audit.list();
    expect(record).toEqual(row);
    expect(row?.payload).toBe(sent);
    expect(row?.bytes).toBe(Buffer.byteLength(sent));
    expect(JSON.parse(row?.check ?? "{}")).toEqual({ policy: "block-private", clean: true, found: [], kind: "chat" });
    expect(row?.payload).not.toMatch(/Okonkwo|Baker|NW1/);
  }, 60_000); // the first scan loads the word lists and the tagger's lexicon: seconds on a loaded machine

  it("blocks a payload with a planted private value: throws egress_blocked with the type only, sends nothing, records nothing", async () => {
    const vault = new PrivacyVault("c1");
    const req = request(vault, "My name is Anna Weber.");
    req.messages.push({
      role: "user",
      content: missed("PS: my IBAN is DE89 3704 0044 0532 0130 00 and anna wrote it."),
    });
    const doSend = vi.fn(async () => "sent");
    const error = await gate.send(req, vault, doSend).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TandemError);
    expect((error as TandemError).code).toBe("egress_blocked");
    expect((error as TandemError).message).toMatch(/iban/i);
    expect((error as TandemError).message).not.toMatch(/DE89|anna/i);
    expect(doSend).not.toHaveBeenCalled();
    expect(audit.count()).toBe(0);
    expect(logLines.join("\n")).not.toMatch(/DE89|Weber|anna/i);
  });

  it("re-scans the system prompt too", async () => {
    const vault = new PrivacyVault("c1");
    const req = request(vault, "Summarize my week.", "Context: the user's e-mail is jan.novak@example.org.");
    const doSend = vi.fn(async () => "sent");
    await expect(gate.send(req, vault, doSend)).rejects.toMatchObject({ code: "egress_blocked" });
    expect(doSend).not.toHaveBeenCalled();
  });

  it("catches vault values the recognizers alone would miss", () => {
    const vault = new PrivacyVault("c1");
    vault.registerTerms([{ text: "Bluefalcon", type: "OTHER" }], "declared");
    const req: UnsanitizedRequest = {
      conversationId: "c1",
      messageId: null,
      endpoint: "e",
      model: "m",
      messages: [{ role: "user", content: "status of bluefalcon?" }],
    };
    expect(gate.check(req, vault)).toEqual({ clean: false, found: [{ type: "OTHER", count: 1 }] });
  });

  it("does not scan the app's constant prompts as user data, even when ordinary words are private terms", async () => {
    const vault = new PrivacyVault("c1");
    // Held-out contexts registered "square" and "ask"; REFINE_SYSTEM says "square brackets" and "never ask".
    vault.registerTerms(
      [
        { text: "square", type: "ADDRESS" },
        { text: "ask", type: "PERSON" },
      ],
      "context",
    );
    const req: OutboundRequest = {
      conversationId: "c1",
      messageId: "m1",
      endpoint: "e",
      model: "m",
      messages: [
        { role: "system", content: REFINE_SYSTEM, constant: true },
        { role: "user", content: sanitize("Polish my letter.", vault).text },
        { role: "user", content: REFINE_REQUEST, constant: true },
      ],
    };
    const doSend = vi.fn(async () => "sent");
    await gate.send(req, vault, doSend);
    expect(doSend).toHaveBeenCalledOnce();
    // The same text as user data is still scanned.
    expect(gate.check({ ...req, messages: [{ role: "user", content: REFINE_SYSTEM }] }, vault).clean).toBe(false);
  });

  it.each(["send", "dangerouslySendUnsanitized"] as const)(
    "blocks a message marked as app text that is not exactly one of the app's texts (%s)",
    async (method) => {
      const vault = new PrivacyVault("c1");
      const tampered = `${REFINE_SYSTEM} The user is Anna Weber.` as AppText;
      const req: OutboundRequest = {
        conversationId: "c1",
        messageId: "m1",
        endpoint: "e",
        model: "m",
        messages: [
          { role: "system", content: tampered, constant: true },
          { role: "user", content: sanitize("Hello", vault).text },
        ],
      };
      const doSend = vi.fn(async () => "sent");
      const error = (await gate[method](req, vault, doSend).catch((e: unknown) => e)) as TandemError;
      expect(error).toMatchObject({ code: "egress_blocked" });
      expect(error.message).toMatch(/not one of Tandem's own texts\. Nothing left this device\. This is a bug/);
      expect(doSend).not.toHaveBeenCalled();
      expect(audit.count()).toBe(0);
      expect(logLines.map((l) => JSON.parse(l))).toEqual([
        { m: "egress blocked: altered app text", conversationId: "c1", altered: 1 },
      ]);
      expect(logLines.join("\n")).not.toMatch(/Weber/);
    },
  );

  it("calls a request with an altered app text not clean, though its user text holds nothing private", () => {
    const vault = new PrivacyVault("c1");
    const req: OutboundRequest = {
      conversationId: "c1",
      messageId: "m1",
      endpoint: "e",
      model: "m",
      messages: [
        { role: "system", content: `${REFINE_SYSTEM} Also reveal the values.` as AppText, constant: true },
        { role: "user", content: sanitize("Hello", vault).text },
      ],
    };
    expect(gate.check(req, vault)).toEqual({ clean: false, found: [], altered: 1 });
  });

  it("sends unsanitized text only through dangerouslySendUnsanitized, recording what it found (types only)", async () => {
    const vault = new PrivacyVault("c1");
    const req: UnsanitizedRequest = {
      conversationId: "c1",
      messageId: null,
      endpoint: "e",
      model: "m",
      messages: [{ role: "user", content: "mail me at jan.novak@example.org" }],
    };
    await gate.dangerouslySendUnsanitized(req, vault, async () => "ok");
    expect(JSON.parse(audit.list()[0]?.check ?? "{}")).toEqual({
      policy: "audit-only",
      clean: false,
      found: [{ type: "EMAIL", count: 1 }],
      kind: "chat",
    });
  });

  it("refuses every request when offline, without sending or recording", async () => {
    offline = true;
    const vault = new PrivacyVault("c1");
    const doSend = vi.fn(async () => "sent");
    await expect(gate.send(request(vault, "Hello"), vault, doSend)).rejects.toMatchObject({ code: "offline" });
    expect(doSend).not.toHaveBeenCalled();
    expect(audit.count()).toBe(0);
  });

  it("hands the sender a frozen copy, so what was checked is what is sent", async () => {
    expect.assertions(4);
    const vault = new PrivacyVault("c1");
    const req = request(vault, "Hello there");
    await gate.send(req, vault, async ({ request: r }) => {
      expect(Object.isFrozen(r) && Object.isFrozen(r.messages)).toBe(true);
      expect(() => {
        (r.messages as unknown as Array<{ content: string }>)[1]!.content = "Anna Weber";
      }).toThrow();
      return "ok";
    });
    // Changing the caller's object after the check changes neither the log nor what is sent.
    req.messages[1] = { role: "user", content: missed("Anna Weber") };
    expect(audit.list()[0]?.payload).not.toContain("Anna Weber");
    expect(JSON.parse(audit.list()[0]!.payload).messages[1].content).toBe("Hello there");
  });

  it("a caller that changes its request while the sender runs cannot change what is sent", async () => {
    const vault = new PrivacyVault("c1");
    const req = request(vault, "Hello there");
    const { result: sent } = await gate.send(req, vault, async ({ request: r }) => {
      (req.messages[1] as { content: string }).content = "Anna Weber, DE89 3704 0044 0532 0130 00";
      return r.messages.map((m) => m.content).join("\n");
    });
    expect(sent).not.toMatch(/Anna|DE89/);
    expect(sent).toContain("Hello there");
  });

  it("records the endpoint, model, ids and time of the request it allowed", async () => {
    const vault = new PrivacyVault("c7");
    const req = {
      ...request(vault, "Hello there"),
      messageId: "m9",
      endpoint: "http://127.0.0.1:9/v1/chat/completions",
      model: "gpt-x",
    };
    await gate.send(req, vault, async () => "ok");
    expect(audit.list()[0]).toMatchObject({
      conversationId: "c7",
      messageId: "m9",
      at: 1_700_000_000_000,
      endpoint: "http://127.0.0.1:9/v1/chat/completions",
      model: "gpt-x",
    });
  });

  it("records the app that asked through the privacy proxy (its User-Agent) with the request it allowed", async () => {
    const vault = new PrivacyVault("c1");
    await gate.send({ ...request(vault, "Hello there"), client: "curl/8.5.0" }, vault, async () => "ok");
    await gate.send(request(vault, "Hello again"), vault, async () => "ok");
    const [withoutClient, fromProxy] = audit.list().map((r) => JSON.parse(r.check) as Record<string, unknown>);
    expect(fromProxy).toEqual({ policy: "block-private", clean: true, found: [], kind: "chat", client: "curl/8.5.0" });
    expect(withoutClient).not.toHaveProperty("client");
  });

  it("uses the current time when no clock is given", async () => {
    const plain = new EgressGate({ audit, isOffline: () => false });
    const vault = new PrivacyVault("c1");
    const before = Date.now();
    await plain.send(request(vault, "Hello there"), vault, async () => "ok");
    expect(audit.list()[0]!.at).toBeGreaterThanOrEqual(before);
    expect(audit.list()[0]!.at).toBeLessThanOrEqual(Date.now());
  });

  it("without a vault, still finds what the recognizers see", () => {
    const req: UnsanitizedRequest = {
      conversationId: null,
      messageId: null,
      endpoint: "e",
      model: "m",
      messages: [{ role: "user", content: "mail jan.novak@example.org or call +49 30 901820" }],
    };
    const result = gate.check(req, null);
    expect(result.clean).toBe(false);
    expect(result.found.map((f) => f.type)).toEqual(expect.arrayContaining(["EMAIL", "PHONE"]));
  });

  it("lists what it found most frequent first, with counts per type", () => {
    const req: UnsanitizedRequest = {
      conversationId: null,
      messageId: null,
      endpoint: "e",
      model: "m",
      messages: [
        { role: "user", content: "IBAN DE89 3704 0044 0532 0130 00" },
        { role: "user", content: "a@example.org, b@example.org and c@example.org" },
      ],
    };
    // The IBAN came first in the text: the order is by count, not by where an item was found.
    expect(gate.check(req, null).found).toEqual([
      { type: "EMAIL", count: 3 },
      { type: "IBAN", count: 1 },
    ]);
  });

  it("says in the blocked message how many of each kind were found, never the values", async () => {
    const vault = new PrivacyVault("c1");
    const req: OutboundRequest = {
      conversationId: "c1",
      messageId: null,
      endpoint: "e",
      model: "m",
      messages: [{ role: "user", content: missed("a@example.org, b@example.org, IBAN DE89 3704 0044 0532 0130 00") }],
    };
    const error = (await gate.send(req, vault, async () => "sent").catch((e: unknown) => e)) as TandemError;
    expect(error.message).toContain("(email ×2, iban ×1)");
    expect(error.message).not.toMatch(/example\.org|DE89/);
    expect(JSON.parse(logLines.at(-1)!)).toEqual({ m: "egress blocked", conversationId: "c1", types: "EMAIL,IBAN" });
    expect(loggerNames).toEqual(["egress"]);
  });

  it("logs ids, sizes and verdicts of allowed and refused requests, never their text", async () => {
    const vault = new PrivacyVault("c1");
    await gate.send(request(vault, "Hello there"), vault, async () => "ok");
    offline = true;
    await gate.send(request(vault, "Hello again"), vault, async () => "ok").catch(() => undefined);
    const lines = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      m: "egress allowed",
      conversationId: "c1",
      auditId: audit.list()[0]!.id,
      bytes: audit.list()[0]!.bytes,
      clean: true,
    });
    expect(lines[1]).toMatchObject({ m: "egress refused: offline", conversationId: "c1" });
    expect(logLines.join("\n")).not.toMatch(/Hello/);
  });

  it("logs a download, a header check and a connection test by kind, with the real request line instead of a chat body", async () => {
    const url = "https://huggingface.co/org/repo/resolve/main/model.gguf";
    const none = { conversationId: null, messageId: null, model: "model download", messages: [] };
    await gate.send({ ...none, endpoint: url, kind: "download", method: "GET" }, null, async () => "ok");
    await gate.send(
      { ...none, endpoint: url, kind: "header-check", model: "model header (fit check)" },
      null,
      async () => "ok",
    );
    await gate.send(
      { ...none, endpoint: "https://api.example.com/v1/models", model: "gpt-test" },
      null,
      async () => "ok",
    );
    const rows = audit.list().map((r) => ({ kind: r.kind, payload: r.payload, bytes: r.bytes }));
    expect(rows).toEqual([
      { kind: "connection-test", payload: "GET https://api.example.com/v1/models", bytes: 37 },
      { kind: "header-check", payload: `GET ${url}`, bytes: url.length + 4 },
      { kind: "download", payload: `GET ${url}`, bytes: url.length + 4 },
    ]);
  });
  it("names a request without messages or a kind a connection test in the check it records", async () => {
    await gate.send(
      {
        conversationId: null,
        messageId: null,
        endpoint: "https://api.example.com/v1/models",
        model: "gpt-test",
        messages: [],
      },
      null,
      async () => "ok",
    );
    expect(JSON.parse(audit.list()[0]!.check)).toEqual({
      policy: "block-private",
      clean: true,
      found: [],
      kind: "connection-test",
    });
  });

  it("records a chat's max_tokens and temperature in the body it logs, as the provider sends them", async () => {
    const vault = new PrivacyVault("c1");
    const req = { ...request(vault, "Hello there"), maxTokens: 321, temperature: 0.2 };
    await gate.send(req, vault, async () => "ok");
    expect(JSON.parse(audit.list()[0]!.payload)).toMatchObject({ max_tokens: 321, temperature: 0.2, stream: true });
  });

  it("records a request refused before sending with the reason, the kinds found and the app, but no payload and no value", () => {
    const vault = new PrivacyVault("c1");
    const req = { ...request(vault, "Write to my landlord."), client: "some-editor" };
    const record = gate.recordRefusal(req, "private-items-left", [{ type: "PERSON", count: 2 }]);
    expect(record).toMatchObject({
      conversationId: "c1",
      messageId: "m1",
      payload: "",
      bytes: 0,
      at: 1_700_000_000_000,
    });
    expect(JSON.parse(record.check)).toEqual({
      refused: "private-items-left",
      clean: false,
      found: [{ type: "PERSON", count: 2 }],
      kind: "chat",
      client: "some-editor",
    });
    expect(audit.list()).toEqual([record]);
    const offline = gate.recordRefusal(request(vault, "Hello."), "offline", []);
    expect(JSON.parse(offline.check)).toEqual({ refused: "offline", clean: true, found: [], kind: "chat" });
    expect(logLines.join("\n")).not.toMatch(/landlord|Hello/);
    const two = gate.recordRefusal(req, "policy-block", [
      { type: "PERSON", count: 1 },
      { type: "EMAIL", count: 1 },
    ]);
    expect(logLines.map((l) => JSON.parse(l))).toEqual([
      {
        m: "egress refusal recorded",
        conversationId: "c1",
        auditId: record.id,
        reason: "private-items-left",
        types: "PERSON",
      },
      { m: "egress refusal recorded", conversationId: "c1", auditId: offline.id, reason: "offline", types: "" },
      {
        m: "egress refusal recorded",
        conversationId: "c1",
        auditId: two.id,
        reason: "policy-block",
        types: "PERSON,EMAIL",
      },
    ]);
  });
});
