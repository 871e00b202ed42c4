import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Waits for "the next answer": a new answer article (not the one that was last before the
 * action — its class says "done" already) that has finished, stopped or failed.
 */
export function answers(page: Page) {
  const last = () => page.getByRole("article", { name: "Tandem answered" }).last();
  let before: string | null = null;
  return {
    last,
    /** Call right before the action (send, Regenerate) whose answer `next()` waits for. */
    async mark(): Promise<void> {
      before =
        (await page.getByRole("article", { name: "Tandem answered" }).count()) > 0
          ? await last().getAttribute("id")
          : null;
    },
    async next(timeout = 90_000): Promise<void> {
      await expect
        .poll(
          () =>
            last()
              .getAttribute("id")
              .catch(() => null),
          { timeout },
        )
        .not.toBe(before);
      await expect.poll(() => last().getAttribute("class"), { timeout }).toMatch(/status-(done|error|stopped)/);
    },
  };
}
