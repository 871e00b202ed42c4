import type { Page, Route } from "playwright-core";

/**
 * Lets the page's first request to `path` reach the host at once, but hands the page its reply only
 * on `release()` — a slow connection, so the tests can put events and replies in the order a loaded
 * machine sometimes does.
 */
export async function holdFirstReply(page: Page, path: string): Promise<{ release(): void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await page.route(
    (url) => url.pathname === path,
    async (route: Route) => {
      if (held) return route.continue();
      held = true;
      const response = await route.fetch();
      await released;
      await route.fulfill({ response });
    },
  );
  return { release };
}
