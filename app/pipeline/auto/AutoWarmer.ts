import { warmUpAuto, type AutoWarmUp, type WarmUpOptions, type WarmUpStep } from "./warmUpAuto";

export interface AutoWarmerDeps {
  /** Whether a cloud model is set up: only then is Auto the default mode, so only then is warming worth it. */
  cloudConfigured(): boolean;
  /** The locale whose dictionary Auto would load (Settings → language). */
  locale(): string;
  /** Called once per finished warm-up with its steps (names and times only). Default: nothing. */
  onDone?(steps: WarmUpStep[], locale: string): void;
  /** Starts one warm-up. Default `warmUpAuto`. */
  warmUp?(locale: string, options: WarmUpOptions): AutoWarmUp;
}

/**
 * Starts Auto's background warm-up (warmUpAuto) whenever it would help: at start with a cloud
 * model already set up, and as soon as the settings gain one mid-session — otherwise the first
 * Auto message after setting up the cloud pays the 2–5 s of loading. Idempotent: one warm-up per
 * locale, never two at once (a locale changed meanwhile is warmed after the running one), and
 * none while no cloud model is set up (offline-only setups never load Auto's vocabularies early).
 */
export class AutoWarmer {
  private running: AutoWarmUp | null = null;
  private readonly warmed = new Set<string>();
  private closed = false;

  constructor(private readonly deps: AutoWarmerDeps) {}

  /** Whether a warm-up finished for the current locale (the engine is ready for Auto's first message). */
  get ready(): boolean {
    return this.warmed.has(this.deps.locale());
  }

  /** Whether a warm-up is running now. */
  get busy(): boolean {
    return this.running !== null;
  }

  /**
   * Starts a warm-up if one is due (cloud set up, this locale not warmed, none running).
   * `delayMs`: the wait before its first step (start-up lets the window paint first). Returns
   * the warm-up it started, or null.
   */
  check(delayMs = 0): AutoWarmUp | null {
    if (this.closed || this.running || !this.deps.cloudConfigured()) return null;
    const locale = this.deps.locale();
    if (this.warmed.has(locale)) return null;
    const warmUp = (this.deps.warmUp ?? warmUpAuto)(locale, { delayMs });
    this.running = warmUp;
    void warmUp.done.then((steps) => {
      this.running = null;
      if (this.closed) return;
      this.warmed.add(locale);
      this.deps.onDone?.(steps, locale);
      // The settings may have changed while it ran (another language): warm that one too.
      this.check();
    });
    return warmUp;
  }

  /** Stops the running warm-up before its next step and starts no more (a host closing). */
  close(): void {
    this.closed = true;
    this.running?.cancel();
  }
}
