// The ledger as a list: filters (type, date range, description), totals, one row, and a streamed
// CSV export. Rows are read through the scoped client, so another account's ids answer 404.
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { CSV_BOM, csvRow } from "@/lib/csv/writer";
import { TRANSACTION_SORT_FIELDS, type TransactionsQuery } from "./schemas";

const SELECT = { id: true, type: true, amount: true, balanceAfter: true, description: true, runId: true, createdAt: true, metadata: true } as const;
type Selected = Prisma.CreditTransactionGetPayload<{ select: typeof SELECT }>;

export type TransactionRow = Omit<Selected, "metadata"> & { operation: string | null };

/** The ledger row without its stored step result (large, and internal to the engine's replays). */
function toRow({ metadata, ...row }: Selected): TransactionRow {
  const operation = (metadata as { operation?: unknown } | null)?.operation;
  return { ...row, operation: typeof operation === "string" ? operation : null };
}

const DAY = 86_400_000;

export function transactionWhere(query: Partial<Pick<TransactionsQuery, "type" | "dateFrom" | "dateTo" | "search">>): Prisma.CreditTransactionWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (query.dateFrom) createdAt.gte = new Date(`${query.dateFrom}T00:00:00Z`);
  if (query.dateTo) createdAt.lt = new Date(Date.parse(`${query.dateTo}T00:00:00Z`) + DAY); // the whole last day
  return {
    ...(query.type?.length ? { type: { in: query.type } } : {}),
    ...(query.dateFrom || query.dateTo ? { createdAt } : {}),
    ...(query.search ? { description: { contains: query.search, mode: "insensitive" } } : {}),
  };
}

export async function listTransactions(db: ScopedDb, query: TransactionsQuery): Promise<Paginated<TransactionRow>> {
  const where = transactionWhere(query);
  const { field, direction } = parseOrdering(query.ordering, TRANSACTION_SORT_FIELDS, "-createdAt");
  const [count, rows] = await Promise.all([
    db.creditTransaction.count({ where }),
    db.creditTransaction.findMany({ where, select: SELECT, orderBy: [{ [field]: direction }, { id: direction }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { count, results: rows.map(toRow) };
}

/** Credits in and out over the filtered rows. */
export async function transactionTotals(db: ScopedDb, query: Partial<TransactionsQuery>) {
  const where = transactionWhere(query);
  const [credited, debited] = await Promise.all([
    db.creditTransaction.aggregate({ where: { AND: [where, { amount: { gt: 0 } }] }, _sum: { amount: true } }),
    db.creditTransaction.aggregate({ where: { AND: [where, { amount: { lt: 0 } }] }, _sum: { amount: true } }),
  ]);
  return { credited: credited._sum.amount ?? 0, debited: -(debited._sum.amount ?? 0) };
}

export async function getTransaction(db: ScopedDb, id: number): Promise<TransactionRow> {
  const row = await db.creditTransaction.findFirst({ where: { id }, select: SELECT });
  if (!row) throw new NotFoundError("Transaction");
  return toRow(row);
}

const PAGE = 2_000;
export const TRANSACTIONS_CSV_HEADER = "id,created_at,type,operation,amount,balance_after,description,run_id";

/** UTF-8 CSV (BOM, CRLF, formula-safe cells), newest first, streamed in keyset pages. */
export function exportTransactionsCsv(db: ScopedDb, query: Partial<TransactionsQuery>): ReadableStream<Uint8Array> {
  const where = transactionWhere(query);
  const encoder = new TextEncoder();
  let cursor: number | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${CSV_BOM}${TRANSACTIONS_CSV_HEADER}\r\n`));
      }
      const page: Selected[] = await db.creditTransaction.findMany({ where: cursor === null ? where : { AND: [where, { id: { lt: cursor } }] }, select: SELECT, orderBy: { id: "desc" }, take: PAGE });
      if (page.length) {
        controller.enqueue(encoder.encode(page.map((r) => csvLine(toRow(r))).join("")));
        cursor = page[page.length - 1].id;
      }
      if (page.length < PAGE) controller.close();
    },
  });
}

function csvLine(r: TransactionRow): string {
  return csvRow([r.id, r.createdAt, r.type, r.operation ?? "", r.amount, r.balanceAfter, r.description, r.runId ?? ""]);
}
