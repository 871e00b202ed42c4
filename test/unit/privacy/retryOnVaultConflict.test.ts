import { describe, expect, it } from "vitest";
import { retryOnVaultConflict, retryOnVaultConflictAsync, VaultConflictError } from "../../../app/privacy";

/** A writer that loses the race `losses` times, then saves: what each attempt saw is recorded. */
function racingWriter(losses: number) {
  const attempts: number[] = [];
  const run = (n: number) => {
    attempts.push(n);
    if (n <= losses) throw new VaultConflictError("chat");
    return `saved on attempt ${n}`;
  };
  return { attempts, run };
}

describe("retrying work whose vault save another writer refused", () => {
  it("runs the work again until a save goes through, telling each retry", () => {
    const writer = racingWriter(2);
    const told: number[] = [];
    const result = retryOnVaultConflict({ attempts: 3, onConflict: (n) => told.push(n) }, writer.run);
    expect(result).toBe("saved on attempt 3");
    expect(writer.attempts).toEqual([1, 2, 3]);
    expect(told).toEqual([1, 2]);
  });

  it("gives up after the allowed attempts and throws the conflict, so the caller can fail safe", () => {
    const writer = racingWriter(5);
    expect(() => retryOnVaultConflict({ attempts: 3 }, writer.run)).toThrow(VaultConflictError);
    expect(writer.attempts).toEqual([1, 2, 3]);
  });

  it("never retries another error: it is thrown from the first attempt", () => {
    let runs = 0;
    const broken = () => {
      runs++;
      throw new Error("disk full");
    };
    expect(() => retryOnVaultConflict({ attempts: 3 }, broken)).toThrow("disk full");
    expect(runs).toBe(1);
  });

  it("does the same for work that awaits between loading and saving", async () => {
    const writer = racingWriter(1);
    const slow = async (n: number) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return writer.run(n);
    };
    await expect(retryOnVaultConflictAsync({ attempts: 2 }, slow)).resolves.toBe("saved on attempt 2");
    const loser = racingWriter(9);
    await expect(retryOnVaultConflictAsync({ attempts: 2 }, async (n) => loser.run(n))).rejects.toThrow(
      VaultConflictError,
    );
    expect(loser.attempts).toEqual([1, 2]);
    await expect(
      retryOnVaultConflictAsync({ attempts: 3 }, async () => {
        throw new Error("disk full");
      }),
    ).rejects.toThrow("disk full");
  });
});
