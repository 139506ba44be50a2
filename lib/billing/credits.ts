// The one credit service: check, deduct, add, calculate. Every change of Account.credits goes
// through here and lands in the ledger (credit_transactions) with the balance after it.
//
// Raw SQL on purpose (reviewed place, see lib/db/README.md): the deduction must be one atomic
// `UPDATE … WHERE credits >= n RETURNING credits`, so concurrent charges can never take the
// balance below zero, and the ledger row must be written in the same transaction. Callers pass
// the transaction they save their work in, so "work saved" and "credits charged" commit together.
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreditTransactionType } from "@/lib/generated/prisma/enums";
import { InsufficientCreditsError } from "@/lib/errors";
import { calculateCredits, costUsd, type Operation, type Usage } from "./prices";

export { calculateCredits };

/** Anything that can run raw SQL: the root client, a scoped client, or a transaction of either. */
export type SqlClient = { $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T> };

type LedgerEntry = { id: number; balanceAfter: number; amount: number };

export async function getBalance(db: SqlClient, accountId: number): Promise<number> {
  const rows = await db.$queryRaw<{ credits: number }[]>`SELECT credits FROM accounts WHERE id = ${accountId}`;
  return rows[0]?.credits ?? 0;
}

/** Throws "Needs N credits, has M." when the balance cannot cover `needed`. */
export async function checkCredits(db: SqlClient, accountId: number, needed: number): Promise<number> {
  const balance = await getBalance(db, accountId);
  if (needed > 0 && balance < needed) throw new InsufficientCreditsError(needed, balance);
  return balance;
}

export async function findCharge(db: SqlClient, idempotencyKey: string): Promise<(LedgerEntry & { metadata: unknown }) | null> {
  const rows = await db.$queryRaw<(LedgerEntry & { metadata: unknown })[]>`
    SELECT id, "balanceAfter", amount, metadata FROM credit_transactions WHERE "idempotencyKey" = ${idempotencyKey}`;
  return rows[0] ?? null;
}

type DeductInput = {
  accountId: number;
  amount: number;
  /** Unique per charge (run id + step id): a second deduction with the same key is refused by the database. */
  idempotencyKey: string | null;
  description: string;
  runId?: string | null;
  metadata?: Record<string, unknown>;
};

/**
 * Deducts atomically and writes the ledger row. Run it inside the transaction that saves the work
 * being paid for. Throws InsufficientCreditsError when the balance is short (nothing changes), and
 * the unique idempotency key makes a concurrent duplicate fail (its transaction rolls back).
 */
export async function deductCredits(tx: SqlClient, input: DeductInput): Promise<LedgerEntry> {
  if (!Number.isInteger(input.amount) || input.amount < 0) throw new Error(`Invalid credit amount: ${input.amount}`);
  // One statement: the account row stays locked only until the caller commits, which it should do
  // right after this (charges of one account serialise on that lock).
  const rows = await tx.$queryRaw<LedgerEntry[]>`
    WITH debit AS (
      UPDATE accounts SET credits = credits - ${input.amount}, "updatedAt" = now()
      WHERE id = ${input.accountId} AND credits >= ${input.amount}
      RETURNING credits
    )
    INSERT INTO credit_transactions ("accountId", type, amount, "balanceAfter", description, "idempotencyKey", "runId", metadata)
    SELECT ${input.accountId}, 'usage'::"CreditTransactionType", ${-input.amount}, debit.credits, ${input.description},
           ${input.idempotencyKey ?? null}, ${input.runId ?? null}::uuid, ${JSON.stringify(input.metadata ?? {})}::jsonb
    FROM debit
    RETURNING id, "balanceAfter", amount`;
  if (!rows.length) throw new InsufficientCreditsError(input.amount, await getBalance(tx, input.accountId));
  return rows[0];
}

type AddInput = {
  accountId: number;
  amount: number;
  type: Exclude<CreditTransactionType, "usage">;
  description: string;
  idempotencyKey?: string | null;
  metadata?: Record<string, unknown>;
};

/** Grants, purchases, refunds and adjustments (an adjustment may be negative, never below zero). */
export async function addCredits(tx: SqlClient, input: AddInput): Promise<LedgerEntry> {
  if (!Number.isInteger(input.amount)) throw new Error(`Invalid credit amount: ${input.amount}`);
  const rows = await tx.$queryRaw<{ credits: number }[]>`
    UPDATE accounts SET credits = credits + ${input.amount}, "updatedAt" = now()
    WHERE id = ${input.accountId} AND credits + ${input.amount} >= 0
    RETURNING credits`;
  if (!rows.length) throw new InsufficientCreditsError(-input.amount, await getBalance(tx, input.accountId));
  return insertLedger(tx, { ...input, balanceAfter: rows[0].credits });
}

async function insertLedger(
  tx: SqlClient,
  entry: { accountId: number; type: CreditTransactionType; amount: number; balanceAfter: number; description: string; idempotencyKey?: string | null; runId?: string | null; metadata?: Record<string, unknown> },
): Promise<LedgerEntry> {
  const rows = await tx.$queryRaw<LedgerEntry[]>`
    INSERT INTO credit_transactions ("accountId", type, amount, "balanceAfter", description, "idempotencyKey", "runId", metadata)
    VALUES (${entry.accountId}, ${entry.type}::"CreditTransactionType", ${entry.amount}, ${entry.balanceAfter}, ${entry.description},
            ${entry.idempotencyKey ?? null}, ${entry.runId ?? null}::uuid, ${JSON.stringify(entry.metadata ?? {})}::jsonb)
    RETURNING id, "balanceAfter", amount`;
  return rows[0];
}

export type UsageInput = Usage & {
  accountId: number;
  operation: Operation;
  credits: number;
  siteId?: number | null;
  runId?: string | null;
  /** Where the request came from (optimizer: editor, batch, automation). */
  entryPoint?: string | null;
  details?: Record<string, unknown>;
};

/** One metered model call: tokens, images, cost in USD (from the price table) and credits. */
export async function recordUsage(tx: SqlClient, usage: UsageInput): Promise<{ id: number; costUsd: number }> {
  const cost = costUsd(usage);
  const rows = await tx.$queryRaw<{ id: number }[]>`
    INSERT INTO credit_usage_logs ("accountId", "siteId", "runId", operation, model, "tokensIn", "tokensOut", images, "costUsd", credits, details, "entryPoint")
    VALUES (${usage.accountId}, ${usage.siteId ?? null}, ${usage.runId ?? null}::uuid, ${usage.operation}, ${usage.model},
            ${usage.tokensIn ?? 0}, ${usage.tokensOut ?? 0}, ${usage.images ?? 0}, ${cost}, ${usage.credits}, ${JSON.stringify(usage.details ?? {})}::jsonb, ${usage.entryPoint ?? null})
    RETURNING id`;
  return { id: rows[0].id, costUsd: cost };
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string }; message?: string };
  return e?.code === "P2002" || e?.meta?.code === "23505" || /23505|unique constraint/i.test(e?.message ?? "");
}
