import type { Page } from "playwright-core";

/** One observation of the answer being written: when, and how long its text was. */
export interface StreamSample {
  at: number;
  length: number;
}

/**
 * Starts recording, inside the page, the length of the answer that is streaming after every DOM
 * change — so the test sees what the user saw, not what the host sent.
 */
export async function startRecordingStream(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: { at: number; length: number }[] = [];
    (globalThis as unknown as { __streamSamples: typeof samples }).__streamSamples = samples;
    new MutationObserver(() => {
      const body = document.querySelector(".message.from-assistant.status-streaming .message-body");
      const length = body?.textContent?.length ?? 0;
      if (body && length !== samples[samples.length - 1]?.length) samples.push({ at: performance.now(), length });
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export function readStreamSamples(page: Page): Promise<StreamSample[]> {
  return page.evaluate(
    () => (globalThis as unknown as { __streamSamples: { at: number; length: number }[] }).__streamSamples,
  );
}
