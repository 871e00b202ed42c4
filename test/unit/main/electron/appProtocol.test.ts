import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentTypeOf, createAppProtocolHandler, resolveAppFile } from "../../../../main/electron/appProtocol";
import { CONTENT_SECURITY_POLICY } from "../../../../main/electron/security";

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "tandem-app-protocol-"));
  root = join(base, "renderer");
  mkdirSync(join(root, "assets"), { recursive: true });
  writeFileSync(join(root, "index.html"), "<!doctype html><title>Tandem</title>");
  writeFileSync(join(root, "assets", "index-abc.js"), "console.log(1)");
  // A file right next to the renderer dir: what a traversal would try to reach.
  writeFileSync(join(base, "secret.txt"), "private");
  writeFileSync(join(base, "renderer-evil.txt"), "private");
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe("resolveAppFile", () => {
  it("maps app://tandem/ paths to files of the renderer build, / to index.html", () => {
    expect(resolveAppFile("app://tandem/", root)).toBe(join(root, "index.html"));
    expect(resolveAppFile("app://tandem", root)).toBe(join(root, "index.html"));
    expect(resolveAppFile("app://tandem/assets/index-abc.js?v=1#x", root)).toBe(join(root, "assets", "index-abc.js"));
  });

  it("never resolves outside the renderer build, however the path is encoded", () => {
    for (const url of [
      "app://tandem/../secret.txt",
      "app://tandem/%2e%2e/secret.txt",
      "app://tandem/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
      "app://tandem/assets/..%2f..%2fsecret.txt",
      "app://tandem/..%5csecret.txt",
      "app://tandem/../renderer-evil.txt",
    ]) {
      const file = resolveAppFile(url, root);
      // The URL parser folds a leading ".." into the root; what is left must stay inside it.
      if (file !== null) expect(file.startsWith(root + sep), url).toBe(true);
      expect(file, url).not.toBe(join(base, "secret.txt"));
    }
  });

  it("refuses encoded slashes, backslashes, NUL bytes and malformed escapes outright", () => {
    for (const url of [
      "app://tandem/assets/..%2f..%2fsecret.txt",
      "app://tandem/..%5csecret.txt",
      "app://tandem/%00index.html",
      "app://tandem/%E0%A4%A",
    ]) {
      expect(resolveAppFile(url, root), url).toBeNull();
    }
  });

  it("serves nothing for another origin or scheme", () => {
    expect(resolveAppFile("app://other/index.html", root)).toBeNull();
    expect(resolveAppFile(`file://${join(root, "index.html")}`, root)).toBeNull();
    expect(resolveAppFile("https://tandem/index.html", root)).toBeNull();
  });
});

describe("the app:// protocol handler", () => {
  it("serves the page with its content type and the CSP header", async () => {
    const response = await createAppProtocolHandler(root)(new Request("app://tandem/index.html"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toContain("<title>Tandem</title>");
  });

  it("serves scripts as JavaScript so the CSP's script-src 'self' can load them", async () => {
    const response = await createAppProtocolHandler(root)(new Request("app://tandem/assets/index-abc.js"));
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await response.text()).toBe("console.log(1)");
  });

  it("answers 404 for missing files, directories and traversal attempts, 405 for writes", async () => {
    const handle = createAppProtocolHandler(root);
    expect((await handle(new Request("app://tandem/missing.js"))).status).toBe(404);
    expect((await handle(new Request("app://tandem/assets/"))).status).toBe(404);
    const traversal = await handle(new Request("app://tandem/%2e%2e/secret.txt"));
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain("private");
    expect((await handle(new Request("app://tandem/index.html", { method: "POST", body: "x" }))).status).toBe(405);
  });

  it("knows the types of the files a Vite build emits", () => {
    expect(contentTypeOf("a.css")).toBe("text/css; charset=utf-8");
    expect(contentTypeOf("a.SVG")).toBe("image/svg+xml");
    expect(contentTypeOf("a.woff2")).toBe("font/woff2");
    expect(contentTypeOf("a.unknown")).toBe("application/octet-stream");
  });
});
