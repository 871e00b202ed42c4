import { describe, expect, it } from "vitest";
import { isAllowedSessionRequest } from "../../../../main/electron/security";

describe("requests from the app window's session", () => {
  it("allows the app's own files and blocks every network request", () => {
    expect(isAllowedSessionRequest("app://tandem/index.html")).toBe(true);
    expect(isAllowedSessionRequest("app://tandem/assets/index-abc.js")).toBe(true);
    expect(isAllowedSessionRequest("blob:app://tandem/6b1c2a4e-0000-4000-8000-000000000000")).toBe(true);
    expect(isAllowedSessionRequest("blob:https://evil.example/6b1c2a4e")).toBe(false);
    for (const url of [
      "https://api.openai.com/v1/chat/completions",
      "http://127.0.0.1:8080/",
      "ws://example.com/",
      "file:///etc/passwd",
      "app://other/index.html",
    ]) {
      expect(isAllowedSessionRequest(url)).toBe(false);
    }
  });

  it("allows inline data: images and the developer tools, but no address that merely ends or hides them", () => {
    expect(isAllowedSessionRequest("data:image/png;base64,iVBORw0KGgo=")).toBe(true);
    expect(isAllowedSessionRequest("devtools://devtools/bundled/inspector.html")).toBe(true);
    for (const url of [
      "https://evil.example/?next=data:",
      "https://evil.example/devtools://",
      "http:app://tandem/index.html",
    ])
      expect(isAllowedSessionRequest(url), url).toBe(false);
  });
});
