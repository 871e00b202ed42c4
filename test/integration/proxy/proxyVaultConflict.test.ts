import OpenAI from "openai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuditLog, EgressGate } from "../../../app/egress";
import { silentLogger } from "../../../app/logging/Logger";
import { sanitize, VaultStore, type PrivacyVault } from "../../../app/privacy";
import { DEFAULT_PROXY_CONFIG, ProxyService } from "../../../app/proxy";
import { conversationId } from "../../../app/proxy/conversationId";
import { CloudProvider } from "../../../app/providers/cloud";
import { startProxyServer, type ProxyServer } from "../../../main/proxy/startProxyServer";
import { echoLastUserMessage, startRecordingCloud, type RecordingCloud } from "../../helpers/recordingCloud";
import { useTempStores } from "../../helpers/tempStore";

/**
 * The app's proxy and another process (here: a second connection to the same database file)
 * sanitize one conversation at once. The other writer saves between this proxy's load and save,
 * as `cli proxy` on the same data folder can; what left must still be consistently numbered.
 */
class StoreWithOtherWriter extends VaultStore {
  constructor(
    db: ConstructorParameters<typeof VaultStore>[0],
    private readonly otherWriter: (conversationId: string) => void,
    private interleave: number,
  ) {
    super(db);
  }

  override load(conversationId: string): PrivacyVault {
    const vault = super.load(conversationId);
    if (this.interleave-- > 0) this.otherWriter(conversationId);
    return vault;
  }
}

describe("the privacy proxy when another process saves the same conversation's vault", () => {
  const stores = useTempStores();
  let cloud: RecordingCloud;
  let server: ProxyServer;
  let other: VaultStore;

  /** The other process's request in this conversation: one more person, saved from its own connection. */
  const otherNames = ["Gary Thompson", "Camille Dubois", "Lukas Schneider", "Sophie Martin", "Jonas Becker"];
  let written = 0;
  const otherWriter = (id: string) => {
    const vault = other.load(id);
    sanitize(`Write to ${otherNames[written++]}.`, vault, { locale: "en-US" });
    other.save(vault);
  };

  async function startProxy(interleave: number) {
    const store = stores.open();
    other = new VaultStore(stores.open().db);
    const gate = new EgressGate({ audit: new AuditLog(store.db), isOffline: () => false });
    const provider = new CloudProvider(
      { baseUrl: cloud.baseUrl, model: "test-model", apiKey: "sk-conflict" },
      { logger: silentLogger },
    );
    const service = new ProxyService({
      vaults: new StoreWithOtherWriter(store.db, otherWriter, interleave),
      gate,
      upstream: () => ({ provider, baseUrl: cloud.baseUrl }),
      config: () => DEFAULT_PROXY_CONFIG,
      declaredTerms: () => [],
      locale: () => "en-US",
      isOffline: () => false,
      localModel: null,
      logger: silentLogger,
    });
    server = await startProxyServer({ service, token: "conflict-token", port: 0 });
    return new OpenAI({
      baseURL: server.baseUrl,
      apiKey: "conflict-token",
      maxRetries: 0,
      defaultHeaders: { "X-Tandem-Conversation": "shared" },
    });
  }

  beforeEach(async () => {
    written = 0;
    cloud = await startRecordingCloud({ reply: echoLastUserMessage });
  });

  afterEach(async () => {
    await server.close();
    await cloud.close();
  });

  it("sanitizes again on the merged vault: the cloud sees the next free number and the answer restores this request's name", async () => {
    const client = await startProxy(1);
    const text = "Please write a short note to Anna Weber.";
    const answer = await client.chat.completions.create({ model: "m", messages: [{ role: "user", content: text }] });

    expect(answer.choices[0]?.message.content).toBe(text);
    expect(cloud.requests).toHaveLength(1);
    const sent = (cloud.requests[0]!.json as { messages: Array<{ content: string }> }).messages[0]!.content;
    // [PERSON_1] is the other writer's Gary Thompson; this request's person is numbered after it.
    expect(sent).toBe("Please write a short note to [PERSON_2].");
    expect(cloud.receivedText()).not.toContain("Anna Weber");
    const stored = other.load(conversationId({ messages: [], stream: false } as never, "shared"));
    expect(stored.get("[PERSON_1]")?.value).toBe("Gary Thompson");
    expect(stored.get("[PERSON_2]")?.value).toBe("Anna Weber");
  });

  it("gives up with a 409 and sends nothing when the other writer keeps saving first", async () => {
    const client = await startProxy(otherNames.length);
    const error = await client.chat.completions
      .create({ model: "m", messages: [{ role: "user", content: "Please write to Anna Weber." }] })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(409);
    expect((error as Error).message).not.toContain("Anna Weber");
    expect(cloud.requests).toHaveLength(0);
  });
});
