import { PassThrough } from "node:stream";
import type { Result } from "../../../../app/contract/errors";
import { chatCommand } from "../../../../main/cli/commands/chat";
import { createHost } from "../../../../main/host/createHost";

export interface ChatRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `chat` in this process — the same function `npm run cli -- chat` calls — with captured
 * output, so mutation testing sees which code ran (a child process's coverage is invisible to it).
 * `onStdout` gets each piece written to stdout as it is written (to act mid-answer).
 */
export async function chatInProcess(
  home: string,
  args: string[],
  onStdout: (piece: string) => void = () => {},
): Promise<ChatRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on("data", (c: Buffer) => {
    out.push(c);
    onStdout(c.toString("utf8"));
  });
  stderr.on("data", (c: Buffer) => err.push(c));
  const code = await chatCommand(args, { stdin: new PassThrough(), stdout, stderr, dataDir: home });
  // PassThrough delivers "data" on a later tick: let the last pieces arrive.
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}

/** Calls the host of a data folder (between CLI runs, which open and close their own host); returns the last reply. */
export async function withHost<T>(home: string, calls: Array<[string, unknown]>): Promise<T> {
  const host = await createHost({ dataDir: home, kind: "cli", gpu: false, quiet: true });
  try {
    let last: unknown;
    for (const [channel, payload] of calls) {
      const result = (await host.handle(channel as never, payload)) as Result<unknown>;
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
      last = result.value;
    }
    return last as T;
  } finally {
    await host.close();
  }
}
