/** When one answer was asked for, when each piece of it arrived where it is measured, and its token count. */
export interface RunTiming {
  sent: number;
  arrivals: number[];
  tokens: number;
}

/** Decode speed as the meter in native-models/generateReply.ts counts it: tokens after the first, over the time after the first. */
export function tokensPerSecond(run: RunTiming): number | null {
  const first = run.arrivals[0];
  const last = run.arrivals.at(-1);
  if (first === undefined || last === undefined || last <= first || run.tokens < 2) return null;
  return (run.tokens - 1) / ((last - first) / 1000);
}

export function firstTokenMs(run: RunTiming): number | null {
  const first = run.arrivals[0];
  return first === undefined ? null : first - run.sent;
}
