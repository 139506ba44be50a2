"use client";

import { useState, type ComponentProps, type FormEvent, type ReactNode } from "react";
import { ChevronDownIcon, PlusCircleIcon } from "lucide-react";

import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { cn } from "@/lib/utils/cn";
import { filterParams } from "./parse-search-params";
import type {
  DataTableFilter,
  DateRange,
  DateRangeFilter,
  FilterValues,
  MultiSelectFilter,
  NumberRange,
  NumberRangeFilter,
  SelectFilter,
  TextFilter,
} from "./types";
import type { ParamChanges } from "./use-table-url-state";
import { formatNumber } from "./format";

type OnChange = (changes: ParamChanges) => void;

export function DataTableFilters({
  filters,
  values,
  onChange,
}: {
  filters: readonly DataTableFilter[];
  values: FilterValues;
  onChange: OnChange;
}) {
  return filters.map((filter) => {
    const value = values[filter.id];
    switch (filter.type) {
      case "select":
        return <SelectFilterControl key={filter.id} filter={filter} value={value as string | undefined} onChange={onChange} />;
      case "multi-select":
        return (
          <MultiSelectFilterControl key={filter.id} filter={filter} value={value as string[] | undefined} onChange={onChange} />
        );
      case "number-range":
        return (
          <NumberRangeFilterControl key={filter.id} filter={filter} value={value as NumberRange | undefined} onChange={onChange} />
        );
      case "text":
        return <TextFilterControl key={filter.id} filter={filter} value={value as string | undefined} onChange={onChange} />;
      case "date-range":
        return <DateRangeFilterControl key={filter.id} filter={filter} value={value as DateRange | undefined} onChange={onChange} />;
    }
  });
}

const TriggerButton = ({
  label,
  summary,
  ...props
}: { label: string; summary?: ReactNode } & ComponentProps<typeof Button>) => (
  <Button
    variant="outline"
    size="sm"
    className={cn("gap-1.5 font-normal", summary ? "border-primary/40 bg-accent/60" : "border-dashed text-muted-foreground")}
    {...props}
  >
    {!summary && <PlusCircleIcon aria-hidden="true" />}
    <span className={cn(summary && "text-muted-foreground")}>{label}</span>
    {summary && (
      <>
        <span className="sr-only">:</span>
        <span className="max-w-40 truncate font-medium text-foreground">{summary}</span>
      </>
    )}
    <ChevronDownIcon aria-hidden="true" className="size-3.5 opacity-60" />
  </Button>
);

const ALL = "__all__";

function SelectFilterControl({ filter, value, onChange }: { filter: SelectFilter; value?: string; onChange: OnChange }) {
  const [param] = filterParams(filter);
  const selected = filter.options.find((option) => option.value === value);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <TriggerButton label={filter.label} summary={selected?.label} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-44">
        <DropdownMenuLabel className="text-xs text-muted-foreground">{filter.label}</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={value ?? ALL}
          onValueChange={(next) => onChange({ [param]: next === ALL ? null : next })}
        >
          <DropdownMenuRadioItem value={ALL}>All</DropdownMenuRadioItem>
          {filter.options.map((option) => (
            <DropdownMenuRadioItem key={option.value} value={option.value}>
              {option.label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function MultiSelectFilterControl({
  filter,
  value = [],
  onChange,
}: {
  filter: MultiSelectFilter;
  value?: string[];
  onChange: OnChange;
}) {
  const [param] = filterParams(filter);
  const labels = filter.options.filter((option) => value.includes(option.value)).map((option) => option.label);
  const summary = labels.length === 0 ? undefined : labels.length <= 2 ? labels.join(", ") : `${labels.length} selected`;
  const toggle = (optionValue: string, checked: boolean) => {
    const next = filter.options
      .map((option) => option.value)
      .filter((v) => (v === optionValue ? checked : value.includes(v)));
    onChange({ [param]: next.join(",") || null });
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <TriggerButton label={filter.label} summary={summary} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="min-w-48">
        <DropdownMenuLabel className="text-xs text-muted-foreground">{filter.label}</DropdownMenuLabel>
        {filter.options.map((option) => (
          <DropdownMenuCheckboxItem
            key={option.value}
            checked={value.includes(option.value)}
            onCheckedChange={(checked) => toggle(option.value, checked)}
            onSelect={(event) => event.preventDefault()}
          >
            {option.label}
          </DropdownMenuCheckboxItem>
        ))}
        {value.length > 0 && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => onChange({ [param]: null })} className="justify-center">
              Clear
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}


function rangeSummary({ min, max }: NumberRange) {
  if (min !== undefined && max !== undefined) return `${formatNumber(min)}–${formatNumber(max)}`;
  if (min !== undefined) return `≥ ${formatNumber(min)}`;
  if (max !== undefined) return `≤ ${formatNumber(max)}`;
  return undefined;
}

function FilterPopover({
  label,
  summary,
  open,
  onOpenChange,
  onSubmit,
  onClear,
  children,
}: {
  label: string;
  summary?: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSubmit: () => void;
  onClear: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
    onOpenChange(false);
  };
  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <PopoverTrigger asChild>
        <TriggerButton label={label} summary={summary} />
      </PopoverTrigger>
      <PopoverContent align="start" className="w-64 p-3">
        <form onSubmit={submit} className="grid gap-3" aria-label={`${label} filter`}>
          {children}
          <div className="flex justify-end gap-2">
            {summary && (
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => {
                  onClear();
                  onOpenChange(false);
                }}
              >
                Clear
              </Button>
            )}
            <Button type="submit" size="sm">
              Apply
            </Button>
          </div>
        </form>
      </PopoverContent>
    </Popover>
  );
}

function NumberRangeFilterControl({
  filter,
  value = {},
  onChange,
}: {
  filter: NumberRangeFilter;
  value?: NumberRange;
  onChange: OnChange;
}) {
  const [minParam, maxParam] = filterParams(filter);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({ min: "", max: "" });
  const openChange = (next: boolean) => {
    if (next) setDraft({ min: value.min?.toString() ?? "", max: value.max?.toString() ?? "" });
    setOpen(next);
  };
  const inputProps = { type: "number", inputMode: "decimal", min: filter.min, max: filter.max, step: filter.step ?? "any" } as const;
  return (
    <FilterPopover
      label={filter.label}
      summary={rangeSummary(value)}
      open={open}
      onOpenChange={openChange}
      onSubmit={() => onChange({ [minParam]: draft.min.trim() || null, [maxParam]: draft.max.trim() || null })}
      onClear={() => onChange({ [minParam]: null, [maxParam]: null })}
    >
      <div className="grid grid-cols-2 gap-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`${filter.id}-min`} className="text-xs text-muted-foreground">
            Min
          </Label>
          <Input
            id={`${filter.id}-min`}
            {...inputProps}
            className="h-8"
            placeholder="Any"
            value={draft.min}
            onChange={(event) => setDraft((d) => ({ ...d, min: event.target.value }))}
            autoFocus
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${filter.id}-max`} className="text-xs text-muted-foreground">
            Max
          </Label>
          <Input
            id={`${filter.id}-max`}
            {...inputProps}
            className="h-8"
            placeholder="Any"
            value={draft.max}
            onChange={(event) => setDraft((d) => ({ ...d, max: event.target.value }))}
          />
        </div>
      </div>
    </FilterPopover>
  );
}

function TextFilterControl({ filter, value, onChange }: { filter: TextFilter; value?: string; onChange: OnChange }) {
  const [param] = filterParams(filter);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState("");
  const openChange = (next: boolean) => {
    if (next) setDraft(value ?? "");
    setOpen(next);
  };
  return (
    <FilterPopover
      label={filter.label}
      summary={value}
      open={open}
      onOpenChange={openChange}
      onSubmit={() => onChange({ [param]: draft.trim() || null })}
      onClear={() => onChange({ [param]: null })}
    >
      <div className="grid gap-1.5">
        <Label htmlFor={`${filter.id}-text`} className="text-xs text-muted-foreground">
          {filter.label} contains
        </Label>
        <Input
          id={`${filter.id}-text`}
          className="h-8"
          placeholder={filter.placeholder}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          autoFocus
        />
      </div>
    </FilterPopover>
  );
}

const shortDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

function dateSummary({ from, to }: DateRange) {
  if (from && to) return from === to ? shortDate(from) : `${shortDate(from)} – ${shortDate(to)}`;
  if (from) return `from ${shortDate(from)}`;
  if (to) return `until ${shortDate(to)}`;
  return undefined;
}

function DateRangeFilterControl({ filter, value = {}, onChange }: { filter: DateRangeFilter; value?: DateRange; onChange: OnChange }) {
  const [fromParam, toParam] = filterParams(filter);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({ from: "", to: "" });
  const openChange = (next: boolean) => {
    if (next) setDraft({ from: value.from ?? "", to: value.to ?? "" });
    setOpen(next);
  };
  return (
    <FilterPopover
      label={filter.label}
      summary={dateSummary(value)}
      open={open}
      onOpenChange={openChange}
      onSubmit={() => onChange({ [fromParam]: draft.from || null, [toParam]: draft.to || null })}
      onClear={() => onChange({ [fromParam]: null, [toParam]: null })}
    >
      <div className="grid gap-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`${filter.id}-from`} className="text-xs text-muted-foreground">
            From
          </Label>
          <Input id={`${filter.id}-from`} type="date" className="h-8" value={draft.from} max={draft.to || undefined} onChange={(event) => setDraft((d) => ({ ...d, from: event.target.value }))} autoFocus />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${filter.id}-to`} className="text-xs text-muted-foreground">
            To (inclusive)
          </Label>
          <Input id={`${filter.id}-to`} type="date" className="h-8" value={draft.to} min={draft.from || undefined} onChange={(event) => setDraft((d) => ({ ...d, to: event.target.value }))} />
        </div>
      </div>
    </FilterPopover>
  );
}
