// Keyset list pages on the server: the URL's cursor goes to the service as it is, and one the
// service refuses (edited by hand, or kept from before a sort change) sends the reader to the list's
// first page instead of an error page. Server-only (redirect), no React.
import { redirect } from "next/navigation";
import { ValidationError } from "@/lib/errors";
import { TABLE_PARAMS, type SearchParamsInput } from "./parse-search-params";
import type { TableCursors } from "./types";

/** A list service's cursors as the table takes them; undefined when the list (or its ordering) pages by number. */
export function tableCursors(page: { nextCursor?: string | null; previousCursor?: string | null }): TableCursors | undefined {
  return page.nextCursor === undefined ? undefined : { next: page.nextCursor, previous: page.previousCursor ?? null };
}

/** Runs the page's list call; a refused cursor redirects to `path` with the same query minus cursor and page. */
export async function withKeysetFallback<T>(path: string, searchParams: Record<string, string | string[] | undefined>, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!(error instanceof ValidationError) || !error.fieldErrors.cursor || !searchParams[TABLE_PARAMS.cursor]) throw error;
    redirect(firstPageHref(path, searchParams));
  }
}

export function firstPageHref(path: string, searchParams: Extract<SearchParamsInput, Record<string, unknown>>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key === TABLE_PARAMS.cursor || key === TABLE_PARAMS.page) continue;
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}
