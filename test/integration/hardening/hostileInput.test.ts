import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Result } from "../../../app/contract/errors";
import type { ContextItemDetail, ContextItemSummary, ConversationDetail } from "../../../app/contract/types";
import { startWebHost, type WebHost } from "../../../main/web/startWebHost";
import { openFuzzHost } from "./support/fuzzHost";

const TEN_MB = "x".repeat(10 * 1024 * 1024);

describe("hostile input at the hosts", () => {
  let fuzz: Awaited<ReturnType<typeof openFuzzHost>>;
  let web: WebHost;

  function postBytes(channel: string, body: Buffer): Promise<Result<unknown>> {
    return new Promise((resolve, reject) => {
      const headers = { Authorization: `Bearer ${web.token}`, "Content-Type": "application/json" };
      const req = request(`${web.origin}/api/${channel}`, { method: "POST", headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Result<unknown>));
      });
      req.on("error", reject);
      req.end(body);
    });
  }

  /** JSON whose string value carries raw bytes that are not UTF-8: a lone continuation byte, an overlong '/', a UTF-16 surrogate, a truncated sequence. */
  const withBadBytes = (prefix: string, suffix: string) =>
    Buffer.concat([
      Buffer.from(prefix),
      Buffer.from([0x80, 0x41, 0xc0, 0xaf, 0x42, 0xed, 0xa0, 0x80, 0x43, 0xe2, 0x82]),
      Buffer.from(suffix),
    ]);

  beforeAll(async () => {
    fuzz = await openFuzzHost();
    const rendererDir = join(fuzz.dir, "renderer");
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, "index.html"), "<!doctype html><title>Tandem</title>");
    web = await startWebHost({ host: fuzz.host, rendererDir });
  });

  afterAll(async () => {
    await web?.close();
    await fuzz?.host.close();
    fuzz?.remove();
  });

  it("stores invalid UTF-8 in a request body as U+FFFD, keeping the valid characters around it", async () => {
    const id = fuzz.seeded.conversation.id;
    const reply = await postBytes("conversations:rename", withBadBytes(`{"id":"${id}","title":"before `, ` after"}`));
    expect(reply.ok).toBe(true);
    const stored = await fuzz.host.handle("conversations:get", { id });
    const title = stored.ok ? (stored.value as ConversationDetail).conversation.title : "";
    expect(title.startsWith("before ")).toBe(true);
    expect(title.endsWith(" after")).toBe(true);
    expect(title).toContain("\ufffd");
    expect(title).toMatch(/A.*B.*C/);
    // What is stored is well-formed: it survives a UTF-8 round trip unchanged.
    expect(Buffer.from(title, "utf8").toString("utf8")).toBe(title);
  });

  it("keeps invalid UTF-8 in a pasted note as U+FFFD next to its valid words", async () => {
    const reply = await postBytes("context:addText", withBadBytes(`{"title":"Bytes","text":"garbled note `, ` tail"}`));
    expect(reply.ok).toBe(true);
    const item = await fuzz.host.handle("context:get", { id: (reply as { value: ContextItemSummary }).value.id });
    const text = item.ok ? (item.value as ContextItemDetail).text : "";
    expect(text).toContain("garbled note ");
    expect(text).toContain("\ufffd");
  });

  it("refuses a 10 MB message with too_large, through host.handle too, and stores nothing", async () => {
    const id = fuzz.seeded.conversation.id;
    const reply = await fuzz.host.handle("chat:send", { conversationId: id, text: TEN_MB });
    expect(reply).toMatchObject({ ok: false, error: { code: "too_large" } });
    expect(reply.ok || reply.error.message).toMatch(/too long/);
    const stored = await fuzz.host.handle("conversations:get", { id });
    expect(stored.ok && (stored.value as ConversationDetail).messages).toEqual([]);
  });

  it("refuses a 10 MB pasted note with too_large and stores nothing", async () => {
    const before = await fuzz.host.handle("context:list", {});
    const reply = await fuzz.host.handle("context:addText", { title: "Huge", text: TEN_MB });
    expect(reply).toMatchObject({ ok: false, error: { code: "too_large" } });
    expect(await fuzz.host.handle("context:list", {})).toEqual(before);
  });
});
