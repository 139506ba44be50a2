"use client";

import { useCallback, useMemo, useOptimistic, useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

import {
  DEFAULT_PAGE_SIZE,
  PAGE_SIZES,
  TABLE_PARAMS,
  filterParams,
  parseTableSearchParams,
} from "./parse-search-params";
import type { DataTableFilter } from "./types";

export type ParamChanges = Record<string, string | null | undefined>;

type Options = {
  filters?: readonly DataTableFilter[];
  pageSizes?: readonly number[];
  defaultPageSize?: number;
};

/**
 * Table state lives in the URL. Reads go through parseTableSearchParams (same as the server page);
 * writes `router.replace` inside a transition so `isPending` is true while the server re-renders.
 * The query string is optimistic, so controls reflect a change before the new rows arrive.
 */
export function useTableUrlState({ filters, pageSizes = PAGE_SIZES, defaultPageSize = DEFAULT_PAGE_SIZE }: Options) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [isPending, startTransition] = useTransition();
  const committedQuery = searchParams.toString();
  const [query, setOptimisticQuery] = useOptimistic(committedQuery);

  const state = useMemo(
    () => parseTableSearchParams(new URLSearchParams(query), { filters, pageSizes, defaultPageSize }),
    [query, filters, pageSizes, defaultPageSize],
  );
  // The URL the current rows were rendered for (differs from `state` while a navigation is pending).
  const committed = useMemo(
    () => parseTableSearchParams(new URLSearchParams(committedQuery), { filters, pageSizes, defaultPageSize }),
    [committedQuery, filters, pageSizes, defaultPageSize],
  );

  /**
   * Apply changes (null/"" deletes a param). Resets to page 1 (and drops a keyset cursor) unless
   * `resetPage: false`. Paging pushes a history entry (`history: "push"`), so Back returns to the
   * page before; other changes replace the entry.
   */
  const setParams = useCallback(
    (changes: ParamChanges, { resetPage = true, history = "replace" }: { resetPage?: boolean; history?: "push" | "replace" } = {}) => {
      const next = new URLSearchParams(query);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      // A cursor belongs to one ordering, filter and page size: any other change starts again.
      if (resetPage) next.delete(TABLE_PARAMS.cursor);
      if (resetPage || next.get(TABLE_PARAMS.page) === "1") next.delete(TABLE_PARAMS.page);
      if (next.get(TABLE_PARAMS.pageSize) === String(defaultPageSize)) next.delete(TABLE_PARAMS.pageSize);
      const nextQuery = next.toString();
      if (nextQuery === query) return;
      startTransition(() => {
        setOptimisticQuery(nextQuery);
        const href = nextQuery ? `${pathname}?${nextQuery}` : pathname;
        if (history === "push") router.push(href, { scroll: false });
        else router.replace(href, { scroll: false });
      });
    },
    [query, pathname, router, defaultPageSize, setOptimisticQuery],
  );

  const clearFilters = useCallback(() => {
    const changes: ParamChanges = { [TABLE_PARAMS.search]: null };
    for (const filter of filters ?? []) {
      for (const param of filterParams(filter)) changes[param] = null;
    }
    setParams(changes);
  }, [filters, setParams]);

  const setSearch = useCallback(
    (search: string) => setParams({ [TABLE_PARAMS.search]: search.trim() }),
    [setParams],
  );

  /** Re-render the server page in the same transition, so the loading state shows. */
  const refresh = useCallback(() => startTransition(() => router.refresh()), [router]);

  return {
    /** Optimistic state: what the controls show. */
    state,
    /** State of the rows currently on screen. */
    committed,
    isPending,
    /** Search or filters are active in the controls. */
    isFiltered: state.search !== "" || state.activeFilterCount > 0,
    /** The rows on screen are searched/filtered: an empty result means "nothing matches", not "nothing exists". */
    rowsAreFiltered: committed.search !== "" || committed.activeFilterCount > 0,
    setParams,
    clearFilters,
    setSearch,
    refresh,
    /** A page by number (offset paging: small lists, the first page). */
    setPage: (page: number) => setParams({ [TABLE_PARAMS.page]: String(page), [TABLE_PARAMS.cursor]: null }, { resetPage: false, history: "push" }),
    /** A keyset page: the server's cursor, and the page's number for display. */
    setCursorPage: (cursor: string, page: number) => setParams({ [TABLE_PARAMS.cursor]: cursor, [TABLE_PARAMS.page]: String(Math.max(1, page)) }, { resetPage: false, history: "push" }),
    setPageSize: (size: number) => setParams({ [TABLE_PARAMS.pageSize]: String(size) }),
    setOrdering: (ordering: string | null) => setParams({ [TABLE_PARAMS.ordering]: ordering }),
  };
}

export type TableUrlState = ReturnType<typeof useTableUrlState>;
