import { describe, expect, it } from "vitest";
import { KeyedMutex } from "../../../app/privacy";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe("KeyedMutex", () => {
  it("runs the tasks of one key one at a time, in the order they asked, even across awaits", async () => {
    const mutex = new KeyedMutex();
    const events: string[] = [];
    let inside = 0;
    const task = (n: number) => async () => {
      inside++;
      expect(inside).toBe(1);
      events.push(`start ${n}`);
      await tick();
      events.push(`end ${n}`);
      inside--;
      return n;
    };
    const results = await Promise.all([1, 2, 3].map((n) => mutex.run("chat", task(n))));
    expect(results).toEqual([1, 2, 3]);
    expect(events).toEqual(["start 1", "end 1", "start 2", "end 2", "start 3", "end 3"]);
  });

  it("never makes another key wait", async () => {
    const mutex = new KeyedMutex();
    let release!: () => void;
    const held = mutex.run("a", () => new Promise<void>((resolve) => (release = resolve)));
    await expect(mutex.run("b", () => "b done")).resolves.toBe("b done");
    release();
    await held;
  });

  it("passes a task's error to its caller and still runs the next task of the key", async () => {
    const mutex = new KeyedMutex();
    const failed = mutex.run("chat", () => {
      throw new Error("boom");
    });
    const next = mutex.run("chat", () => "next");
    await expect(failed).rejects.toThrow("boom");
    await expect(next).resolves.toBe("next");
  });

  it("forgets a key once its queue is empty", async () => {
    const mutex = new KeyedMutex();
    await Promise.all([mutex.run("a", tick), mutex.run("a", tick), mutex.run("b", tick)]);
    expect(mutex.busyKeys).toBe(0);
  });
});
