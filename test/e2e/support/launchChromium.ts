import { chromium, type Browser, type Page } from "playwright-core";

import { chromiumExecutable } from "./chromiumExecutable";

/** Flags that keep Chromium from calling home: the e2e tests must not touch the network. */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Chromium reports this for our <meta> CSP; the browser host sends frame-ancestors as a header. */
const IGNORED_CONSOLE = [/'frame-ancestors' is ignored when delivered via a <meta> element/];

export interface BrowserSession {
  browser: Browser;
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
}

export async function launchChromium(): Promise<BrowserSession> {
  // Debian's Chromium when present, else the one @sparticuz/chromium ships; never a download.
  const exe = await chromiumExecutable();
  const browser = await chromium.launch({ executablePath: exe.path, args: ARGS, env: { ...process.env, ...exe.env } });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && !IGNORED_CONSOLE.some((re) => re.test(text))) problems.push(`console: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return { browser, page, problems };
}
