"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/http/action";
import { useAction } from "./use-action";
import { Button, type ButtonProps } from "@/components/ui/button";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";

type Props<T> = Omit<ButtonProps, "onClick"> & {
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  /** The button that closes the dialog without acting (when "Cancel" would be ambiguous). */
  cancelLabel?: string;
  action: () => Promise<ActionResult<T>>;
  onDone?: (data: T) => void;
};

/** A button that asks before running a destructive server action, then toasts the result. */
export function ConfirmActionButton<T>({ title, description, confirmLabel, cancelLabel = "Cancel", action, onDone, children, ...button }: Props<T>) {
  const [open, setOpen] = useState(false);
  const { run, pending } = useAction();
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button {...button} disabled={pending || button.disabled}>{children}</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{cancelLabel}</AlertDialogCancel>
          <AlertDialogAction
            className="bg-destructive text-white hover:bg-destructive/90"
            onClick={(event) => {
              event.preventDefault();
              run(action, { onSuccess: (data) => { setOpen(false); onDone?.(data); } });
            }}
            disabled={pending}
          >
            {pending ? "Working…" : confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
