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
export type Paginated<T> = { count: number; results: T[] };

/** `ordering=-volume` → { field: "volume", direction: "desc" }, when the field is allowed. */
export function parseOrdering<F extends string>(ordering: string | undefined, allowed: readonly F[], fallback: `${"-" | ""}${F}`) {
  const value = ordering && allowed.includes(ordering.replace(/^-/, "") as F) ? ordering : fallback;
  return { field: value.replace(/^-/, "") as F, direction: value.startsWith("-") ? ("desc" as const) : ("asc" as const) };
}
