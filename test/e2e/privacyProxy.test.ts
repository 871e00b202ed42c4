import { createServer } from "node:net";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { echoLastUserMessage, startRecordingCloud, type RecordingCloud } from "../helpers/recordingCloud";
import { getRoomyTinyModelPath } from "./support/roomyTinyModel";
import { seriousA11yViolations } from "./support/seriousA11yViolations";
import { startE2eApp, type E2eApp } from "./support/startE2eApp";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Settings → Privacy proxy in the browser: off by default, turned on, used by an app, listed. */
describe("Settings → Privacy proxy", () => {
  let app: E2eApp;
  let page: Page;
  let cloud: RecordingCloud;
  let port: number;
  const section = () => page.getByRole("region", { name: "Privacy proxy" });

  beforeAll(async () => {
    cloud = await startRecordingCloud({ reply: echoLastUserMessage });
    app = await startE2eApp("proxy");
    page = app.page;
    port = await freePort();
    await app.call("models:add", { path: await getRoomyTinyModelPath() });
    await app.call("cloud:configure", { baseUrl: cloud.baseUrl, model: "test-model", apiKey: "sk-e2e-proxy" });
    await page.goto(app.web.url);
    await page.getByRole("button", { name: "Settings" }).click();
    await section().getByRole("heading", { name: "Privacy proxy" }).scrollIntoViewIfNeeded();
  });

  afterAll(async () => {
    await app?.close();
    await cloud?.close();
  });

  it("is off by default and says that no app can reach it", async () => {
    await expect
      .poll(() => section().getByRole("switch", { name: "Run the privacy proxy" }).getAttribute("aria-checked"))
      .toBe("false");
    await expect.poll(() => section().getByText("Off: no app can reach it.").isVisible()).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/v1/models`)).rejects.toThrow();
  });

  it("starts on the chosen port, shows the base URL and token, and the forwarded model", async () => {
    await section().getByLabel("Port (on 127.0.0.1)").fill(String(port));
    await section().getByRole("button", { name: "Save" }).click();
    await section().getByRole("switch", { name: "Run the privacy proxy" }).click();
    await expect
      .poll(() => section().getByRole("status").first().textContent())
      .toBe(`Running at http://127.0.0.1:${port}/v1`);
    await expect
      .poll(() =>
        section()
          .getByText(/Requests go to test-model at http:\/\/127\.0\.0\.1:\d+\/v1/)
          .isVisible(),
      )
      .toBe(true);
  });

  it("offers the 'auto' policy (Auto mode's rules decide per request) and keeps it after saving", async () => {
    await section().getByLabel("Private items").selectOption("auto");
    await section().getByRole("button", { name: "Save" }).click();
    await expect.poll(async () => (await app.call<{ policy: string }>("proxy:status")).policy).toBe("auto");
    await expect.poll(() => section().getByLabel("Private items").inputValue()).toBe("auto");
    await app.shot("privacy-proxy-auto");
    await section().getByLabel("Private items").selectOption("sanitize");
    await section().getByRole("button", { name: "Save" }).click();
    await expect.poll(async () => (await app.call<{ policy: string }>("proxy:status")).policy).toBe("sanitize");
  });

  it("lists an app that used it by its User-Agent, here and in the privacy log, after the answer came back restored", async () => {
    const token = (await section().locator(".proxy-connection dd code").nth(1).textContent())!;
    const text = "Remind Gary Thompson about the meeting.";
    const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "user-agent": "Continue/1.2 (VS Code)",
      },
      body: JSON.stringify({ model: "m", messages: [{ role: "user", content: text }] }),
    });
    expect(
      ((await res.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content,
    ).toBe(text);
    expect(cloud.receivedText()).not.toContain("Gary Thompson");
    await page.reload();
    await page.getByRole("button", { name: "Settings" }).click();
    await section().getByRole("heading", { name: "Privacy proxy" }).scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        section()
          .getByRole("table", { name: "Apps that used the proxy" })
          .getByText("Continue/1.2 (VS Code)")
          .isVisible(),
      )
      .toBe(true);
    await expect
      .poll(() =>
        page
          .getByRole("region", { name: "Privacy log" })
          .getByText("Privacy proxy: Continue/1.2 (VS Code)")
          .isVisible(),
      )
      .toBe(true);
    await section().getByRole("table", { name: "Apps that used the proxy" }).scrollIntoViewIfNeeded();
    await app.shot("privacy-proxy");
  });

  it("shows a request it refused in the privacy log: the app, 'refused', why and the kinds found, nothing of the text", async () => {
    await app.call("proxy:configure", { policy: "block" });
    const token = (await section().locator(".proxy-connection dd code").nth(1).textContent())!;
    const res = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "user-agent": "NotesApp/2.1" },
      body: JSON.stringify({
        model: "m",
        messages: [{ role: "user", content: "Forward this to gary.thompson@example.com please." }],
      }),
    });
    expect(res.status).toBe(403);
    await app.call("proxy:configure", { policy: "sanitize" });
    await page.reload();
    await page.getByRole("button", { name: "Settings" }).click();
    const log = page.getByRole("region", { name: "Privacy log" });
    await expect
      .poll(() => log.getByText("1 request left this device, 1 refused before sending, newest first.").isVisible())
      .toBe(true);
    const row = log.getByRole("row").filter({ hasText: "NotesApp/2.1" });
    expect(await row.getByText("Refused — not sent").isVisible()).toBe(true);
    expect(await row.textContent()).toContain("Privacy proxy: NotesApp/2.1");
    await row.getByRole("button", { name: "Show why" }).click();
    const why = log.getByText(/^Refused before sending:/);
    expect(await why.textContent()).toBe(
      "Refused before sending: the privacy proxy is set to block requests with private items. Found 1 e-mail address. Nothing left this device.",
    );
    expect(await log.textContent()).not.toContain("gary.thompson");
    await log.scrollIntoViewIfNeeded();
    await app.shot("privacy-log-refused");
  });

  it("has no serious accessibility violations, in the light and the dark theme", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      expect(await seriousA11yViolations(page), colorScheme).toEqual([]);
      if (colorScheme === "dark") await app.shot("privacy-proxy-dark");
    }
    await page.emulateMedia({ colorScheme: "light" });
  });

  it("stops when switched off, so nothing answers on the port any more", async () => {
    await section().getByRole("switch", { name: "Run the privacy proxy" }).click();
    await expect.poll(() => section().getByText("Off: no app can reach it.").isVisible()).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/v1/models`)).rejects.toThrow();
  });
});
