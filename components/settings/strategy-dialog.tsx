"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { z } from "zod";
import { createStrategyAction, updateStrategyAction } from "@/lib/settings/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";

export type StrategyRow = { id: number; name: string; description: string; sectorId: number | null; sectorName: string | null; sectionLogic: unknown; isActive: boolean };
export type SectorOption = { id: number; label: string };

const ANY = "any";
const schema = z.object({
  name: z.string().trim().min(1, "Name is required.").max(120),
  description: z.string().trim().max(2000),
  sector: z.string(),
  sections: z.string().max(2000).refine((v) => v.split("\n").filter((l) => l.trim()).length <= 20, "At most 20 sections."),
  faq: z.boolean(),
  isActive: z.boolean(),
});

export function StrategyDialog({ strategy, sectors, open, onOpenChange }: { strategy?: StrategyRow; sectors: SectorOption[]; open?: boolean; onOpenChange?: (open: boolean) => void }) {
  const router = useRouter();
  const [ownOpen, setOwnOpen] = useState(false);
  const isOpen = open ?? ownOpen;
  const setOpen = onOpenChange ?? setOwnOpen;
  const logic = (strategy?.sectionLogic ?? {}) as { sections?: string[]; faq?: boolean };
  const { form, submit, pending } = useActionForm(
    schema,
    (v) => {
      const input = {
        name: v.name,
        description: v.description,
        sectorId: v.sector === ANY ? null : Number(v.sector),
        sectionLogic: { sections: v.sections.split("\n").map((s) => s.trim()).filter(Boolean), faq: v.faq },
        isActive: v.isActive,
      };
      return strategy ? updateStrategyAction({ id: strategy.id, ...input }) : createStrategyAction(input);
    },
    {
      defaultValues: { name: strategy?.name ?? "", description: strategy?.description ?? "", sector: strategy?.sectorId ? String(strategy.sectorId) : ANY, sections: (logic.sections ?? []).join("\n"), faq: logic.faq ?? false, isActive: strategy?.isActive ?? true },
      onSuccess: () => {
        setOpen(false);
        if (!strategy) form.reset();
        router.refresh();
      },
    },
  );
  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      {!strategy && (
        <DialogTrigger asChild>
          <Button><Plus className="size-4" /> New strategy</Button>
        </DialogTrigger>
      )}
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{strategy ? `Edit ${strategy.name}` : "New strategy"}</DialogTitle>
          <DialogDescription>The sections every article in a sector must have. A task’s own strategy wins; otherwise its sector’s, then one for any sector.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={submit} className="space-y-4" noValidate>
            <FormError message={form.formState.errors.root?.message} />
            <FormField control={form.control} name="name" render={({ field }) => (
              <FormItem><FormLabel>Name</FormLabel><FormControl><Input placeholder="How-to guides" {...field} /></FormControl><FormMessage /></FormItem>
            )} />
            <FormField control={form.control} name="sector" render={({ field }) => (
              <FormItem>
                <FormLabel>Sector</FormLabel>
                <Select value={field.value} onValueChange={field.onChange}>
                  <FormControl><SelectTrigger className="w-full" aria-label="Sector"><SelectValue /></SelectTrigger></FormControl>
                  <SelectContent>
                    <SelectItem value={ANY}>Any sector</SelectItem>
                    {sectors.map((s) => <SelectItem key={s.id} value={String(s.id)}>{s.label}</SelectItem>)}
                  </SelectContent>
                </Select>
                <FormMessage />
              </FormItem>
            )} />
            <FormField control={form.control} name="sections" render={({ field }) => (
              <FormItem>
                <FormLabel>Sections, in order</FormLabel>
                <FormControl><Textarea rows={5} placeholder={"What you need\nStep by step\nCommon mistakes"} {...field} /></FormControl>
                <FormDescription>One per line. Leave empty to let the writer choose.</FormDescription>
                <FormMessage />
              </FormItem>
            )} />
            <FormField control={form.control} name="description" render={({ field }) => (
              <FormItem><FormLabel>Notes</FormLabel><FormControl><Textarea rows={2} {...field} /></FormControl><FormMessage /></FormItem>
            )} />
            <div className="flex gap-6">
              <FormField control={form.control} name="faq" render={({ field }) => (
                <FormItem className="flex items-center gap-3"><FormControl><Switch checked={field.value} onCheckedChange={field.onChange} /></FormControl><FormLabel className="!mt-0">End with an FAQ</FormLabel></FormItem>
              )} />
              <FormField control={form.control} name="isActive" render={({ field }) => (
                <FormItem className="flex items-center gap-3"><FormControl><Switch checked={field.value} onCheckedChange={field.onChange} /></FormControl><FormLabel className="!mt-0">Active</FormLabel></FormItem>
              )} />
            </div>
            <DialogFooter><Button type="submit" disabled={pending}>{pending ? "Saving…" : strategy ? "Save" : "Create"}</Button></DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
