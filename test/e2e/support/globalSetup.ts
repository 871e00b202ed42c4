import { chromiumExecutable } from "./chromiumExecutable";

/** Unpacks the packaged Chromium once, before any e2e file starts (see chromiumExecutable). */
export default async function setup(): Promise<void> {
  const exe = await chromiumExecutable();
  console.log(`e2e browser: ${exe.source} (${exe.path})`);
}
