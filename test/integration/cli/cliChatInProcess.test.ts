import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationDetail, ModelInfo } from "../../../app/contract/types";
import { Store } from "../../../app/store/Store";
import { DB_FILE } from "../../../main/host/createHost";
import { dataKey } from "../../helpers/dataKey";
import { presetAnswerCap } from "../../helpers/presetAnswerCap";
import { startRecordingCloud, type RecordedRequest, type RecordingCloud } from "../../helpers/recordingCloud";
import { getTinyModelPath } from "../../helpers/tinyModel";
import { getEndlessTinyModel2kPath } from "../hybrid/support/tinyModel2k";
import { chatInProcess as chat, withHost } from "./support/inProcessChat";

/** A port nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Whether something accepts a connection on 127.0.0.1:port. */
function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/**
 * `npm run cli -- chat` as README "Command line" describes it, run in this process (cliChat runs
 * the same command as a child process, whose coverage mutation testing cannot see): what it
 * prints with and without --json, its exit codes, and the options a user would see ignored.
 * Every test has its own data folder, so each one can run alone.
 */
// Most tests run the CLI twice, each run opening the data folder and loading the model: on a
// loaded machine that takes longer than the integration project's 120 s.
describe("npm run cli -- chat (in this process)", { timeout: 300_000 }, () => {
  let cloud: RecordingCloud;
  let model: string;
  const homes: string[] = [];

  /** A fresh data folder whose answers are cut at `cap` tokens (the endless model writes until then). */
  const home = (cap = 32) => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-cli-inproc-"));
    homes.push(dir);
    presetAnswerCap(dir, cap);
    return dir;
  };
  const conversationOf = (dir: string, id: string) =>
    withHost<ConversationDetail>(dir, [["conversations:get", { id }]]);
  const completions = (c: RecordingCloud) => c.requests.filter((r) => r.path === "/v1/chat/completions");

  beforeAll(async () => {
    cloud = await startRecordingCloud({ reply: "Happy to help.", models: ["test-model", "saved-model"] });
    model = await getEndlessTinyModel2kPath();
  });

  afterAll(async () => {
    await cloud.close();
    for (const dir of homes) rmSync(dir, { recursive: true, force: true });
  });

  it("--json prints one JSON object on one line: the answer, its speed, the model that wrote it, nothing sent; the question is the words given, joined", async () => {
    const dir = home();
    const signalHandlers = process.listenerCount("SIGINT");
    const { code, stdout, stderr } = await chat(dir, [
      "--model",
      model,
      "--json",
      "Write",
      "a",
      "note",
      "to",
      "my",
      "doctor",
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const lines = stdout.split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("");
    const result = JSON.parse(lines[0]!);
    const [added] = await withHost<ModelInfo[]>(dir, [["models:list", {}]]);
    expect(result).toMatchObject({
      mode: "private",
      status: "done",
      cutAtLimit: true,
      error: null,
      modelId: added!.id,
      tokens: 32,
      contextUsed: [],
      privacyReport: null,
      route: null,
      routeReason: null,
      outbound: [],
    });
    expect(result.tokensPerSecond).toBeGreaterThan(0);
    expect(result.timeToFirstTokenMs).toBeGreaterThanOrEqual(0);
    const { messages } = await conversationOf(dir, result.conversationId);
    expect(messages.map((m) => [m.role, m.content])).toEqual([
      ["user", "Write a note to my doctor"],
      ["assistant", result.answer],
    ]);
    expect(result.messageId).toBe(messages[1]!.id);
    // The run cleans up after itself: no Ctrl-C handler left behind.
    expect(process.listenerCount("SIGINT")).toBe(signalHandlers);
  });

  it("without --json streams the answer to stdout and ends with a summary line on stderr", async () => {
    const dir = home();
    const { code, stdout, stderr } = await chat(dir, ["--model", model, "Write a note to my doctor"]);
    expect(code).toBe(0);
    const [conversation] = await withHost<Array<{ id: string }>>(dir, [["conversations:list", {}]]);
    const { messages } = await conversationOf(dir, conversation!.id);
    expect(messages[1]!.content.length).toBeGreaterThan(0);
    expect(stdout).toBe(`${messages[1]!.content}\n`);
    expect(stderr).toMatch(
      new RegExp(
        `^\\[private · done \\(cut at the answer-length limit\\) · 32 tokens · \\d+\\.\\d tok/s · conversation ${conversation!.id}\\]\\n$`,
      ),
    );
  });

  it("--model makes that model the active one, also when another one is active", async () => {
    const dir = home();
    const other = await getTinyModelPath({ endsAnswers: false });
    const first = JSON.parse((await chat(dir, ["--model", other, "--json", "hi"])).stdout);
    const second = JSON.parse((await chat(dir, ["--model", model, "--json", "hi"])).stdout);
    const models = await withHost<ModelInfo[]>(dir, [["models:list", {}]]);
    const idOf = (path: string) => models.find((m) => m.path === path)?.id;
    expect([first.modelId, second.modelId]).toEqual([idOf(other), idOf(model)]);
    expect(idOf(other)).not.toBe(idOf(model));
  });

  it("while the answer is written --threads is in force and the privacy proxy stays closed though switched on (the app serves it, not chat), and Ctrl-C stops it: kept as stopped, exit code 0", async () => {
    const dir = home(4000);
    const port = await freePort();
    await withHost(dir, [
      ["settings:update", { threads: 2 }],
      ["proxy:configure", { enabled: true, port }],
    ]);
    const before = new Set(process.listeners("SIGINT"));
    let during: Promise<{ threads: number | null; proxyAnswers: boolean }> | null = null;
    const { code, stderr } = await chat(dir, ["--model", model, "--threads", "1", "Write a long story"], () => {
      during ??= (async () => {
        // Read the saved settings beside the running CLI (a store, not a second host: a host
        // starting marks running answers as interrupted), try the proxy's port, then press Ctrl-C.
        const store = Store.open(join(dir, DB_FILE), { key: dataKey(dir) });
        let threads: number | null;
        try {
          threads = store.settings.get().threads;
        } finally {
          store.close();
        }
        const proxyAnswers = await connects(port);
        const handler = process.listeners("SIGINT").find((l) => !before.has(l));
        expect(handler).toBeDefined();
        handler!("SIGINT");
        return { threads, proxyAnswers };
      })();
    });
    expect(await during).toEqual({ threads: 1, proxyAnswers: false });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\[private · stopped · \d+ tokens/);
    const [conversation] = await withHost<Array<{ id: string }>>(dir, [["conversations:list", {}]]);
    const { messages } = await conversationOf(dir, conversation!.id);
    expect(messages[1]!.status).toBe("stopped");
    expect(process.listeners("SIGINT")).toEqual([...before]);
  });

  it("--context attaches a note the answer uses, and --conversation continues that conversation in the mode given", async () => {
    const dir = home();
    const note = join(dir, "lease.txt");
    writeFileSync(note, "The lease for flat 3 ends on 31 March. The deposit is 1,200 euros.");
    const first = JSON.parse(
      (await chat(dir, ["--model", model, "--json", "--context", note, "When does the lease end?"])).stdout,
    );
    expect(first.contextUsed[0].passages[0].text).toContain("The lease for flat 3 ends on 31 March");
    const second = JSON.parse(
      (
        await chat(dir, [
          "--json",
          "--conversation",
          first.conversationId,
          "--mode",
          "hybrid",
          "--offline",
          "And the deposit?",
        ])
      ).stdout,
    );
    expect(second).toMatchObject({ conversationId: first.conversationId, mode: "hybrid", status: "done" });
    const { conversation, messages } = await conversationOf(dir, first.conversationId);
    expect(conversation.mode).toBe("hybrid");
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
  });

  it("Hybrid --json shows the privacy report of the --strategy given and each request of this message as the cloud received it; a --profile name never leaves", async () => {
    const dir = home();
    const hybrid = ["--mode", "hybrid", "--cloud-base-url", cloud.baseUrl, "--cloud-model", "test-model", "--json"];
    const question = "Write a birthday card for my aunt, whom we all call zuzu";
    const sentDuring = async (args: string[]) => {
      const before = completions(cloud).length;
      const result = JSON.parse((await chat(dir, args)).stdout);
      return { result, received: completions(cloud).slice(before) };
    };
    const asReceived = (received: RecordedRequest[]) =>
      received.map((r) => ({
        endpoint: expect.stringContaining(cloud.baseUrl),
        model: "test-model",
        bytes: Buffer.byteLength(r.body, "utf8"),
        payload: JSON.parse(r.body),
        at: expect.any(Number),
      }));
    // The control: without a profile naming her, the engine does not see "zuzu" as a name.
    const first = await sentDuring(["--model", model, ...hybrid, "--strategy", "cloud-outline", question]);
    expect(first.result.privacyReport).toMatchObject({ mode: "hybrid", strategy: "cloud-outline" });
    expect(first.received.length).toBeGreaterThan(0);
    expect(first.result.outbound).toEqual(asReceived(first.received));
    expect(first.received.map((r) => r.body).join("")).toContain("zuzu");
    // A profile lists family as plain names or as name and relation; for this run they are private.
    const profile = join(dir, "profile.json");
    writeFileSync(profile, JSON.stringify({ family: ["zuzu", { name: "Mireille Dufresne", relation: "sister" }] }));
    const second = await sentDuring([
      ...hybrid,
      "--conversation",
      first.result.conversationId,
      "--profile",
      profile,
      question,
    ]);
    expect(second.result.status).toBe("done");
    expect(second.received.length).toBeGreaterThan(0);
    expect(second.received.map((r) => r.raw).join("")).not.toContain("zuzu");
    // Only this message's requests: the first message's are not listed again.
    expect(second.result.outbound).toEqual(asReceived(second.received));
  });

  it("--cloud-model alone keeps the saved endpoint, --cloud-base-url alone keeps the saved model", async () => {
    const dir = home();
    const saved = await startRecordingCloud({ reply: "Saved endpoint.", models: ["test-model", "saved-model"] });
    try {
      await withHost(dir, [["cloud:configure", { baseUrl: saved.baseUrl, model: "saved-model" }]]);
      const viaSaved = await chat(dir, [
        "--model",
        model,
        "--mode",
        "cloud",
        "--cloud-model",
        "test-model",
        "--json",
        "hi",
      ]);
      expect(JSON.parse(viaSaved.stdout).answer).toBe("Saved endpoint.");
      expect(completions(saved).map((r) => (r.json as { model: string }).model)).toEqual(["test-model"]);
      const before = completions(cloud).length;
      const viaRun = await chat(dir, ["--mode", "cloud", "--cloud-base-url", cloud.baseUrl, "--json", "hi"]);
      expect(JSON.parse(viaRun.stdout).answer).toBe("Happy to help.");
      expect(
        completions(cloud)
          .slice(before)
          .map((r) => (r.json as { model: string }).model),
      ).toEqual(["saved-model"]);
    } finally {
      await saved.close();
    }
  });

  it("a Cloud answer that fails exits with 1 and says why on stderr; with --json the object says status error, with no tokens", async () => {
    const dir = home();
    const failing = await startRecordingCloud({ fault: { status: 401, message: "bad key" } });
    try {
      const cloudArgs = [
        "--model",
        model,
        "--mode",
        "cloud",
        "--cloud-base-url",
        failing.baseUrl,
        "--cloud-model",
        "test-model",
      ];
      const plain = await chat(dir, [...cloudArgs, "hi"]);
      expect(plain.code).toBe(1);
      const [conversation] = await withHost<Array<{ id: string }>>(dir, [["conversations:list", {}]]);
      const { messages } = await conversationOf(dir, conversation!.id);
      expect(messages[1]!.error).toBeTruthy();
      expect(plain.stderr).toBe(`tandem: ${messages[1]!.error}\n`);
      const json = await chat(dir, [...cloudArgs, "--json", "hi"]);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({
        status: "error",
        error: messages[1]!.error,
        cutAtLimit: false,
        tokens: 0,
        tokensPerSecond: null,
        timeToFirstTokenMs: null,
        outbound: [expect.objectContaining({ model: "test-model" })],
      });
    } finally {
      await failing.close();
    }
  });

  it("a profile file that cannot be read, or a file that is not a model, fails with exit code 1 and the reason", async () => {
    const dir = home();
    const missing = join(dir, "no-such-profile.json");
    const noProfile = await chat(dir, ["--profile", missing, "hi"]);
    expect(noProfile).toMatchObject({ code: 1, stdout: "" });
    expect(noProfile.stderr).toMatch(new RegExp(`^tandem: Could not read the profile ${missing}: .*ENOENT.*\\n$`));
    const bogus = join(dir, "bogus.gguf");
    writeFileSync(bogus, "not a model");
    const noModel = await chat(dir, ["--model", bogus, "hi"]);
    expect(noModel.code).toBe(1);
    expect(noModel.stderr).toMatch(/^tandem: .*not a GGUF model/);
  });

  it("in Auto mode says where the answer was made and why: a line on stderr, route and routeReason with --json", async () => {
    const dir = home();
    const auto = ["--model", model, "--mode", "auto", "--offline"];
    const plain = await chat(dir, [...auto, "Write a note to my doctor"]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toMatch(/\n\[Answered on this device: offline mode is on\.\]\n$/);
    const json = JSON.parse((await chat(dir, [...auto, "--json", "Write a note to my doctor"])).stdout);
    expect(json).toMatchObject({
      mode: "auto",
      route: "local",
      routeReason: "Answered on this device: offline mode is on.",
    });
  });

  it("closes the data folder when it ends: no write-ahead log is left beside the database", async () => {
    const dir = home();
    await chat(dir, ["--model", model, "hi"]);
    expect(readdirSync(dir).filter((f) => f.endsWith("-wal") || f.endsWith("-shm"))).toEqual([]);
  });
});
