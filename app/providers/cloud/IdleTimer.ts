/**
 * Calls `onIdle` once if `touch()` is not called for `ms`. The SDK's own timeout stops at the
 * response headers, so a stream that goes silent halfway would otherwise hang forever.
 */
export class IdleTimer {
  fired = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ms: number,
    private readonly onIdle: () => void,
  ) {
    this.touch();
  }

  touch(): void {
    if (this.fired) return;
    this.stop();
    this.timer = setTimeout(() => {
      this.fired = true;
      this.onIdle();
    }, this.ms);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
