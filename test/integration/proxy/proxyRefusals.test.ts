import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { EgressRecord } from "../../../app/contract/types";
import { echoLastUserMessage } from "../../helpers/recordingCloud";
import { startProxyHarness } from "./proxyHarness";

const EMAIL = "gary.thompson@example.com";
const IBAN = "DE89 3704 0044 0532 0130 00";
const PRIVATE = `Send the invoice to ${EMAIL}, IBAN ${IBAN}.`;
/** Every way the private values could show up in a log row. */
const VALUES = [EMAIL, "gary.thompson", IBAN, IBAN.replaceAll(" ", ""), "0532"];
const CLIENT = "NotesApp/2.1";

interface RefusalCheck {
  refused?: string;
  client?: string;
  kind?: string;
  found?: Array<{ type: string; count: number }>;
}

/**
 * Requests the privacy proxy refuses before sending (policy "block", offline mode) are in the
 * privacy log like the ones that left: the app that asked, the kinds of item found and "refused" —
 * never a value, and with nothing sent upstream.
 */
describe("the privacy proxy's refusals in the privacy log", () => {
  let h: Awaited<ReturnType<typeof startProxyHarness>>;
  let client: OpenAI;

  const refusedCall = () =>
    client.chat.completions.create({ model: "m", messages: [{ role: "user", content: PRIVATE }] }).then(
      () => expect.fail("the request should have been refused"),
      (error: unknown) => error as InstanceType<typeof OpenAI.APIError>,
    );
  const newestRow = async () => (await h.call<EgressRecord[]>("egress:list", { limit: 1 }))[0]!;
  const checkOf = (row: EgressRecord) => JSON.parse(row.check) as RefusalCheck;

  beforeAll(async () => {
    h = await startProxyHarness({ reply: echoLastUserMessage });
    client = new OpenAI({
      baseURL: h.baseUrl,
      apiKey: h.token,
      maxRetries: 0,
      defaultHeaders: { "User-Agent": CLIENT },
    });
  });

  afterEach(async () => {
    await h.call("settings:update", { offline: false });
    await h.host.proxy().start({ port: h.port, enabled: true, policy: "sanitize" });
  });

  afterAll(async () => h.close());

  it("logs a request refused by policy 'block' with the app, the kinds found and 'refused', and sends nothing", async () => {
    await h.host.proxy().start({ port: h.port, enabled: true, policy: "block" });
    const [requestsBefore, rowsBefore] = [
      h.cloud.requests.length,
      (await h.call<EgressRecord[]>("egress:list")).length,
    ];
    const error = await refusedCall();
    expect(error.status).toBe(403);
    expect(error.code).toBe("egress_blocked");
    expect(h.cloud.requests.length).toBe(requestsBefore);
    expect((await h.call<EgressRecord[]>("egress:list")).length).toBe(rowsBefore + 1);
    const row = await newestRow();
    expect(checkOf(row)).toMatchObject({ refused: "policy-block", client: CLIENT, kind: "chat" });
    expect(checkOf(row).found).toEqual(
      expect.arrayContaining([
        { type: "EMAIL", count: 1 },
        { type: "IBAN", count: 1 },
      ]),
    );
    expect(row).toMatchObject({
      payload: "",
      bytes: 0,
      endpoint: `${h.cloud.baseUrl}/chat/completions`,
      model: "test-model",
    });
    for (const value of VALUES) expect(JSON.stringify(row)).not.toContain(value);
  });

  it("logs a request refused in offline mode the same way, with the kinds the sanitizer found", async () => {
    await h.call("settings:update", { offline: true });
    const requestsBefore = h.cloud.requests.length;
    const error = await refusedCall();
    expect(error.status).toBe(503);
    expect(error.code).toBe("offline");
    expect(h.cloud.requests.length).toBe(requestsBefore);
    const row = await newestRow();
    expect(checkOf(row)).toMatchObject({ refused: "offline", client: CLIENT, kind: "chat" });
    expect(checkOf(row).found).toEqual(
      expect.arrayContaining([
        { type: "EMAIL", count: 1 },
        { type: "IBAN", count: 1 },
      ]),
    );
    expect(row).toMatchObject({ payload: "", bytes: 0 });
    for (const value of VALUES) expect(JSON.stringify(row)).not.toContain(value);
  });

  it("logs a forwarded request as sent, not refused, and a cloud failure after sending as nothing more", async () => {
    const before = await h.call<EgressRecord[]>("egress:list");
    const refused = (rows: EgressRecord[]) => rows.filter((r) => checkOf(r).refused !== undefined).length;
    const answer = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: PRIVATE }] });
    expect(answer.choices[0]?.message.content).toBe(PRIVATE);
    const sent = await newestRow();
    expect(checkOf(sent).refused).toBeUndefined();
    expect(sent.payload).toBe(h.cloud.requests.at(-1)!.body);
    h.cloud.setFault({ status: 500 });
    try {
      await expect(
        client.chat.completions.create({ model: "m", messages: [{ role: "user", content: "Hello." }] }),
      ).rejects.toMatchObject({ status: 502 });
    } finally {
      h.cloud.setFault(null);
    }
    // The failed request did leave (one row, as sent); no refusal row was added for it.
    const rows = await h.call<EgressRecord[]>("egress:list");
    expect(rows.length).toBe(before.length + 2);
    expect(refused(rows)).toBe(refused(before));
  });
});
