// The server-action wrapper: context → permission → parse → service → result. Errors become
// form errors or a toast message; the client never sees a stack trace.
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getAppContext } from "@/lib/auth/context";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import type { AppContext } from "@/lib/auth/service";
import type { FieldErrors } from "@/lib/errors";
import { mapError } from "./errors";
import { parseInput } from "./validation";

export type ActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; code: string; fieldErrors?: FieldErrors; extra?: Record<string, unknown> };

type ActionOptions<S extends z.ZodType, P extends boolean> = { schema: S; permission?: Permission; revalidate?: string | string[]; public?: P };

/** Return this from a handler to add a toast message to the result. */
export function withToast<T>(data: T, message: string) {
  return { [TOAST]: message, data };
}
const TOAST = Symbol("toast");

export function defineAction<S extends z.ZodType, T, P extends boolean = false>(
  options: ActionOptions<S, P>,
  handler: (ctx: P extends true ? null : AppContext, input: z.infer<S>) => Promise<T | { [TOAST]: string; data: T }>,
) {
  return async (raw: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      const ctx = options.public ? null : await getAppContext();
      if (options.permission && ctx) assertCan(ctx.role, options.permission);
      const input = parseInput(options.schema, raw instanceof FormData ? Object.fromEntries(raw) : raw);
      const result = await handler(ctx as P extends true ? null : AppContext, input);
      for (const path of [options.revalidate ?? []].flat()) revalidatePath(path, "layout");
      if (result && typeof result === "object" && TOAST in result) {
        return { ok: true, data: result.data, message: result[TOAST] };
      }
      return { ok: true, data: result as T };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() must reach Next
      const mapped = mapError(error);
      return { ok: false, message: mapped.message, code: mapped.code, fieldErrors: mapped.fieldErrors, extra: mapped.extra };
    }
  };
}
