// Per-account concurrency across processes: an account has N rows in job_slots; an item runs while
// holding one (claimed with FOR UPDATE SKIP LOCKED, leased, renewed by the holder's heartbeat, free
// again when the holder's lease expires). Within a process a released slot goes straight to the
// next item of the same account that is waiting (no round trip); when nobody waits here it is
// released for every process. One "pump" per account polls for a free slot while items wait.
import { log } from "@/lib/log";
import { acquireSlot, ensureSlots, releaseAllSlots, releaseSlot } from "../store";

type AccountState = { waiters: ((slot: number) => void)[]; pumping: boolean; ensured: number; wake?: () => void };

export class AccountSlots {
  private readonly accounts = new Map<number, AccountState>();
  private stopped = false;

  constructor(
    private readonly holder: string,
    private readonly options: { count: () => number; leaseMs: () => number; pollMs: number },
  ) {}

  async hold<T>(accountId: number, fn: () => Promise<T>): Promise<T> {
    const slot = await this.acquire(accountId);
    try {
      return await fn();
    } finally {
      this.release(accountId, slot);
    }
  }

  /** Items waiting for a slot in this process. */
  get waiting(): number {
    let n = 0;
    for (const state of this.accounts.values()) n += state.waiters.length;
    return n;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const state of this.accounts.values()) state.wake?.();
    await releaseAllSlots(this.holder);
  }

  private state(accountId: number): AccountState {
    let state = this.accounts.get(accountId);
    if (!state) this.accounts.set(accountId, (state = { waiters: [], pumping: false, ensured: 0 }));
    return state;
  }

  private acquire(accountId: number): Promise<number> {
    const state = this.state(accountId);
    return new Promise<number>((resolve) => {
      state.waiters.push(resolve);
      void this.pump(accountId, state);
    });
  }

  private release(accountId: number, slot: number): void {
    const state = this.state(accountId);
    const next = state.waiters.shift();
    if (next) return next(slot);
    releaseSlot(accountId, slot, this.holder).catch((error) => log.warn("could not release a job slot; its lease will expire", { accountId, slot, error }));
  }

  private async pump(accountId: number, state: AccountState): Promise<void> {
    if (state.pumping) return;
    state.pumping = true;
    try {
      while (state.waiters.length && !this.stopped) {
        try {
          const count = this.options.count();
          if (state.ensured < count) {
            await ensureSlots(accountId, count);
            state.ensured = count;
          }
          const slot = await acquireSlot(accountId, count, this.holder, this.options.leaseMs());
          if (slot !== null) {
            const waiter = state.waiters.shift();
            if (waiter) waiter(slot);
            else this.release(accountId, slot);
            continue;
          }
        } catch (error) {
          log.warn("job slot poll failed; trying again", { accountId, error });
        }
        await new Promise<void>((resolve) => {
          state.wake = resolve;
          setTimeout(resolve, this.options.pollMs);
        });
        state.wake = undefined;
      }
    } finally {
      state.pumping = false;
    }
  }
}
