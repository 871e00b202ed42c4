import { mkdirSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_NAMES, type Channel } from "../../../app/contract/channels";
import type { ConversationDetail } from "../../../app/contract/types";
import { MAX_BODY_BYTES } from "../../../main/web/readBody";
import { startWebHost, type WebHost } from "../../../main/web/startWebHost";
import { bounded, describeBadReply, integrityOf, openFuzzHost } from "./support/fuzzHost";
import { boundedValue, shapedPayload, unknownChannel } from "./support/fuzzPayloads";

const RUNS = Number(process.env.TANDEM_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.TANDEM_FUZZ_SEED ?? 20261127);
/** Same exclusions as hostFuzz.test.ts, for the same reasons. */
const FUZZED = CHANNEL_NAMES.filter((c) => c !== "models:download");
const WRITES_FILES: Channel[] = ["data:exportAll", "data:exportConversation"];

/** Bodies the way a hostile page or process could send them: JSON of anything, raw bytes, broken UTF-8, text. */
const body: fc.Arbitrary<Buffer> = fc.oneof(
  boundedValue.map((v) => Buffer.from(safeStringify(v) ?? "", "utf8")),
  fc.uint8Array({ maxLength: 2000 }).map((bytes) => Buffer.from(bytes)),
  fc
    .constantFrom(
      "{",
      "}",
      "[",
      "null",
      "undefined",
      "NaN",
      '{"id":',
      '{"__proto__":{"polluted":1}}',
      "\ufeff{}",
      "\u0000",
    )
    .map((s) => Buffer.from(s)),
  fc.constantFrom(
    Buffer.from([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    Buffer.from([0xc3, 0x28]),
    Buffer.from([0xed, 0xa0, 0x80]),
  ),
);

function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return "{}";
  }
}

/** Paths a caller could aim at: real channels, junk, encodings that are malformed or climb out of /api/. */
const channelPath: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...FUZZED).map((c) => encodeURIComponent(c)),
  unknownChannel.map((c) => encodeURIComponent(c)),
  fc.constantFrom(
    "%",
    "%E0%A4%A",
    "%ZZ",
    "chat%3Asend%00",
    "..%2F..%2Fpackage.json",
    "chat:send?x=1",
    "chat:send#x",
    "%C0%AE%C0%AE",
  ),
);

interface Reply {
  status: number;
  text: string;
}

describe("the browser host's API, fuzzed over HTTP", () => {
  let fuzz: Awaited<ReturnType<typeof openFuzzHost>>;
  let web: WebHost;
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  let requests = 0;

  function post(path: string, payload: Buffer): Promise<Reply> {
    requests++;
    return new Promise((resolve, reject) => {
      const headers = {
        Authorization: `Bearer ${web.token}`,
        "Content-Type": "application/json",
        "Content-Length": String(payload.length),
      };
      const req = request(`${web.origin}/api/${path}`, { method: "POST", headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      });
      req.on("error", reject);
      // Headers and body go out as separate writes: without this, Nagle + delayed ACK add ~40 ms per request.
      req.on("socket", (socket) => socket.setNoDelay(true));
      req.end(payload);
    });
  }

  /** Every answer is a JSON Result; every refusal a typed error, never "internal" or a 5xx. */
  function expectTyped(reply: Reply, what: string): void {
    expect(reply.status, what).toBeLessThan(500);
    expect(describeBadReply(JSON.parse(reply.text)), what).toBeNull();
  }

  beforeAll(async () => {
    fuzz = await openFuzzHost();
    const rendererDir = join(fuzz.dir, "renderer");
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, "index.html"), "<!doctype html><title>Tandem</title>");
    web = await startWebHost({ host: fuzz.host, rendererDir });
  });

  afterAll(async () => {
    agent.destroy();
    await web?.close();
    fuzz?.remove();
  });

  it("answers random bodies and paths with typed errors, never a crash or hang", async () => {
    await fc.assert(
      fc.asyncProperty(channelPath, body, async (path, payload) => {
        fc.pre(!WRITES_FILES.some((c) => path === encodeURIComponent(c)) || !payload.includes("path"));
        expectTyped(await bounded(path, post(path, payload)), `${path} ${payload.subarray(0, 80).toString("hex")}`);
      }),
      { numRuns: RUNS * 25, seed: SEED, endOnFailure: true },
    );
  });

  it.each(FUZZED)("%s answers hostile JSON over HTTP with typed errors", async (channel) => {
    await fc.assert(
      fc.asyncProperty(shapedPayload(channel, boundedValue), async (payload) => {
        const text = safeStringify(payload) ?? "";
        fc.pre(!WRITES_FILES.includes(channel) || !text.includes('"path"'));
        fc.pre(Buffer.byteLength(text) <= MAX_BODY_BYTES);
        expectTyped(await bounded(channel, post(encodeURIComponent(channel), Buffer.from(text))), channel);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it("refuses bodies over the limit with too_large before reading them whole", async () => {
    const reply = await post("conversations:create", Buffer.alloc(MAX_BODY_BYTES + 1, 0x20));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: "too_large" } });
  });

  it("leaves the seeded data, Object.prototype and the database file intact", async () => {
    const reply = await fuzz.host.handle("conversations:get", { id: fuzz.seeded.conversation.id });
    expect(reply.ok && (reply.value as ConversationDetail).conversation.title).toBe("Seeded before the fuzz");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await web.close();
    await fuzz.host.close();
    expect(integrityOf(fuzz.dir)).toBe("ok");
    console.info(`HTTP fuzz: ${requests} requests (seed ${SEED})`);
  });
});
