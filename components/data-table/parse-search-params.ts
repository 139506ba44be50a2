// Pure URL-state parsing shared by server pages and the client table. No "use client", no React.
import type { DataTableFilter, DateRange, FilterValues, NumberRange } from "./types";

export const PAGE_SIZES = [10, 25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 25;
const MAX_TEXT_LENGTH = 200;

/** Reserved URL params (filters must not use these names). */
export const TABLE_PARAMS = {
  page: "page",
  pageSize: "page_size",
  ordering: "ordering",
  search: "search",
  /** A keyset list's cursor (the server's next/previous cursor); `page` then only numbers the page for display. */
  cursor: "cursor",
} as const;
const MAX_CURSOR_LENGTH = 500;

/** Next's `searchParams` (awaited), a URLSearchParams, or `useSearchParams()`. */
export type SearchParamsInput =
  | Record<string, string | string[] | undefined>
  | Pick<URLSearchParams, "getAll">;

export type ParseTableOptions<F extends readonly DataTableFilter[]> = {
  filters?: F;
  pageSizes?: readonly number[];
  defaultPageSize?: number;
  /** Allowed ordering fields; anything else falls back to `defaultOrdering`. Omit to accept any `[-]word`. */
  sortFields?: readonly string[];
  defaultOrdering?: string | null;
};

export type TableQuery<F extends readonly DataTableFilter[] = readonly DataTableFilter[]> = {
  /** 1-based, ≥ 1. */
  page: number;
  pageSize: number;
  /** `(page - 1) * pageSize`, for services that take an offset. */
  offset: number;
  /** `field` or `-field`, or null for the service's default order. */
  ordering: string | null;
  sort: { field: string; desc: boolean } | null;
  /** Trimmed, "" when absent. */
  search: string;
  /** Active filters only, keyed by filter id. */
  filters: FilterValues<F>;
  /** Number of active filters (not counting search). */
  activeFilterCount: number;
  /** Keyset lists: the cursor of the page on screen ("" on the first page or an offset page). */
  cursor: string;
};

/** Identity helper that keeps filter ids literal, so `TableQuery["filters"]` is typed per key. */
export function defineFilters<const F extends readonly DataTableFilter[]>(filters: F): F {
  return filters;
}

/** URL params written by a filter: one for most, two for number ranges. */
export function filterParams(filter: DataTableFilter): string[] {
  if (filter.type === "number-range") {
    return [filter.minParam ?? `${filter.id}_min`, filter.maxParam ?? `${filter.id}_max`];
  }
  if (filter.type === "date-range") {
    return [filter.fromParam ?? `${filter.id}_from`, filter.toParam ?? `${filter.id}_to`];
  }
  return [filter.param ?? filter.id];
}

function getAll(input: SearchParamsInput, key: string): string[] {
  if (typeof (input as URLSearchParams).getAll === "function") {
    return (input as URLSearchParams).getAll(key);
  }
  const value = (input as Record<string, string | string[] | undefined>)[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function getFirst(input: SearchParamsInput, key: string): string | undefined {
  return getAll(input, key)[0];
}

function parseText(raw: string | undefined): string {
  return (raw ?? "").trim().slice(0, MAX_TEXT_LENGTH);
}

function parsePositiveInt(raw: string | undefined): number | null {
  if (!raw || !/^\d+$/.test(raw.trim())) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 1 ? value : null;
}

/** Opaque to the client (the service validates it); only its shape is checked here. */
function parseCursor(raw: string | undefined): string {
  const value = (raw ?? "").trim();
  return value.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]+$/.test(value) ? value : "";
}

function parseNumber(raw: string | undefined): number | undefined {
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

function parseOrdering(raw: string | undefined, sortFields: readonly string[] | undefined): string | null {
  const value = (raw ?? "").trim();
  const match = /^(-?)([A-Za-z_][A-Za-z0-9_.]*)$/.exec(value);
  if (!match) return null;
  if (sortFields && !sortFields.includes(match[2])) return null;
  return value;
}

function parseDate(raw: string | undefined): string | undefined {
  const value = raw?.trim() ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}

function parseFilter(input: SearchParamsInput, filter: DataTableFilter): unknown {
  const allowed = "options" in filter ? new Set(filter.options.map((option) => option.value)) : null;
  switch (filter.type) {
    case "select": {
      const value = getFirst(input, filterParams(filter)[0]);
      return value !== undefined && allowed?.has(value) ? value : undefined;
    }
    case "multi-select": {
      const values = getAll(input, filterParams(filter)[0])
        .flatMap((value) => value.split(","))
        .map((value) => value.trim())
        .filter((value) => allowed?.has(value));
      const unique = [...new Set(values)];
      return unique.length ? unique : undefined;
    }
    case "number-range": {
      const [minParam, maxParam] = filterParams(filter);
      let min = parseNumber(getFirst(input, minParam));
      let max = parseNumber(getFirst(input, maxParam));
      if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
      if (min === undefined && max === undefined) return undefined;
      const range: NumberRange = {};
      if (min !== undefined) range.min = min;
      if (max !== undefined) range.max = max;
      return range;
    }
    case "text": {
      const value = parseText(getFirst(input, filterParams(filter)[0]));
      return value || undefined;
    }
    case "date-range": {
      const [fromParam, toParam] = filterParams(filter);
      let from = parseDate(getFirst(input, fromParam));
      let to = parseDate(getFirst(input, toParam));
      if (from && to && from > to) [from, to] = [to, from];
      if (!from && !to) return undefined;
      const range: DateRange = {};
      if (from) range.from = from;
      if (to) range.to = to;
      return range;
    }
  }
}

/**
 * Turns the URL's search params into validated list-query state, with defaults and bounds:
 * page ≥ 1, page_size one of `pageSizes` (default 25), ordering `[-]field` (optionally whitelisted),
 * search trimmed, filters validated against their config (unknown options and NaN are dropped).
 */
export function parseTableSearchParams<const F extends readonly DataTableFilter[] = readonly []>(
  searchParams: SearchParamsInput | null | undefined,
  options: ParseTableOptions<F> = {},
): TableQuery<F> {
  const input: SearchParamsInput = searchParams ?? {};
  const pageSizes = options.pageSizes?.length ? options.pageSizes : PAGE_SIZES;
  const fallbackSize = options.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  const defaultPageSize = pageSizes.includes(fallbackSize) ? fallbackSize : pageSizes[0];

  const page = parsePositiveInt(getFirst(input, TABLE_PARAMS.page)) ?? 1;
  const requestedSize = parsePositiveInt(getFirst(input, TABLE_PARAMS.pageSize));
  const pageSize = requestedSize !== null && pageSizes.includes(requestedSize) ? requestedSize : defaultPageSize;

  const ordering =
    parseOrdering(getFirst(input, TABLE_PARAMS.ordering), options.sortFields) ??
    parseOrdering(options.defaultOrdering ?? undefined, undefined);
  const sort = ordering
    ? { field: ordering.replace(/^-/, ""), desc: ordering.startsWith("-") }
    : null;

  const filters: Record<string, unknown> = {};
  for (const filter of options.filters ?? []) {
    const value = parseFilter(input, filter);
    if (value !== undefined) filters[filter.id] = value;
  }

  return {
    page,
    pageSize,
    offset: (page - 1) * pageSize,
    ordering,
    sort,
    search: parseText(getFirst(input, TABLE_PARAMS.search)),
    filters: filters as FilterValues<F>,
    activeFilterCount: Object.keys(filters).length,
    cursor: parseCursor(getFirst(input, TABLE_PARAMS.cursor)),
  };
}

/** The shape services take: `{ page, pageSize, ordering?, search?, ...filters }` (keyset lists add `cursor` themselves). */
export function toServiceQuery<F extends readonly DataTableFilter[]>(query: TableQuery<F>) {
  return {
    page: query.page,
    pageSize: query.pageSize,
    ordering: query.ordering ?? undefined,
    search: query.search || undefined,
    ...query.filters,
  };
}
