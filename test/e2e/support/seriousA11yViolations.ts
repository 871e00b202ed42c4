import axe from "axe-core";
import type { Page } from "playwright-core";

export interface A11yViolation {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements, with axe's reason for each. */
  nodes: string[];
}

type AxeWindow = { axe?: typeof axe };

/**
 * Runs axe-core (all its rules: WCAG 2.x A/AA and best practices) on the page as it is now and
 * returns the violations of impact "serious" or "critical". Motion is reduced first, so colours
 * are measured when they are final, not halfway through a theme transition. axe is evaluated
 * through the DevTools protocol, which the page's Content-Security-Policy does not block (an
 * injected <script> would be).
 */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
  await page.emulateMedia({ reducedMotion: "reduce" });
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const results = await (window as unknown as AxeWindow).axe!.run(document, { resultTypes: ["violations"] });
    return results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? "unknown",
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
