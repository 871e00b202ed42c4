import { afterAll, beforeAll } from "vitest";
import { replyWithPlaceholders, startRecordingCloud, type RecordingCloud } from "./recordingCloud";

/**
 * A recording cloud on 127.0.0.1 for the whole describe block, answering with the placeholders it
 * received (`replyWithPlaceholders`): started before its tests, closed after them. Returns the
 * running cloud (call it inside a test). A separate file, because benchmarks import recordingCloud
 * outside vitest.
 */
export function useRecordingCloud(): () => RecordingCloud {
  let cloud: RecordingCloud | undefined;
  beforeAll(async () => {
    cloud = await startRecordingCloud({ reply: replyWithPlaceholders });
  });
  afterAll(async () => {
    await cloud?.close();
  });
  return () => {
    if (!cloud) throw new Error("The recording cloud is not running: use it inside a test.");
    return cloud;
  };
}
