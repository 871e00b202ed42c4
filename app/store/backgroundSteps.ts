/**
 * What the store's background work (SearchWarmUp, StoreMaintenance) reports about its steps:
 * the CPU they used and the longest one, i.e. how long the thread was busy at a time.
 */
export interface StepTimes {
  /** CPU spent in the steps themselves (this process, user + system). */
  cpuMs: number;
  /** The longest step: wall (includes waiting for a core), and CPU. */
  longestStepMs: number;
  longestStepCpuMs: number;
}

/** Runs one step, adding its CPU to `times` and keeping the longest; returns what the step returned. */
export function timeStep<T>(times: StepTimes, step: () => T): T {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = step();
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  times.cpuMs += cpuMs;
  times.longestStepMs = Math.max(times.longestStepMs, performance.now() - started);
  times.longestStepCpuMs = Math.max(times.longestStepCpuMs, cpuMs);
  return result;
}

/** One turn of the event loop (`setImmediate`): pending I/O, an IPC message or a request, runs before the next step. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
