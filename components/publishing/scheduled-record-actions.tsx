"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { CalendarClock, XCircle } from "lucide-react";
import { updateScheduledRecordAction } from "@/lib/publishing/actions";
import { updateRecordActionSchema } from "@/lib/publishing/schemas";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { formatInZone, useTimeZone, zoneOffset } from "./local-time";

type ScheduledRecord = { id: number; destination: string; destinationLabel: string; scheduledAt: Date | string | null; content?: { title: string } | null };

/** "2026-12-07T14:30" in the browser's zone: what a datetime-local input holds. */
function toLocalInput(value: Date): string {
  const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** Reschedule and Cancel for one scheduled publish. */
export function ScheduledRecordActions({ record, className = "flex flex-wrap gap-2" }: { record: ScheduledRecord; className?: string }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const wordpress = record.destination === "wordpress";
  const what = record.content?.title ? `“${record.content.title}” on ${record.destinationLabel}` : `the publish to ${record.destinationLabel}`;
  return (
    <div className={className}>
      <Button size="sm" variant="outline" onClick={() => setOpen(true)} aria-label={`Reschedule ${what}`}>
        <CalendarClock aria-hidden /> Reschedule
      </Button>
      <ConfirmActionButton
        size="sm"
        variant="outline"
        aria-label={`Cancel ${what}`}
        title="Cancel this scheduled publish?"
        description={`${what[0].toUpperCase()}${what.slice(1)} will not go live.${wordpress ? " The post already waiting on WordPress goes back to draft." : ""} The article itself stays as it is; you can schedule it again from its editor.`}
        confirmLabel="Cancel publish"
        cancelLabel="Keep it"
        action={() => updateScheduledRecordAction({ id: record.id, status: "cancelled" })}
      >
        <XCircle aria-hidden /> Cancel
      </ConfirmActionButton>
      {open && record.scheduledAt && (
        <RescheduleDialog
          record={{ ...record, scheduledAt: new Date(record.scheduledAt) }}
          what={what}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            router.refresh();
          }}
        />
      )}
    </div>
  );
}

function RescheduleDialog({ record, what, onClose, onDone }: { record: ScheduledRecord & { scheduledAt: Date }; what: string; onClose: () => void; onDone: () => void }) {
  const timeZone = useTimeZone() ?? "UTC";
  const { form, submit, pending } = useActionForm(updateRecordActionSchema, updateScheduledRecordAction, {
    defaultValues: { id: record.id, timeZone, scheduledAt: toLocalInput(record.scheduledAt) as unknown as Date },
    onSuccess: onDone,
  });
  const chosen = form.watch("scheduledAt") as unknown as string;
  const preview = chosen ? new Date(chosen) : null;
  const valid = preview && !Number.isNaN(preview.getTime());
  return (
    <Dialog open onOpenChange={(next) => !next && onClose()}>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Reschedule</DialogTitle>
          <DialogDescription>Choose when {what} goes live. Now set for {formatInZone(record.scheduledAt, timeZone)}.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={submit} method="post" className="space-y-4" noValidate>
            <FormError message={form.formState.errors.root?.message ?? form.formState.errors.status?.message} />
            <FormField
              control={form.control}
              name="scheduledAt"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>New date and time</FormLabel>
                  <FormControl>
                    <Input type="datetime-local" min={toLocalInput(new Date())} {...field} value={String(field.value ?? "")} />
                  </FormControl>
                  <FormDescription>
                    In your time zone: <strong>{timeZone}</strong> ({zoneOffset(valid ? preview : new Date(), timeZone)}).
                    {valid && timeZone !== "UTC" && <> That is {formatInZone(preview, "UTC")} UTC.</>}
                  </FormDescription>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={onClose}>Keep current time</Button>
              <Button type="submit" disabled={pending || !valid}>{pending ? "Saving…" : "Reschedule"}</Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
