import type { Page } from "playwright-core";

/**
 * Starts recording, inside the page, every step label that shows as active (or failed) in an
 * answer's progress line, in order — so a test sees the stages the user saw, even those that
 * last only a few frames.
 */
export async function startRecordingSteps(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __steps: string[] }).__steps = seen;
    const note = (label: string) => {
      if (seen[seen.length - 1] !== label) seen.push(label);
    };
    new MutationObserver(() => {
      for (const el of document.querySelectorAll(
        ".progress-line .step-active, .progress-line .step-failed, .progress-line .step-fallback",
      )) {
        const label = el.textContent?.replace(/\s*\((failed|skipped)\)$/, "").trim() ?? "";
        const state = el.classList.contains("step-failed") ? "failed" : "active";
        note(`${label}: ${state}`);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

export function readSteps(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as unknown as { __steps: string[] }).__steps);
}
