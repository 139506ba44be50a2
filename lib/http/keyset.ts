// Keyset (cursor) paging for list services, both ways. A cursor names the sort value and id of a
// page's boundary row and the ordering it belongs to; `d: "b"` marks a backward cursor (the rows
// before that row). Backward pages are read in the opposite order (same index, scanned the other
// way) and turned round, so "previous" costs what "next" costs at any depth, never an OFFSET.
// One look-ahead row says whether another page follows.
//
// Cursors are positions, not grants: services apply their tenant filter as always, so a forged
// cursor or another account's shows only the caller's rows; a malformed one is a 400 on `cursor`.
//
// Used by the keyword list's raw SQL (lib/planner/keyword-list.ts: codec and page assembly) and,
// through `pageList`, by the Prisma lists (clusters, ideas, tasks, content).
import { ValidationError } from "@/lib/errors";
import { listCount, type ListCount } from "@/lib/http/list-count";

export type Direction = "asc" | "desc";
export type CursorValue = string | number | null;
/** How a cursor's value is checked before it reaches SQL as a parameter. */
export type CursorKind = "date" | "text" | "int" | "float";
export type Cursor = { o: string; v: CursorValue; id: number; d?: "b" };
export type KeysetCursors = { nextCursor: string | null; previousCursor: string | null };

const MAX_INT = 2_147_483_647;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function encodeCursor(ordering: string, value: CursorValue | Date, id: number, backward = false): string {
  const v = value instanceof Date ? value.toISOString() : value;
  return Buffer.from(JSON.stringify({ o: ordering, v, id, ...(backward ? { d: "b" } : {}) } satisfies Cursor)).toString("base64url");
}

export function decodeCursor(cursor: string, ordering: string, kind: CursorKind, nullable = false): Cursor {
  const bad = () => new ValidationError("Invalid input: cursor is not one this list returned.", { cursor: ["Use the next_cursor or previous_cursor of a page of this list."] });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  const c = parsed as Partial<Cursor>;
  if (!c || typeof c !== "object" || !Number.isSafeInteger(c.id) || (c.id as number) < 1 || (c.id as number) > MAX_INT) throw bad();
  if (c.d !== undefined && c.d !== "b") throw bad();
  if (c.o !== ordering) throw new ValidationError("Invalid input: this cursor belongs to another ordering.", { cursor: ["Start again from the first page for this ordering."] });
  const v = c.v;
  if (v === null && !nullable) throw bad();
  // Values reach SQL as parameters: they must also be values PostgreSQL accepts for the column.
  const ok =
    kind === "date"
      ? v === null || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) && !Number.isNaN(Date.parse(v)))
      : kind === "text"
        ? typeof v === "string" && v.length <= 1000 && !v.includes("\u0000") && !LONE_SURROGATE.test(v)
        : kind === "float"
          ? v === null || (typeof v === "number" && Number.isFinite(v))
          : v === null || (Number.isSafeInteger(v) && (v as number) >= -MAX_INT - 1 && (v as number) <= MAX_INT);
  if (!ok) throw bad();
  return c as Cursor;
}

export const flip = (direction: Direction): Direction => (direction === "asc" ? "desc" : "asc");

/**
 * The page from rows read in the read direction (the list's, or the opposite one for a backward
 * cursor) with one look-ahead row, and the cursors either side of it.
 */
export function assemblePage<R extends { id: number }>(
  read: R[],
  options: { pageSize: number; ordering: string; cursor: Cursor | undefined; offset: number; valueOf: (row: R) => CursorValue | Date },
): { rows: R[] } & KeysetCursors {
  const backward = options.cursor?.d === "b";
  const more = read.length > options.pageSize;
  const rows = read.slice(0, options.pageSize);
  if (backward) rows.reverse();
  const at = (row: R | undefined, back: boolean) => (row ? encodeCursor(options.ordering, options.valueOf(row), row.id, back) : null);
  // Forward: more rows follow when the look-ahead row came back; rows precede unless the page starts the list.
  // Backward: the look-ahead row says whether more rows precede; the cursor's own row follows.
  const nextCursor = backward || more ? at(rows.at(-1), false) : null;
  const previousCursor = backward ? (more ? at(rows[0], true) : null) : options.cursor || options.offset > 0 ? at(rows[0], true) : null;
  return { rows, nextCursor, previousCursor };
}

/** A Prisma list's ordering, for keyset paging. */
export type KeysetSort = {
  /** `field` or `-field`, as the cursor records it. */
  ordering: string;
  field: string;
  direction: Direction;
  /** The id tie-break's direction (some lists break ties by newest id whatever the sort). */
  tie: Direction;
  kind: CursorKind;
  /** A nullable column whose NULLs come after every value, in both directions. */
  nullsLast?: boolean;
};

type Where = Record<string, unknown>;
const op = (direction: Direction) => (direction === "asc" ? "gt" : "lt");

/** Rows after (v, id) when reading `field` in `direction` with NULLs `nulls` and ties by id in `tie`. */
function afterWhere(sort: KeysetSort, direction: Direction, tie: Direction, nulls: "first" | "last", cursor: Cursor): Where {
  const { field } = sort;
  const value = sort.kind === "date" && cursor.v !== null ? new Date(cursor.v as string) : cursor.v;
  const sameThenId = { [field]: value, id: { [op(tie)]: cursor.id } };
  // The redundant bound lets PostgreSQL start the index scan at the cursor instead of filtering from the start.
  if (!sort.nullsLast) return { [field]: { [`${op(direction)}e`]: value }, OR: [{ [field]: { [op(direction)]: value } }, sameThenId] };
  if (cursor.v === null) {
    const restOfNulls = { [field]: null, id: { [op(tie)]: cursor.id } };
    return nulls === "last" ? restOfNulls : { OR: [restOfNulls, { [field]: { not: null } }] };
  }
  const after: Where[] = [{ [field]: { [op(direction)]: value } }, sameThenId];
  return { OR: nulls === "last" ? [...after, { [field]: null }] : after };
}

/**
 * One page of a Prisma list by keyset (a cursor) or, without one, by offset, with a look-ahead row
 * and the cursors either side. `find` runs the list's own findMany with `where` ANDed to its filter.
 */
export async function keysetFindMany<R extends { id: number }>(
  sort: KeysetSort,
  page: { cursor?: string; offset: number; pageSize: number },
  find: (args: { where: Where; orderBy: Where[]; skip: number; take: number }) => Promise<R[]>,
): Promise<{ rows: R[] } & KeysetCursors> {
  const cursor = page.cursor ? decodeCursor(page.cursor, sort.ordering, sort.kind, sort.nullsLast) : undefined;
  const backward = cursor?.d === "b";
  const direction = backward ? flip(sort.direction) : sort.direction;
  const tie = backward ? flip(sort.tie) : sort.tie;
  const nulls = backward ? "first" : "last";
  const orderBy = [{ [sort.field]: sort.nullsLast ? { sort: direction, nulls } : direction }, { id: tie }];
  const read = await find({ where: cursor ? afterWhere(sort, direction, tie, nulls, cursor) : {}, orderBy, skip: cursor ? 0 : page.offset, take: page.pageSize + 1 });
  // Nothing before a backward cursor (its rows were deleted, or it was at the start): the first page.
  if (backward && read.length === 0) return keysetFindMany(sort, { offset: 0, pageSize: page.pageSize }, find);
  return assemblePage(read, { pageSize: page.pageSize, ordering: sort.ordering, cursor, offset: cursor ? 0 : page.offset, valueOf: (row) => (row as unknown as Record<string, CursorValue | Date>)[sort.field] });
}

/** A cursor for a list ordering that cannot page by keyset (an enum or a related row's column): a 400. */
export function refuseCursor(cursor: string | undefined, ordering: string): void {
  if (cursor) throw new ValidationError(`Invalid input: the ordering ${ordering} pages by number (page), not by cursor.`, { cursor: ["Use page with this ordering."] });
}

/** A Prisma list's ordering; `kind` absent means it pages by number only (an enum or a related row's column). */
export type ListSort = { field: string; direction: Direction; tie: Direction; kind?: CursorKind; nullsLast?: boolean; orderBy?: Where };

/**
 * One page of a Prisma list with its count: by keyset when the ordering has a cursor kind, else by
 * page number (and a cursor is a 400). `find` runs the list's findMany with `where` ANDed to its
 * filter; `count` is its COUNT reading at most `take` rows; `estimate` starts with the page's query.
 */
export async function pageList<R extends { id: number }>(
  sort: ListSort,
  page: { cursor?: string; page: number; pageSize: number },
  read: {
    find: (args: { where: Where; orderBy: Where[]; skip: number; take: number }) => Promise<R[]>;
    count: (take: number) => Promise<number>;
    /** A cheap row estimate, when the list can give one for its filter (see lib/http/list-count.ts). */
    estimate?: () => Promise<number>;
  },
): Promise<{ rows: R[] } & ListCount & Partial<KeysetCursors>> {
  const ordering = `${sort.direction === "desc" ? "-" : ""}${sort.field}`;
  const offset = (page.page - 1) * page.pageSize;
  if (!sort.kind) refuseCursor(page.cursor, ordering);
  // The estimate runs beside the page's query (a malformed cursor may still fail the request: its outcome is then unused).
  const estimate = read.estimate?.();
  estimate?.catch(() => undefined);
  const { rows, ...cursors } = sort.kind
    ? await keysetFindMany({ ordering, field: sort.field, direction: sort.direction, tie: sort.tie, kind: sort.kind, nullsLast: sort.nullsLast }, { cursor: page.cursor, offset, pageSize: page.pageSize }, read.find)
    : { rows: await read.find({ where: {}, orderBy: [sort.orderBy ?? { [sort.field]: sort.direction }, { id: sort.tie }], skip: offset, take: page.pageSize }) };
  const counted = await listCount({ offset: page.cursor ? null : offset, rowsOnPage: rows.length, pageSize: page.pageSize, exact: read.count, estimate });
  return { ...counted, ...cursors, rows };
}
