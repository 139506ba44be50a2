// Interactive transactions of one process wait their turn here rather than in Prisma's pool, where
// waiting longer than `maxWait` fails them ("Unable to start a transaction in the given time").
// A couple of connections stay free for the reads that run beside the transactions; work from
// many accounts at once then queues instead of timing out.
import { env } from "@/lib/config/env";
import { Semaphore } from "@/lib/utils/semaphore";

const state = globalThis as unknown as { __transactionGate?: Semaphore };

export function withTransactionSlot<T>(fn: () => Promise<T>): Promise<T> {
  state.__transactionGate ??= new Semaphore(() => env.DATABASE_POOL_SIZE - 2);
  return state.__transactionGate.use(fn);
}
