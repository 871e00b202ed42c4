import { describe, expect, it } from "vitest";
import { tokenFromHash } from "../../../../renderer/src/api/tokenFromHash";

describe("tokenFromHash", () => {
  const token = "0123456789abcdef0123456789abcdef";

  it("reads the hex token the browser host puts in the link's fragment", () => {
    expect(tokenFromHash(`#token=${token}`)).toBe(token);
    expect(tokenFromHash(`#view=chat&token=${token}`)).toBe(token);
  });

  it("returns null when there is no token or it is not hex", () => {
    expect(tokenFromHash("")).toBeNull();
    expect(tokenFromHash("#")).toBeNull();
    expect(tokenFromHash("#token=")).toBeNull();
    expect(tokenFromHash("#token=not-a-token<script>")).toBeNull();
  });
});
