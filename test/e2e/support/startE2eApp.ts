import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import type { Channel } from "../../../app/contract/channels";
import type { Result } from "../../../app/contract/errors";
import { createHost } from "../../../main/host/createHost";
import type { Host } from "../../../main/host/Host";
import { startWebHost, type WebHost } from "../../../main/web/startWebHost";
import { launchChromium, type BrowserSession } from "./launchChromium";

const RENDERER_DIR = fileURLToPath(new URL("../../../dist/renderer", import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL("../screenshots/", import.meta.url));

export interface E2eApp {
  dataDir: string;
  host: Host;
  web: WebHost;
  session: BrowserSession;
  page: Page;
  /** Calls the host directly (set-up and assertions on what was stored); throws on failure. */
  call<T>(channel: Channel, payload?: unknown): Promise<T>;
  shot(name: string): Promise<void>;
  /** Closes the browser, the web host and the host; removes the data directory. */
  close(): Promise<void>;
}

/**
 * The browser host on 127.0.0.1 with a temporary TANDEM_HOME, and Debian Chromium on it — the
 * same launch as privateChat.test.ts. Nothing is left behind after `close()`.
 */
export async function startE2eApp(prefix: string): Promise<E2eApp> {
  if (!existsSync(join(RENDERER_DIR, "index.html")))
    throw new Error("The UI is not built: run `npm run build:renderer` (npm run test:e2e does).");
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), `tandem-e2e-${prefix}-`));
  const previousHome = process.env.TANDEM_HOME;
  process.env.TANDEM_HOME = dataDir;
  const host = await createHost({ dataDir, kind: "web", gpu: false, quiet: true });
  const web = await startWebHost({ host, rendererDir: RENDERER_DIR });
  const session = await launchChromium();
  const call = async <T>(channel: Channel, payload: unknown = {}): Promise<T> => {
    const result = (await host.handle(channel, payload)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return {
    dataDir,
    host,
    web,
    session,
    page: session.page,
    call,
    shot: async (name) => void (await session.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) })),
    close: async () => {
      // Every step runs even if an earlier one fails; the first failure is reported.
      const results = await settleInOrder([
        () => session.browser.close(),
        () => web.close(),
        () => host.close(),
        () => {
          if (previousHome === undefined) delete process.env.TANDEM_HOME;
          else process.env.TANDEM_HOME = previousHome;
          rmSync(dataDir, { recursive: true, force: true });
        },
      ]);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
      if (existsSync(dataDir)) throw new Error(`The test data directory was not removed: ${dataDir}`);
    },
  };
}

async function settleInOrder(steps: Array<() => unknown>): Promise<PromiseSettledResult<unknown>[]> {
  const results: PromiseSettledResult<unknown>[] = [];
  for (const step of steps) {
    try {
      results.push({ status: "fulfilled", value: await step() });
    } catch (reason) {
      results.push({ status: "rejected", reason });
    }
  }
  return results;
}
