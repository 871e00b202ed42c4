import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../../../app/store/Store";
import { dataKey } from "../../helpers/dataKey";
import { DB_FILE } from "../../../main/host/createHost";
import { presetAnswerCap } from "../../helpers/presetAnswerCap";
import { getTinyModelPath } from "../../helpers/tinyModel";

const run = promisify(execFile);
const TSX = join(process.cwd(), "node_modules/.bin/tsx");

/** The CLI as a user runs it: a separate process over the same core, storing into TANDEM_HOME. */
describe("npm run cli -- chat", () => {
  let home: string;
  let modelPath: string;
  const cli = (args: string[]) =>
    run(TSX, ["main/cli/index.ts", ...args], {
      env: { ...process.env, TANDEM_HOME: home, TANDEM_THREADS: "1" },
      maxBuffer: 10_000_000,
    });

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), "tandem-cli-"));
    // Every answer needs text (tokens, stdout): the model that never ends by itself, cut at 32 tokens.
    presetAnswerCap(home, 32);
    modelPath = await getTinyModelPath({ endsAnswers: false });
  });

  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("prints one JSON object with the answer and its speed, and stores the conversation", async () => {
    const { stdout } = await cli(["chat", "--model", modelPath, "--json", "Write a note to my doctor"]);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ mode: "private", status: "done", outbound: [], privacyReport: null });
    expect(result.tokens).toBe(32);
    expect(result.tokensPerSecond).toBeGreaterThan(0);
    const store = Store.open(join(home, DB_FILE), { key: dataKey(home) });
    try {
      const messages = store.messages.listForConversation(result.conversationId);
      expect(messages.map((m) => [m.role, m.content])).toEqual([
        ["user", "Write a note to my doctor"],
        ["assistant", result.answer],
      ]);
    } finally {
      store.close();
    }
  });

  it("streams the answer as plain text, continues a conversation, and reports which context it used", async () => {
    const note = join(home, "lease.txt");
    writeFileSync(note, "The lease for flat 3 ends on 31 March. The deposit is 1,200 euros.");
    const first = JSON.parse((await cli(["chat", "--json", "--context", note, "When does the lease end?"])).stdout);
    expect(first.contextUsed[0].passages[0].text).toContain("The lease for flat 3 ends on 31 March");
    const { stdout, stderr } = await cli(["chat", "--conversation", first.conversationId, "And the deposit?"]);
    expect(stdout.trim().length).toBeGreaterThan(0);
    expect(stderr).toContain(`conversation ${first.conversationId}`);
    // Continued, not started anew: the second turn is stored after the first, in the same
    // conversation, and what was streamed to stdout is the answer that was stored.
    const store = Store.open(join(home, DB_FILE), { key: dataKey(home) });
    try {
      const messages = store.messages.listForConversation(first.conversationId);
      expect(messages.map((m) => [m.role, m.role === "user" ? m.content : m.id === first.messageId])).toEqual([
        ["user", "When does the lease end?"],
        ["assistant", true],
        ["user", "And the deposit?"],
        ["assistant", false],
      ]);
      expect(stdout.trim()).toBe(messages[3]!.content.trim());
      expect(store.conversations.list().filter((c) => c.id === first.conversationId)).toHaveLength(1);
    } finally {
      store.close();
    }
  });

  it("in Auto mode reports where the answer was made and why, in the JSON output", async () => {
    const { stdout } = await cli([
      "chat",
      "--model",
      modelPath,
      "--mode",
      "auto",
      "--offline",
      "--json",
      "Write a note to my doctor",
    ]);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      mode: "auto",
      status: "done",
      outbound: [],
      route: "local",
      routeReason: "Answered on this device: offline mode is on.",
    });
  });

  it("fails with a clear message and exit code 1 for a file that is not a model", async () => {
    const bogus = join(home, "bogus.gguf");
    writeFileSync(bogus, "not a model");
    const failure = await cli(["chat", "--model", bogus, "hi"]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/not a GGUF model/);
  });

  it("rejects unknown options with usage help and exit code 2", async () => {
    const failure = await cli(["chat", "--mode", "loud", "hi"]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain("Unknown --mode loud");
  });
});
