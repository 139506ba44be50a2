"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { toastError } from "@/components/forms/toast-error";
import type { ActionResult } from "@/lib/http/action";

/** Runs a server action from a button: pending state, result toast, refresh on success. */
export function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function run<T>(action: () => Promise<ActionResult<T>>, options: { onSuccess?: (data: T) => void; refresh?: boolean } = {}) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        if (result.message) toast.success(result.message);
        options.onSuccess?.(result.data);
        if (options.refresh !== false) router.refresh();
      } else {
        toastError(result);
      }
    });
  }
  return { run, pending };
}
