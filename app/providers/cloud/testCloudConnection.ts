import { toErrorData } from "../../contract/errors";
import type { ConnectionTestResult } from "./types";

interface Probe {
  readonly host: string;
  readonly model: string;
  listModels(): Promise<string[]>;
  /** A 1-token chat call with a fixed word. */
  oneToken(): Promise<unknown>;
}

/**
 * "Test connection" in Settings → Cloud: list the models; where the endpoint lists none (404) or
 * does not list the configured model, make a 1-token call with a fixed word — nothing of the
 * user's. Reports plainly and never throws.
 */
export async function testCloudConnection(provider: Probe): Promise<ConnectionTestResult> {
  let models: string[];
  try {
    models = await provider.listModels();
  } catch (error) {
    const data = toErrorData(error);
    if (data.code !== "cloud_model_not_found") return { ok: false, message: data.message };
    return oneTokenCall(
      provider,
      `Connected to ${provider.host}; it does not list models, but "${provider.model}" answered.`,
    );
  }
  if (models.includes(provider.model)) {
    return {
      ok: true,
      models,
      message: `Connected to ${provider.host}: ${count(models.length)} available, including "${provider.model}".`,
    };
  }
  const result = await oneTokenCall(
    provider,
    `Connected to ${provider.host}: "${provider.model}" answered, though it is not among the ${count(models.length)} listed.`,
  );
  return result.ok
    ? { ...result, models }
    : {
        ok: false,
        models,
        message: `Connected to ${provider.host}, but "${provider.model}" is not among the ${count(models.length)} it lists. ${result.message}`,
      };
}

async function oneTokenCall(provider: Probe, success: string): Promise<ConnectionTestResult> {
  try {
    await provider.oneToken();
    return { ok: true, message: success };
  } catch (error) {
    return { ok: false, message: toErrorData(error).message };
  }
}

function count(n: number): string {
  return n === 1 ? "1 model" : `${n} models`;
}
