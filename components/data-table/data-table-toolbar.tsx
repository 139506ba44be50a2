"use client";

import { useEffect, useState, type ReactNode } from "react";
import { SearchIcon, XIcon } from "lucide-react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { DataTableFilters } from "./data-table-filters";
import type { DataTableFilter } from "./types";
import type { TableUrlState } from "./use-table-url-state";

const SEARCH_DEBOUNCE_MS = 300;

export function DataTableToolbar({
  url,
  filters,
  search,
  title,
  actions,
  showControls,
}: {
  url: TableUrlState;
  filters: readonly DataTableFilter[];
  search: false | { placeholder?: string };
  title: string;
  /** Page-specific buttons (config.toolbar). */
  actions?: ReactNode;
  /** False when the list is empty and unfiltered: search/filters would be noise. */
  showControls: boolean;
}) {
  const { state, isFiltered } = url;
  const activeCount = state.activeFilterCount + (state.search ? 1 : 0);

  if (!showControls && !actions) return null;

  return (
    // Filters and page buttons share a row when they fit; otherwise the buttons take the next row, so the
    // filters stay on one line (basis auto: their one-line width decides the wrap) instead of three.
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-start">
      {showControls && (
        <div className="flex flex-auto flex-wrap items-center gap-2">
          {search !== false && (
            <SearchBox
              value={state.search}
              onCommit={url.setSearch}
              placeholder={search.placeholder ?? `Search ${title.toLowerCase()}…`}
              label={`Search ${title.toLowerCase()}`}
            />
          )}
          <DataTableFilters filters={filters} values={state.filters} onChange={url.setParams} />
          {isFiltered && (
            <Button variant="ghost" size="sm" onClick={url.clearFilters} className="text-muted-foreground">
              Clear filters
              <Badge variant="secondary" className="h-5 min-w-5 rounded-full px-1.5 tabular-nums">
                {activeCount}
              </Badge>
              <XIcon aria-hidden="true" />
            </Button>
          )}
        </div>
      )}
      {actions && <div className="flex shrink-0 flex-wrap items-center gap-2 sm:ml-auto">{actions}</div>}
    </div>
  );
}

function SearchBox({
  value,
  onCommit,
  placeholder,
  label,
}: {
  value: string;
  onCommit: (value: string) => void;
  placeholder: string;
  label: string;
}) {
  const [draft, setDraft] = useState(value);
  // Follow the URL when it changes from elsewhere (e.g. "Clear filters").
  const [synced, setSynced] = useState(value);
  if (synced !== value) {
    setSynced(value);
    if (draft.trim() !== value) setDraft(value);
  }

  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => onCommit(draft), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onCommit]);

  return (
    <div className="relative w-full sm:w-64">
      <SearchIcon
        aria-hidden="true"
        className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground"
      />
      <Input
        type="search"
        role="searchbox"
        aria-label={label}
        placeholder={placeholder}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") onCommit(draft);
          if (event.key === "Escape" && draft) {
            event.preventDefault();
            setDraft("");
            onCommit("");
          }
        }}
        className="h-8 pr-8 pl-8 [&::-webkit-search-cancel-button]:appearance-none"
      />
      {draft && (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => {
            setDraft("");
            onCommit("");
          }}
          className="absolute top-1/2 right-1.5 flex size-5 -translate-y-1/2 items-center justify-center rounded-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none"
        >
          <XIcon className="size-3.5" />
        </button>
      )}
    </div>
  );
}
