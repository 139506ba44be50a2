"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { toast } from "sonner";
import { toastError } from "@/components/forms/toast-error";

import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import type { ActionConfirm, ActionResult, EditableCellSave } from "./types";
import { formatNumber } from "./format";

type RunnableAction = { label: string; variant?: "default" | "destructive"; confirm?: ActionConfirm };
type Invoke = () => Promise<ActionResult | void> | ActionResult | void;

type DataTableContextValue = {
  onSave?: EditableCellSave;
  /** Re-render the server page (inside the table's transition, so the loading state shows). */
  refresh: () => void;
  /** Which action is running (key given to `runAction`), for spinners/disabled buttons. */
  runningKey: string | null;
  /** Confirm (if configured) → run → toast the result → on success `onSuccess` + refresh. */
  runAction: (
    key: string,
    action: RunnableAction,
    invoke: Invoke,
    options?: { count?: number; ids?: number[]; onSuccess?: () => void },
  ) => Promise<void>;
};

const DataTableContext = createContext<DataTableContextValue | null>(null);

export function useDataTableContext() {
  const value = useContext(DataTableContext);
  if (!value) throw new Error("useDataTableContext must be used inside <DataTable>");
  return value;
}

/** Like useDataTableContext but returns null outside a DataTable (EditableCell can be used standalone). */
export function useOptionalDataTableContext() {
  return useContext(DataTableContext);
}

function fillCount(text: string, count: number) {
  return text.replaceAll("{count}", formatNumber(count));
}

type PendingConfirm = { confirm: ActionConfirm; variant?: "default" | "destructive"; count: number; ids: number[]; resolve: (ok: boolean) => void };

export function DataTableProvider({
  onSave,
  refresh,
  children,
}: {
  onSave?: EditableCellSave;
  refresh: () => void;
  children: ReactNode;
}) {
  const [runningKey, setRunningKey] = useState<string | null>(null);
  // `pending` is kept after closing so the dialog keeps its text during the exit animation.
  const [pending, setPending] = useState<PendingConfirm | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);

  const askConfirm = useCallback(
    (confirm: ActionConfirm, variant: RunnableAction["variant"], count: number, ids: number[]) =>
      new Promise<boolean>((resolve) => {
        setPending({ confirm, variant, count, ids, resolve });
        setConfirmOpen(true);
      }),
    [],
  );

  const closeConfirm = (ok: boolean) => {
    pending?.resolve(ok);
    setConfirmOpen(false);
  };

  const runAction = useCallback<DataTableContextValue["runAction"]>(
    async (key, action, invoke, { count = 1, ids = [], onSuccess } = {}) => {
      if (action.confirm && !(await askConfirm(action.confirm, action.variant, count, ids))) return;
      setRunningKey(key);
      try {
        const result = await invoke();
        // Nothing returned (e.g. the action opened a dialog): success without a toast.
        if (!result || result.ok) {
          if (result) toast.success(result.message ?? `${action.label}: done`);
          onSuccess?.();
          refresh();
        } else {
          toastError({ ...result, message: result.message ?? `${action.label} failed` });
        }
      } catch (error) {
        toast.error(error instanceof Error && error.message ? error.message : `${action.label} failed`);
      } finally {
        setRunningKey(null);
      }
    },
    [askConfirm, refresh],
  );

  const value = useMemo(() => ({ onSave, refresh, runningKey, runAction }), [onSave, refresh, runningKey, runAction]);

  return (
    <DataTableContext.Provider value={value}>
      {children}
      <AlertDialog open={confirmOpen} onOpenChange={(open) => !open && closeConfirm(false)}>
        <AlertDialogContent {...(pending?.confirm.description ? {} : { "aria-describedby": undefined })}>
          {pending && (
            <>
              <AlertDialogHeader>
                <AlertDialogTitle>{fillCount(pending.confirm.title, pending.count)}</AlertDialogTitle>
                {pending.confirm.description && (
                  <AlertDialogDescription>{fillCount(pending.confirm.description, pending.count)}</AlertDialogDescription>
                )}
              </AlertDialogHeader>
              {pending.confirm.details?.(pending.ids)}
              <AlertDialogFooter>
                <AlertDialogCancel>Cancel</AlertDialogCancel>
                <Button
                  variant={pending.variant === "destructive" ? "destructive" : "default"}
                  onClick={() => closeConfirm(true)}
                >
                  {pending.confirm.confirmLabel ?? "Confirm"}
                </Button>
              </AlertDialogFooter>
            </>
          )}
        </AlertDialogContent>
      </AlertDialog>
    </DataTableContext.Provider>
  );
}
