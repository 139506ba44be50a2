// Counts for list pages that stay fast on big tables: exact while small, estimated (and said to be)
// when large. A page that comes back short says the exact total by itself; otherwise the caller's
// estimate (the planner's row estimate, see lib/planner/keyword-list.ts) decides whether an exact,
// capped COUNT is worth running. Lists without an estimator count up to the cap and report
// "more than EXACT_COUNT_LIMIT" as an estimate.

/** Up to this many matching rows the count is exact (a capped COUNT: a few ms even for a substring search). */
export const EXACT_COUNT_LIMIT = 2_000;

export type ListCount = { count: number; countIsEstimate: boolean };

export async function listCount(options: {
  /** Rows skipped before this page (offset pagination), or null for a keyset page. */
  offset: number | null;
  rowsOnPage: number;
  pageSize: number;
  /** COUNT(*) of the matching rows, reading at most `take` of them. */
  exact: (take: number) => Promise<number>;
  /** A cheap estimate of the matching rows (started in parallel with the page's query). */
  estimate?: Promise<number>;
}): Promise<ListCount> {
  const { offset, rowsOnPage, pageSize } = options;
  if (offset !== null && rowsOnPage < pageSize && (rowsOnPage > 0 || offset === 0)) {
    options.estimate?.catch(() => undefined);
    return { count: offset + rowsOnPage, countIsEstimate: false };
  }
  const seen = (offset ?? 0) + rowsOnPage + (rowsOnPage === pageSize ? 1 : 0);
  const estimate = options.estimate ? Math.round(await options.estimate) : undefined;
  if (estimate !== undefined && estimate > EXACT_COUNT_LIMIT) return { count: Math.max(estimate, seen), countIsEstimate: true };
  const exact = await options.exact(EXACT_COUNT_LIMIT + 1);
  if (exact <= EXACT_COUNT_LIMIT) return { count: exact, countIsEstimate: false };
  return { count: Math.max(estimate ?? 0, exact, seen), countIsEstimate: true };
}
