import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_NAMES, type Channel } from "../../../app/contract/channels";
import type { ConversationDetail } from "../../../app/contract/types";
import type { Host } from "../../../main/host/Host";
import { bounded, describeBadReply, integrityOf, openFuzzHost } from "./support/fuzzHost";
import { hostileValue, shapedPayload, unknownChannel } from "./support/fuzzPayloads";

/** Runs per channel for each of the two payload kinds: 43 channels × 2 × 60, plus 500 unknown channels ≈ 5,700 calls. */
const RUNS = Number(process.env.TANDEM_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.TANDEM_FUZZ_SEED ?? 20261127);

/**
 * Left out: models:download — a payload that happens to be valid starts a network download (the
 * host is offline, but a fuzzed settings:update may switch that off). Export channels are fuzzed
 * without `path`: a valid one would write a file wherever it points (the repository).
 */
const SKIPPED: Channel[] = ["models:download"];
const WRITES_FILES: Channel[] = ["data:exportAll", "data:exportConversation"];
const FUZZED = CHANNEL_NAMES.filter((c) => !SKIPPED.includes(c));

const hasPath = (payload: unknown) => typeof payload === "object" && payload !== null && Object.hasOwn(payload, "path");

describe("every contract channel, fuzzed through host.handle", () => {
  let fuzz: Awaited<ReturnType<typeof openFuzzHost>>;
  let host: Host;
  let calls = 0;

  beforeAll(async () => {
    fuzz = await openFuzzHost();
    host = fuzz.host;
  });

  afterAll(() => fuzz?.remove());

  async function check(channel: Channel, payload: unknown): Promise<void> {
    if (WRITES_FILES.includes(channel)) fc.pre(!hasPath(payload));
    calls++;
    const reply = await bounded(channel, host.handle(channel, payload));
    expect(describeBadReply(reply), channel).toBeNull();
  }

  it.each(FUZZED)("%s answers hostile payloads with typed errors, never a crash or hang", async (channel) => {
    const options = { numRuns: RUNS, seed: SEED, endOnFailure: true };
    await fc.assert(
      fc.asyncProperty(hostileValue, (payload) => check(channel, payload)),
      options,
    );
    await fc.assert(
      fc.asyncProperty(shapedPayload(channel), (payload) => check(channel, payload)),
      options,
    );
  });

  it("refuses unknown channels, including Object.prototype's members, as invalid requests", async () => {
    await fc.assert(
      fc.asyncProperty(unknownChannel, hostileValue, async (name, payload) => {
        fc.pre(!(CHANNEL_NAMES as string[]).includes(name));
        calls++;
        const reply = await bounded(name, host.handle(name as Channel, payload));
        expect(reply).toMatchObject({ ok: false, error: { code: "invalid_request" } });
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it("leaves the seeded data, Object.prototype and the database file intact", async () => {
    expect(calls).toBeGreaterThan(FUZZED.length * RUNS);
    const reply = await host.handle("conversations:get", { id: fuzz.seeded.conversation.id });
    expect(reply.ok && (reply.value as ConversationDetail).conversation.title).toBe("Seeded before the fuzz");
    const notes = await host.handle("context:list", {});
    expect(notes.ok && (notes.value as { title: string }[]).map((n) => n.title)).toContain("Seeded note");
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await host.close();
    expect(integrityOf(fuzz.dir)).toBe("ok");
    console.info(`host.handle fuzz: ${calls} calls over ${FUZZED.length} channels (seed ${SEED})`);
  });
});
