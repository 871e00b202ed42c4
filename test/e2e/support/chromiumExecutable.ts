/**
 * Which Chromium the e2e tests drive. Nothing is installed by hand for `npm test` (issue #12):
 *
 *   1. TANDEM_CHROMIUM, when set (any Chromium or Chrome binary);
 *   2. Debian's Chromium at /usr/bin/chromium, when present;
 *   3. the Chromium that the npm package @sparticuz/chromium ships inside itself (brotli-packed),
 *      unpacked once into test/.cache/ — from the registry, never a browser download of a test tool.
 *
 * The package unpacks into os.tmpdir() and treats any file already there as complete, so a run
 * killed mid-unpack would leave a broken binary behind. We unpack into a fresh staging folder
 * (TMPDIR pointed at it) and rename it into place only when it is complete.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const CACHE = join(REPO, "test/.cache");

export interface ChromiumExecutable {
  path: string;
  /** Extra environment for the browser process (the packaged build brings its own fonts). */
  env: Record<string, string>;
  source: "TANDEM_CHROMIUM" | "debian" | "@sparticuz/chromium";
}

export async function chromiumExecutable(): Promise<ChromiumExecutable> {
  const configured = process.env["TANDEM_CHROMIUM"];
  if (configured) {
    if (!existsSync(configured))
      throw new Error(`TANDEM_CHROMIUM=${configured} does not exist. Point it at a Chromium binary or unset it.`);
    return { path: configured, env: {}, source: "TANDEM_CHROMIUM" };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, env: {}, source: "debian" };
  const dir = await unpackedSparticuz();
  return { path: join(dir, "chromium"), env: { FONTCONFIG_PATH: join(dir, "fonts") }, source: "@sparticuz/chromium" };
}

async function unpackedSparticuz(): Promise<string> {
  const manifest = join(REPO, "node_modules/@sparticuz/chromium/package.json");
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  const final = join(CACHE, `sparticuz-chromium-${version}`);
  if (existsSync(join(final, "chromium"))) return final;
  const staging = `${final}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const savedTmp = process.env["TMPDIR"];
  process.env["TMPDIR"] = staging;
  try {
    const { default: Chromium } = await import("@sparticuz/chromium");
    await Chromium.executablePath();
  } finally {
    if (savedTmp === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = savedTmp;
  }
  if (!existsSync(join(staging, "chromium")))
    throw new Error(`@sparticuz/chromium did not unpack a chromium binary into ${staging}.`);
  // The package's fonts.conf names /tmp/fonts (AWS Lambda's layout): point it at where they are.
  writeFileSync(join(staging, "fonts/fonts.conf"), fontsConf(final));
  try {
    renameSync(staging, final);
  } catch (error) {
    // Another process finished first: use its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(final, "chromium"))) throw error;
  }
  return final;
}

function fontsConf(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${join(dir, "fonts/fonts")}</dir>
  <dir>/usr/share/fonts</dir>
  <cachedir>${join(dir, "fonts-cache")}</cachedir>
</fontconfig>
`;
}
