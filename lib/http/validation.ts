import { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { assertSafeInput } from "./hostile-input";

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/**
 * Parses with a module's zod schema; bad input becomes a ValidationError (400 / form errors).
 * NUL characters, lone surrogates and over-deep nesting are refused first, whatever the schema.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  assertSafeInput(input);
  const result = schema.safeParse(input);
  if (!result.success) {
    const fieldErrors = zodFieldErrors(result.error);
    const first = Object.values(fieldErrors)[0]?.[0];
    throw new ValidationError(first ? `Invalid input: ${first}` : "Invalid input.", fieldErrors);
  }
  return result.data;
}

/** Shared building blocks for schemas. */
export const idSchema = z.coerce.number({ error: "Must be a number." }).int("Must be a whole number.").positive("Must be positive.").max(2_147_483_647, "Out of range.");
export const idsSchema = z.object({ ids: z.array(idSchema).min(1, "Select at least one item.").max(10_000, "At most 10,000 items at once.") });

export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
  search: z.string().trim().max(200).optional(),
  ordering: z.string().trim().max(64).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** Keyset lists (lib/http/keyset.ts): a page's `next_cursor` or `previous_cursor`. */
export const cursorSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .optional()
  .describe("A page's `next_cursor` (the page after it) or `previous_cursor` (the page before it): keyset paging at any depth, stable while rows are added; `page` is then ignored.");
export type Paginated<T> = { count: number; results: T[] };

/** `ordering=-volume` → { field: "volume", direction: "desc" }, when the field is allowed. */
export function parseOrdering<F extends string>(ordering: string | undefined, allowed: readonly F[], fallback: `${"-" | ""}${F}`) {
  const value = ordering && allowed.includes(ordering.replace(/^-/, "") as F) ? ordering : fallback;
  return { field: value.replace(/^-/, "") as F, direction: value.startsWith("-") ? ("desc" as const) : ("asc" as const) };
}

/** One page of a short list held in memory, so every list endpoint answers the same paginated shape. */
export function pageOf<T>(items: T[], query: { page: number; pageSize: number }): Paginated<T> {
  return { count: items.length, results: items.slice((query.page - 1) * query.pageSize, query.page * query.pageSize) };
}

const snakeName = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Accepts the reference's field names beside ours, e.g. `withAliases(schema, { htmlContent: "html" })`
 * takes `html_content` or `html` (not both) and hands the service `html`.
 */
export function withAliases<S extends z.ZodObject, A extends Record<string, keyof S["shape"] & string>>(schema: S, aliases: A) {
  const shape = schema.shape as Record<string, z.ZodType>;
  const required = Object.values(aliases).filter((field) => !shape[field].safeParse(undefined).success);
  const extra = Object.fromEntries([
    ...Object.entries(aliases).map(([alias, field]) => [alias, shape[field].optional().describe(`Same as \`${snakeName(field)}\` (the reference's name).`)]),
    ...required.map((field) => [field, shape[field].optional()]),
  ]);
  return schema
    .safeExtend(extra)
    .superRefine((value, ctx) => {
      const record = value as Record<string, unknown>;
      for (const [alias, field] of Object.entries(aliases)) {
        if (record[alias] !== undefined && record[field] !== undefined) {
          ctx.addIssue({ code: "custom", path: [alias], message: `Send ${snakeName(alias)} or ${snakeName(field)}, not both.` });
        } else if (required.includes(field) && record[alias] === undefined && record[field] === undefined) {
          ctx.addIssue({ code: "custom", path: [field], message: `${snakeName(field)} is required.` });
        }
      }
    })
    .transform((value) => {
      const out = { ...(value as Record<string, unknown>) };
      for (const [alias, field] of Object.entries(aliases)) {
        if (out[alias] !== undefined) out[field] = out[alias];
        delete out[alias];
      }
      return out as z.output<S>;
    });
}

/** Maps a page's rows through a REST presenter (reference field names). */
export function presentList<T, U, E extends object = object>(page: Paginated<T> & E, present: (row: T) => U): Omit<E, "results" | "count"> & Paginated<U> {
  // Everything else the list answered (countIsEstimate, cursors) passes through.
  return { ...page, results: page.results.map(present) };
}

/** `page` and `page_size` alone: lists paged in memory (short lists without search or ordering). */
export const pageQuerySchema = listQuerySchema.pick({ page: true, pageSize: true });
