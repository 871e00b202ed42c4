/**
 * Bare node-llama-cpp: the model file loaded and answered with no Tandem code in between — the
 * ceiling the hosts are compared with. Same llama.cpp options as native-models/LlamaRuntime.ts
 * (prebuilt binaries, GPU "auto", no thread cap), same context size and threads, same chat
 * history (system prompt + the question), temperature 0.7 (the hosts' default) and token count.
 */
import {
  getLlama,
  LlamaChat,
  LlamaLogLevel,
  type ChatHistoryItem,
  type Llama,
  type LlamaContext,
  type LlamaModel,
} from "node-llama-cpp";
import type { RunTiming } from "./RunTiming";

export interface BareModel {
  loadMs: number;
  run(system: string, prompt: string, maxTokens: number): Promise<RunTiming>;
  dispose(): Promise<void>;
}

export async function loadBare(path: string, contextSize: number, threads: number): Promise<BareModel> {
  const llama: Llama = await getLlama({
    gpu: "auto",
    build: "never",
    skipDownload: true,
    progressLogs: false,
    maxThreads: 0,
    logLevel: LlamaLogLevel.error,
  });
  const started = performance.now();
  const model: LlamaModel = await llama.loadModel({ modelPath: path });
  const context: LlamaContext = await model.createContext({
    contextSize: Math.min(contextSize, model.trainContextSize),
    threads,
    sequences: 1,
  });
  const loadMs = performance.now() - started;
  // One chat kept across runs, as LlamaLocalModel keeps one: a repeated prompt prefix is reused by both.
  const chat = new LlamaChat({ contextSequence: context.getSequence() });
  return {
    loadMs,
    async run(system, prompt, maxTokens) {
      const history: ChatHistoryItem[] = [
        { type: "system", text: system },
        { type: "user", text: prompt },
        { type: "model", response: [] },
      ];
      const arrivals: number[] = [];
      let tokens = 0;
      const sent = performance.now();
      await chat.generateResponse(history, {
        maxTokens,
        temperature: 0.7,
        onToken: (t) => void (tokens += t.length),
        onTextChunk: () => void arrivals.push(performance.now()),
      });
      return { sent, arrivals, tokens };
    },
    async dispose() {
      chat.dispose();
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}
