"use client";

import { useTransition } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { toastError } from "@/components/forms/toast-error";
import type { z } from "zod";
import type { ActionResult } from "@/lib/http/action";

type Options<In, T> = {
  defaultValues?: DefaultValues<In>;
  onSuccess?: (data: T) => void;
};

/**
 * react-hook-form with the module's own zod schema (client and server validate alike), submitting
 * to a server action: field errors land on their fields, other errors in a toast, success toasts.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(
  schema: S,
  action: (input: z.input<S>) => Promise<ActionResult<T>>,
  { defaultValues, onSuccess }: Options<z.input<S>, T> = {},
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema as never) as never, defaultValues });
  const [pending, startTransition] = useTransition();

  const submit = form.handleSubmit((values) =>
    new Promise<void>((resolve) =>
      startTransition(async () => {
        const result = await action(values as z.input<S>);
        if (result.ok) {
          if (result.message) toast.success(result.message);
          onSuccess?.(result.data);
        } else {
          const fields = Object.entries(result.fieldErrors ?? {});
          for (const [name, messages] of fields) {
            form.setError((name === "_" ? "root" : name) as Path<z.input<S>>, { message: messages[0] });
          }
          if (!fields.length) form.setError("root", { message: result.message });
          toastError(result);
        }
        resolve();
      }),
    ),
  );

  return { form, submit, pending };
}
