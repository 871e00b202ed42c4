import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scenario } from "../../../bench/privacy/scenarioSchema";
import { fromScenario, type RoutingCase } from "../../../bench/routing/routingCases";
import { combineRouting, recorder, runRouting, type Recorder } from "../../../bench/routing/runRouting";
import { createCloudSender, type CloudSender } from "../../../bench/routing/sendToCloud";
import { startRecordingCloud, type RecordingCloud } from "../../helpers/recordingCloud";

const scenario = (id: string, instruction: string, privateItems: Scenario["private"], lang = "en"): RoutingCase =>
  fromScenario({ id, lang, profile: "", context: "", instruction, private: privateItems, public: [] });

/** Two recording clouds (Hybrid's, then Auto's), each with its sender, fresh for the describe block that asks. */
function useTwoClouds(): { clouds: RecordingCloud[]; senders: CloudSender[] } {
  const clouds: RecordingCloud[] = [];
  const senders: CloudSender[] = [];
  beforeAll(async () => {
    clouds.push(await startRecordingCloud(), await startRecordingCloud());
    senders.push(...clouds.map((c) => createCloudSender(c.baseUrl)));
  });
  afterAll(async () => {
    senders.forEach((s) => s.close());
    await Promise.all(clouds.map((c) => c.close()));
  });
  return { clouds, senders };
}

/** bench:routing counts leaks on what the recording servers received, per mode. */
describe("the routing benchmark", () => {
  const { clouds, senders } = useTwoClouds();

  it("counts items Hybrid sent as leaks; Auto keeps the message with an unknown word local and sends the one with an untyped number masked", async () => {
    const scenarios = [
      // The names step does not type a lowercase name in a capitalised message; the reference number is untyped too.
      scenario("en-leaky", "Please tell zbyszek that the parcel 48213 arrives on Monday.", [
        { text: "zbyszek", type: "PERSON" },
      ]),
      scenario("en-number", "Please tell the shop that the parcel 48213 arrives on Monday.", [
        { text: "48213", type: "ID" },
      ]),
      scenario("en-plain", "Write a short thank-you note to the neighbours for the flowers.", [
        { text: "Nobody Here", type: "PERSON" },
      ]),
    ];
    const result = await runRouting("test", scenarios, {
      hybrid: [senders[0]!, recorder(clouds[0]!)],
      auto: [senders[1]!, recorder(clouds[1]!)],
      nlp: true,
      context: true,
    });
    expect(clouds[0]!.receivedText()).toContain("zbyszek");
    expect(result.hybrid).toMatchObject({
      messages: 3,
      sentToCloud: 3,
      local: 0,
      leaked: 2,
      privateItems: 3,
      leakedByType: { PERSON: 1, ID: 1 },
    });
    expect(clouds[1]!.receivedText()).not.toMatch(/zbyszek|48213/);
    expect(clouds[1]!.receivedText()).toContain("the shop that the parcel");
    expect(clouds[1]!.requests).toHaveLength(2);
    expect(result.auto).toMatchObject({ messages: 3, sentToCloud: 2, local: 1, leaked: 0 });
    expect(result.masked).toBe(1);
    expect(result.ruleCounts["unclassified-tokens"]).toBe(1);
  });

  it("counts a message Auto kept on the device as local, with nothing received (the user's own rent)", async () => {
    const before = clouds[1]!.requests.length;
    const result = await runRouting(
      "test",
      [
        scenario("en-money", "Please tell the landlord that my rent of €850 is paid.", [
          { text: "850", type: "MONEY" },
        ]),
      ],
      {
        hybrid: [senders[0]!, recorder(clouds[0]!)],
        auto: [senders[1]!, recorder(clouds[1]!)],
        nlp: true,
        context: true,
      },
    );
    expect(clouds[1]!.requests).toHaveLength(before);
    expect(result.auto).toMatchObject({ messages: 1, local: 1, sentToCloud: 0, leaked: 0 });
    expect(result.ruleCounts["sensitive-content"]).toBe(1);
  });

  it("keeps a missed name that is also a word or is addressed in lowercase off the cloud Hybrid sent it to; a surname after 'Herrn' leaves as a placeholder in both; a holiday alone goes", async () => {
    const [hybridBefore, autoBefore] = clouds.map((c) => c.requests.length);
    const result = await runRouting(
      "test",
      [
        scenario("en-word-name", "Ask the bank to confirm the refund by letter to Hope at the old address.", [
          { text: "Hope", type: "PERSON" },
        ]),
        scenario(
          "de-title",
          "Schreib einen Widerspruch an Herrn Kranz gegen die Nebenkostenabrechnung.",
          [{ text: "Kranz", type: "PERSON" }],
          "de",
        ),
        scenario("en-addressee", "hey can you help me tell mark that i need parental leave from june", [
          { text: "mark", type: "PERSON" },
        ]),
        scenario("en-holiday", "Write to the school that he is off for Eid al-Fitr on Monday.", [
          { text: "Nobody Here", type: "PERSON" },
        ]),
      ],
      {
        hybrid: [senders[0]!, recorder(clouds[0]!)],
        auto: [senders[1]!, recorder(clouds[1]!)],
        nlp: true,
        context: true,
      },
    );
    const hybridText = recorder(clouds[0]!).receivedSince(hybridBefore!);
    expect(hybridText).toContain("letter to Hope at");
    expect(hybridText).toContain("an Herrn [PERSON_1] gegen");
    expect(hybridText).toContain("tell mark that");
    expect(result.hybrid.leaked).toBe(2);
    const autoText = recorder(clouds[1]!).receivedSince(autoBefore!);
    expect(autoText).not.toMatch(/Hope|Kranz|mark/);
    expect(autoText).toContain("off for Eid al-Fitr on Monday");
    expect(autoText).toContain("an Herrn [PERSON_1] gegen");
    expect(result.auto).toMatchObject({ messages: 4, local: 2, sentToCloud: 2, leaked: 0 });
    expect(result.kindCounts).toMatchObject({
      "given-name-word": 1,
      "after-title": 0,
      addressee: 1,
      "unknown-capitalised": 0,
    });
  });
});

describe("the routing benchmark: names written with dictionary words (issue #16, round 7)", () => {
  const { clouds, senders } = useTwoClouds();

  it("sends a run of capitalised words and a surname that is a word as placeholders in Auto, where Hybrid sent them as written", async () => {
    const result = await runRouting(
      "test",
      [
        scenario("en-run", "Please write a cover letter: the people at Clean Power Finance want one by Friday.", [
          { text: "Clean Power Finance", type: "ORG" },
        ]),
        scenario("en-part", "Thank you, Baker, for the flowers you left at the door.", [
          { text: "Baker", type: "PERSON" },
        ]),
      ],
      {
        hybrid: [senders[0]!, recorder(clouds[0]!)],
        auto: [senders[1]!, recorder(clouds[1]!)],
        nlp: true,
        context: true,
      },
    );
    expect(clouds[0]!.receivedText()).toContain("the people at Clean Power Finance want");
    expect(clouds[0]!.receivedText()).toContain("Thank you, Baker,");
    expect(result.hybrid).toMatchObject({ sentToCloud: 2, leaked: 2 });
    const autoText = clouds[1]!.receivedText();
    expect(autoText).not.toMatch(/Clean Power Finance|Baker/);
    expect(autoText).toContain("the people at [OTHER_1] want");
    expect(autoText).toContain("Thank you, [OTHER_1], for the flowers");
    expect(result.auto).toMatchObject({ sentToCloud: 2, local: 0, leaked: 0 });
    expect(result.masked).toBe(2);
  });
});

describe("the routing benchmark on real user data (PUPA)", () => {
  const { clouds, senders } = useTwoClouds();

  it("shows an item the cloud received from a real-data message only as its letter mask, and sums two halves into one total", async () => {
    const real: RoutingCase = {
      ...scenario("en-real", "Please tell zbyszek that the parcel arrives on Monday.", []),
      private: [{ text: "zbyszek", type: "one_word" }],
      realData: true,
    };
    const clouds2 = {
      hybrid: [senders[0]!, recorder(clouds[0]!)] as [CloudSender, Recorder],
      auto: [senders[1]!, recorder(clouds[1]!)] as [CloudSender, Recorder],
      nlp: true,
      context: true,
    };
    const first = await runRouting("first", [real], clouds2);
    const second = await runRouting(
      "second",
      [scenario("en-synthetic", "Please tell zbyszek the parcel is late.", [{ text: "zbyszek", type: "PERSON" }])],
      clouds2,
    );
    expect(first.hybrid.leaks).toEqual([{ id: "en-real", type: "one_word", shown: "aaaaaaa" }]);
    expect(second.hybrid.leaks).toEqual([{ id: "en-synthetic", type: "PERSON", shown: "zbyszek" }]);
    const all = combineRouting("all", [first, second]);
    expect(all).toMatchObject({ label: "all", scenarios: 2 });
    expect(all.hybrid).toMatchObject({ messages: 2, leaked: 2, leakedByType: { one_word: 1, PERSON: 1 } });
    expect(all.auto.messages).toBe(2);
    expect(all.ruleCounts["unclassified-tokens"]).toBe(
      first.ruleCounts["unclassified-tokens"] + second.ruleCounts["unclassified-tokens"],
    );
  });
});

describe("the routing benchmark's readability report (issue #16, round 9)", () => {
  const { clouds, senders } = useTwoClouds();

  it("counts the public phrases of messages that reached the cloud intact, per mode, and which masking rule replaced words", async () => {
    const withPublic = (s: RoutingCase, phrases: string[]): RoutingCase => ({ ...s, public: phrases });
    const result = await runRouting(
      "test",
      [
        // Auto masks the run (and with it the phrase "Clean Power Finance", written as public here on purpose).
        withPublic(
          scenario("en-run", "Please write a cover letter: the people at Clean Power Finance want one by Friday.", [
            { text: "Nobody Here", type: "PERSON" },
          ]),
          ["cover letter", "Clean Power Finance", "by Friday"],
        ),
        withPublic(
          scenario("en-part", "Thank you, Baker, for the flowers you left at the door.", [
            { text: "Baker", type: "PERSON" },
          ]),
          ["the flowers"],
        ),
        // Kept on the device in Auto (the user's rent): its phrase counts for Hybrid only, which sent it.
        withPublic(
          scenario("en-money", "Please tell the landlord that my rent of €850 is paid.", [
            { text: "850", type: "MONEY" },
          ]),
          ["the landlord"],
        ),
        // A public phrase only in the notes is never sent: not counted.
        {
          ...withPublic(scenario("en-notes", "Summarise the notes.", [{ text: "Nobody", type: "PERSON" }]), ["Paris"]),
          context: "Trip notes: Paris in May, the museums first.",
        },
      ],
      {
        hybrid: [senders[0]!, recorder(clouds[0]!)],
        auto: [senders[1]!, recorder(clouds[1]!)],
        nlp: true,
        context: true,
      },
    );
    expect(result.hybrid).toMatchObject({ sentToCloud: 4, publicPhrases: 5, publicKept: 5 });
    expect(result.auto).toMatchObject({ sentToCloud: 3, local: 1, publicPhrases: 4, publicKept: 3 });
    expect(clouds[1]!.receivedText()).toContain("the people at [OTHER_1] want");
    expect(result.maskedMessages).toMatchObject({ "capitalised-run": 1, "name-part-word": 1, "capitalised-word": 0 });
    expect(result.maskedTokens).toMatchObject({ "capitalised-run": 1, "name-part-word": 1 });
    const all = combineRouting("all", [result, result]);
    expect(all.auto).toMatchObject({ publicPhrases: 8, publicKept: 6 });
    expect(all.maskedMessages["capitalised-run"]).toBe(2);
  });
});
