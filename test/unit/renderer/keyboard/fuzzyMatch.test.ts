import { describe, expect, it } from "vitest";
import { fuzzyScore, rankMatches } from "../../../../renderer/src/keyboard/fuzzyMatch";

const COMMANDS = [
  "Stop the answer",
  "Open Settings",
  "New conversation",
  "Turn Offline mode on or off",
  "Open My context",
];

describe("fuzzy filtering in the command palette", () => {
  it("matches letters in order, ignoring case and spaces", () => {
    expect(fuzzyScore("nwcv", "New conversation")).not.toBeNull();
    expect(fuzzyScore("NEW CONV", "New conversation")).not.toBeNull();
    expect(fuzzyScore("vcwn", "New conversation")).toBeNull();
  });

  it("ranks word starts above letters scattered inside words", () => {
    expect(rankMatches("op set", COMMANDS, (c) => c)[0]).toBe("Open Settings");
    expect(rankMatches("off", COMMANDS, (c) => c)[0]).toBe("Turn Offline mode on or off");
  });

  it("puts a conversation whose title contains the words first", () => {
    const titles = ["Garden plan", "Bravo garden notes", "Birthday gifts"];
    expect(rankMatches("garden notes", titles, (t) => t)).toEqual(["Bravo garden notes"]);
    expect(rankMatches("garden", titles, (t) => t)[0]).toBe("Garden plan");
  });

  it("keeps everything, in order, for an empty query", () => {
    expect(rankMatches("  ", COMMANDS, (c) => c)).toEqual(COMMANDS);
  });
});
