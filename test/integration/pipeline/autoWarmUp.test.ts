import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Result } from "../../../app/contract/errors";
import { createLogger } from "../../../app/logging/Logger";
import { createHost } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { startRecordingCloud } from "../../helpers/recordingCloud";

/**
 * Auto's vocabularies load in the background when the host starts with a cloud model set up
 * (issue #16, round 2), or when the settings gain one mid-session, so the first message does not
 * pay for them.
 */
describe("Auto warm-up at host start", () => {
  const dir = mkdtempSync(join(tmpdir(), "tandem-auto-warm-"));
  const hosts: Host[] = [];

  afterAll(async () => {
    for (const host of hosts) await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(lines: string[]): Promise<Host> {
    const logger = createLogger({ name: "tandem", level: "info", sink: (line) => lines.push(line) });
    const host = await createHost({ dataDir: dir, kind: "web", gpu: false, quiet: true, logger });
    hosts.push(host);
    return host;
  }

  it("loads the vocabularies in the background as soon as a cloud model is set up, and at every later start, logging step names and times only", async () => {
    const cloud = await startRecordingCloud();
    try {
      const first: string[] = [];
      const host = await start(first);
      // Past the warm-up's start delay (1.5 s): without a cloud model at start, nothing is warmed up.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(first.some((l) => l.includes("auto warm-up"))).toBe(false);
      const configured = (await host.handle("cloud:configure", {
        baseUrl: cloud.baseUrl,
        model: "test-model",
        apiKey: "sk-test-warm-0123456789",
      })) as Result<unknown>;
      expect(configured.ok).toBe(true);
      // Mid-session: the settings gained a cloud model, so the warm-up starts now, with no message
      // sent, once however often the settings change.
      await host.handle("settings:update", { theme: "dark" });
      await expect
        .poll(() => first.filter((l) => l.includes("auto warm-up")).length, { timeout: 60_000, interval: 200 })
        .toBe(1);
      await host.handle("settings:update", { theme: "light" });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(first.filter((l) => l.includes("auto warm-up"))).toHaveLength(1);
      expect(await host.handle("conversations:list", {})).toEqual({ ok: true, value: [] });
      await host.close();
      hosts.pop();

      const second: string[] = [];
      await start(second);
      await expect
        .poll(() => second.find((l) => l.includes("auto warm-up")), { timeout: 60_000, interval: 200 })
        .toBeDefined();
      const line = JSON.parse(second.find((l) => l.includes("auto warm-up"))!) as { steps: string };
      expect(line.steps).toMatch(
        /^privacy engine word lists: \d+ ms; health vocabulary \(WordNet\): \d+ ms; public nouns and kin \(WordNet\): \d+ ms; communication words \(WordNet\): \d+ ms; first pass of the engine: \d+ ms$/,
      );
      expect(cloud.requests).toHaveLength(0);
    } finally {
      await cloud.close();
    }
  }, 90_000);
});
