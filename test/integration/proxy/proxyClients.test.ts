import { execFile } from "node:child_process";
import { promisify } from "node:util";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EgressRecord } from "../../../app/contract/types";
import { echoLastUserMessage } from "../../helpers/recordingCloud";
import { rawRequest, startProxyHarness } from "./proxyHarness";

const run = promisify(execFile);

/** Private items in English, German and French; each must never reach the upstream. */
const FIXTURES = [
  {
    lang: "en",
    text: "Please write to Gary Thompson at gary.thompson@example.com; his card is 4111 1111 1111 1111.",
    values: ["Gary Thompson", "gary.thompson@example.com", "4111 1111 1111 1111"],
  },
  {
    lang: "de",
    text: "Bitte schreib an Annegret Vollmer, annegret.vollmer@gmx.de, IBAN DE89 3704 0044 0532 0130 00.",
    values: ["Annegret Vollmer", "annegret.vollmer@gmx.de", "DE89 3704 0044 0532 0130 00"],
  },
  // "projet tournesol" is only private because the profile says so: no recognizer would find it.
  {
    lang: "fr",
    text: "Écris à Camille Dubois, camille.dubois@orange.fr, au sujet du projet tournesol.",
    values: ["Camille Dubois", "camille.dubois@orange.fr", "projet tournesol"],
  },
];

describe("the privacy proxy with real clients", () => {
  let h: Awaited<ReturnType<typeof startProxyHarness>>;
  let client: OpenAI;

  beforeAll(async () => {
    // The upstream answers with the sanitized message it received: restored, it must equal the original exactly.
    h = await startProxyHarness({ reply: echoLastUserMessage });
    await h.call("profile:update", {
      name: "",
      city: "",
      job: "",
      family: [],
      healthNotes: "",
      alwaysPrivate: ["projet tournesol"],
      freeText: "",
    });
    client = new OpenAI({
      baseURL: h.baseUrl,
      apiKey: h.token,
      maxRetries: 0,
      defaultHeaders: { "User-Agent": "proxy-test-sdk/1.0" },
    });
  });

  afterAll(async () => h.close());

  for (const fixture of FIXTURES) {
    it(`answers a non-streaming ${fixture.lang} request with the values restored, while the upstream saw none of them`, async () => {
      const before = h.cloud.requests.length;
      const completion = await client.chat.completions.create({
        model: "anything",
        messages: [
          { role: "system", content: `You help ${fixture.values[0]}.` },
          { role: "user", content: fixture.text },
        ],
      });
      expect(completion.choices[0]?.message.content).toBe(fixture.text);
      expect(completion.object).toBe("chat.completion");
      const sent = h.cloud.requests.slice(before);
      expect(sent).toHaveLength(1);
      for (const value of fixture.values) expect(sent[0]!.raw).not.toContain(value);
      expect(sent[0]!.body).toMatch(/\[PERSON_1\]/);
      expect(sent[0]!.headers.authorization).toBe(`Bearer sk-proxy-upstream-key-0123456789`);
    });

    it(`streams a ${fixture.lang} answer restored chunk by chunk, with usage when asked`, async () => {
      const before = h.cloud.requests.length;
      const stream = await client.chat.completions.create({
        model: "anything",
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: "user", content: fixture.text }],
      });
      let text = "";
      let usage: unknown = null;
      let finish: string | null = null;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? "";
        finish = chunk.choices[0]?.finish_reason ?? finish;
        if (chunk.usage) usage = chunk.usage;
      }
      expect(text).toBe(fixture.text);
      expect(finish).toBe("stop");
      expect(usage).toMatchObject({ prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) });
      for (const value of fixture.values)
        expect(
          h.cloud.requests
            .slice(before)
            .map((r) => r.raw)
            .join(""),
        ).not.toContain(value);
    });
  }

  it("keeps a multi-turn chat's placeholders consistent, because the conversation is keyed by its first user message", async () => {
    const first = "My landlord is Gary Thompson.";
    await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: first }] });
    const before = h.cloud.requests.length;
    await client.chat.completions.create({
      model: "m",
      messages: [
        { role: "user", content: first },
        { role: "assistant", content: "Noted." },
        { role: "user", content: "Write to Gary Thompson and Camille Dubois." },
      ],
    });
    const body = h.cloud.requests[before]!.json as { messages: Array<{ content: string }> };
    expect(body.messages[0]!.content).toBe("My landlord is [PERSON_1].");
    expect(body.messages[2]!.content).toMatch(/^Write to \[PERSON_1\] and \[PERSON_2\]\.$/);
  });

  it("keeps one vault per X-Tandem-Conversation, whatever the first message", async () => {
    const before = h.cloud.requests.length;
    const headers = { "X-Tandem-Conversation": "editor-session-1" };
    await client.chat.completions.create(
      { model: "m", messages: [{ role: "user", content: "Note: Sophie Martin called." }] },
      { headers },
    );
    await client.chat.completions.create(
      { model: "m", messages: [{ role: "user", content: "Write to Jonas Weber and Sophie Martin." }] },
      { headers },
    );
    const second = h.cloud.requests[before + 1]!.json as { messages: Array<{ content: string }> };
    expect(second.messages[0]!.content).toBe("Write to [PERSON_2] and [PERSON_1].");
  });

  it("records every forwarded request in the privacy log with the client's User-Agent and the exact payload", async () => {
    const before = h.cloud.requests.length;
    await client.chat.completions.create({
      model: "m",
      max_tokens: 40,
      temperature: 0.3,
      messages: [{ role: "user", content: FIXTURES[0]!.text }],
    });
    const [row] = await h.call<EgressRecord[]>("egress:list", { limit: 1 });
    const check = JSON.parse(row!.check) as { client: string; clean: boolean };
    expect(check).toMatchObject({ client: "proxy-test-sdk/1.0", clean: true });
    const upstream = h.cloud.requests[before]!.json as { messages: unknown };
    expect(JSON.parse(row!.payload).messages).toEqual(upstream.messages);
    // Byte for byte what went upstream, the client's max_tokens and temperature included (issue #12).
    expect(row!.payload).toBe(h.cloud.requests[before]!.body);
    expect(JSON.parse(row!.payload)).toMatchObject({ max_tokens: 40, temperature: 0.3 });
    const status = await h.host.proxy().status();
    expect(status.clients.map((c) => c.name)).toContain("proxy-test-sdk/1.0");
  });

  it("serves curl: a streaming request's SSE carries the restored text and ends with [DONE]", async () => {
    const body = JSON.stringify({ model: "m", stream: true, messages: [{ role: "user", content: FIXTURES[1]!.text }] });
    const { stdout } = await run("curl", [
      "-sN",
      "-H",
      `Authorization: Bearer ${h.token}`,
      "-H",
      "Content-Type: application/json",
      "-A",
      "curl-test",
      "-d",
      body,
      `${h.baseUrl}/chat/completions`,
    ]);
    const events = stdout
      .split("\n\n")
      .filter((e) => e.startsWith("data: "))
      .map((e) => e.slice(6));
    expect(events.at(-1)).toBe("[DONE]");
    const text = events
      .slice(0, -1)
      .map(
        (e) => (JSON.parse(e) as { choices: Array<{ delta: { content?: string } }> }).choices[0]?.delta.content ?? "",
      )
      .join("");
    expect(text).toBe(FIXTURES[1]!.text);
    const { stdout: models } = await run("curl", [
      "-s",
      "-H",
      `Authorization: Bearer ${h.token}`,
      `${h.baseUrl}/models`,
    ]);
    expect(JSON.parse(models)).toMatchObject({ object: "list", data: [{ id: "test-model" }] });
  });

  it("answers unknown paths with an OpenAI-shaped 404", async () => {
    const res = await rawRequest(h.port, {
      method: "GET",
      path: "/v1/embeddings",
      headers: { host: `127.0.0.1:${h.port}`, authorization: `Bearer ${h.token}` },
    });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ error: { type: "invalid_request_error", code: "unknown_url" } });
  });
});
