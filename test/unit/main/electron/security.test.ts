import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { APP_URL } from "../../../../main/electron/appOrigin";
import {
  CONTENT_SECURITY_POLICY,
  decideNavigation,
  decideWindowOpen,
  isAllowedNavigation,
  isPermissionAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  withCsp,
} from "../../../../main/electron/security";

describe("the content security policy", () => {
  it("is the same policy as the renderer page's meta tag", () => {
    const html = readFileSync(new URL("../../../../renderer/index.html", import.meta.url), "utf8");
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  it("allows scripts only from the app itself and forbids plugins, base tags, framing and forms", () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split("; ").map((d) => [d.split(" ")[0], d] as const));
    expect(directives.get("script-src")).toBe("script-src 'self'");
    expect(directives.get("object-src")).toBe("object-src 'none'");
    expect(directives.get("base-uri")).toBe("base-uri 'none'");
    expect(directives.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directives.get("form-action")).toBe("form-action 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-eval");
  });

  it("replaces a weaker policy a response already carries, whatever the header's case", () => {
    const headers = withCsp({ "content-security-policy": ["default-src *"], "Content-Type": ["text/html"] });
    expect(headers).toEqual({ "Content-Type": ["text/html"], "Content-Security-Policy": [CONTENT_SECURITY_POLICY] });
  });

  it("adds the policy to a response that had no headers", () => {
    expect(withCsp(undefined)).toEqual({ "Content-Security-Policy": [CONTENT_SECURITY_POLICY] });
  });
});

describe("external links", () => {
  it("may open http and https pages in the browser", () => {
    expect(isSafeExternalUrl("https://example.org/docs?q=1#top")).toBe(true);
    expect(isSafeExternalUrl("http://example.org")).toBe(true);
  });

  it("never open local files, scripts, data URLs or other schemes", () => {
    for (const url of [
      "file:///etc/passwd",
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "smb://server/share",
      "ms-msdt:/id PCWDiagnostic",
      "vbscript:msgbox(1)",
      "app://tandem/index.html",
      "chrome://settings",
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it("are refused when they carry credentials or are not URLs at all", () => {
    expect(isSafeExternalUrl("https://user:secret@example.org/")).toBe(false);
    expect(isSafeExternalUrl("https://user@example.org/")).toBe(false);
    expect(isSafeExternalUrl("https://:secret@example.org/")).toBe(false);
    expect(isSafeExternalUrl("https://")).toBe(false);
    expect(isSafeExternalUrl("not a url")).toBe(false);
    expect(isSafeExternalUrl("")).toBe(false);
  });
});

describe("navigation", () => {
  it("stays allowed within the same document (a #fragment change)", () => {
    expect(isAllowedNavigation(`${APP_URL}#settings`, APP_URL)).toBe(true);
    expect(decideNavigation(`${APP_URL}#a`, `${APP_URL}#b`)).toBe("allow");
  });

  it("is blocked to another page of the app, another origin, or a local file", () => {
    expect(decideNavigation("app://tandem/other.html", APP_URL)).toBe("block");
    expect(decideNavigation("app://evil/index.html", APP_URL)).toBe("block");
    expect(decideNavigation("file:///home/user/index.html", APP_URL)).toBe("block");
    expect(decideNavigation("javascript:alert(1)", APP_URL)).toBe("block");
    // A malformed address is refused, not an exception thrown before the navigation is prevented.
    expect(decideNavigation("http://[bad", APP_URL)).toBe("block");
  });

  it("to a web page is handed to the user's browser instead of the app window", () => {
    expect(decideNavigation("https://example.org/", APP_URL)).toBe("open-external");
  });

  it("is never 'same document' when the current page is not ours", () => {
    expect(isAllowedNavigation("https://example.org/#x", "https://example.org/")).toBe(false);
  });
});

describe("new windows", () => {
  it("are never opened by the app; safe links go to the browser", () => {
    expect(decideWindowOpen("https://example.org/")).toBe("open-external");
    expect(decideWindowOpen(APP_URL)).toBe("block");
    expect(decideWindowOpen("about:blank")).toBe("block");
    expect(decideWindowOpen("file:///etc/passwd")).toBe("block");
  });
});

describe("permissions", () => {
  it("are denied by default, even to the app's own page", () => {
    for (const permission of [
      "media",
      "geolocation",
      "notifications",
      "clipboard-read",
      "openExternal",
      "fullscreen",
      "unknown",
    ]) {
      expect(isPermissionAllowed(permission, APP_URL), permission).toBe(false);
    }
  });

  it("allow writing to the clipboard (the Copy button) only to the app's own origin", () => {
    expect(isPermissionAllowed("clipboard-sanitized-write", APP_URL)).toBe(true);
    expect(isPermissionAllowed("clipboard-sanitized-write", "app://tandem")).toBe(true);
    expect(isPermissionAllowed("clipboard-sanitized-write", "https://example.org")).toBe(false);
    expect(isPermissionAllowed("clipboard-sanitized-write", "")).toBe(false);
  });
});

describe("IPC senders", () => {
  it("are trusted only when the frame shows the app's own page", () => {
    expect(isTrustedSender(APP_URL)).toBe(true);
    expect(isTrustedSender(`${APP_URL}#chat`)).toBe(true);
  });

  it("are refused from other origins, local files, credentials tricks, or a vanished frame", () => {
    for (const url of [
      "https://example.org/",
      "file:///work/dist/renderer/index.html",
      "app://tandem.evil/index.html",
      "app://user@tandem/index.html",
      "about:blank",
      "",
      null,
      undefined,
    ]) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });
});
