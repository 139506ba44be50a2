"use client";

import { useRouter } from "next/navigation";
import { z } from "zod";
import { createTaskAction, updateTaskAction } from "@/lib/writer/actions";
import { CONTENT_STRUCTURES, CONTENT_TYPES } from "@/lib/writer/constants";
import { createTaskSchema } from "@/lib/writer/schemas";
import type { TaskDto } from "@/lib/writer/service";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ContentTypeSetting } from "@/lib/sites/content-types";
import type { ClusterOption } from "./filters";
import { CONTENT_STRUCTURE_LABELS, CONTENT_TYPE_LABELS, labelFor } from "./labels";

const formSchema = createTaskSchema.omit({ ideaId: true, authorProfileId: true, strategyId: true, status: true });
type FormValues = z.input<typeof formSchema>;
const NO_CLUSTER = "none";

/** `contentTypes`: the site's content types (Sites → Settings); new tasks take their defaults. */
export type TaskFormPlacement = { siteId: number; sectorId: number | null; sectors: { id: number; name: string }[]; contentTypes?: ContentTypeSetting[] };

/** Create a task (no `task`) or edit one. */
export function TaskFormDialog({ task, placement, clusters, open, onOpenChange }: { task?: TaskDto; placement: TaskFormPlacement; clusters: ClusterOption[]; open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const types = placement.contentTypes?.filter((t) => t.enabled) ?? [];
  const preset = types.find((t) => t.isDefault) ?? types[0];
  const action = (values: FormValues) => {
    if (!task) return createTaskAction(values);
    const { siteId: _s, sectorId: _t, ...rest } = values;
    return updateTaskAction({ ...rest, id: task.id });
  };
  const { form, submit, pending } = useActionForm(formSchema, action, {
    defaultValues: {
      siteId: task?.siteId ?? placement.siteId,
      sectorId: task?.sectorId ?? placement.sectorId ?? placement.sectors[0]?.id,
      title: task?.title ?? "",
      keywords: task?.keywords ?? "",
      clusterId: task?.clusterId ?? null,
      contentType: task?.contentType ?? preset?.type ?? "post",
      contentStructure: task?.contentStructure ?? preset?.defaultStructure ?? "article",
      targetWordCount: task?.targetWordCount ?? preset?.defaultWordCount ?? 1500,
      description: task?.description ?? "",
    },
    onSuccess: () => {
      onOpenChange(false);
      form.reset();
      router.refresh();
    },
  });
  const typeOptions = [...new Set([...(types.length ? types.map((t) => t.type) : CONTENT_TYPES), task?.contentType].filter(Boolean) as string[])];
  // A new task follows the chosen type's structure and length.
  const chooseType = (type: string) => {
    const setting = !task && types.find((t) => t.type === type);
    if (!setting) return;
    form.setValue("contentStructure", setting.defaultStructure);
    form.setValue("targetWordCount", setting.defaultWordCount);
  };
  const structureOptions = [...new Set([...CONTENT_STRUCTURES, task?.contentStructure].filter(Boolean) as string[])];

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{task ? "Edit task" : "New task"}</DialogTitle>
          <DialogDescription>{task ? "Change what the article should be about." : "One task is one article to write, by hand or with AI."}</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={submit} method="post" className="space-y-4" noValidate>
            <FormError message={form.formState.errors.root?.message} />
            <FormField control={form.control} name="title" render={({ field }) => (
              <FormItem>
                <FormLabel>Title</FormLabel>
                <FormControl><Input placeholder="How to build a raised garden bed" {...field} /></FormControl>
                <FormMessage />
              </FormItem>
            )} />
            <FormField control={form.control} name="keywords" render={({ field }) => (
              <FormItem>
                <FormLabel>Keywords</FormLabel>
                <FormControl><Input placeholder="raised garden bed, diy raised bed" {...field} value={field.value ?? ""} /></FormControl>
                <FormDescription>Comma-separated. The first is the primary keyword.</FormDescription>
                <FormMessage />
              </FormItem>
            )} />
            <div className="grid gap-4 sm:grid-cols-2">
              {!task && placement.sectors.length > 1 && (
                <FormField control={form.control} name="sectorId" render={({ field }) => (
                  <FormItem>
                    <FormLabel>Sector</FormLabel>
                    <Select value={field.value ? String(field.value) : undefined} onValueChange={(v) => field.onChange(Number(v))}>
                      <FormControl><SelectTrigger className="w-full"><SelectValue placeholder="Choose a sector" /></SelectTrigger></FormControl>
                      <SelectContent>{placement.sectors.map((s) => <SelectItem key={s.id} value={String(s.id)}>{s.name}</SelectItem>)}</SelectContent>
                    </Select>
                    <FormMessage />
                  </FormItem>
                )} />
              )}
              <FormField control={form.control} name="clusterId" render={({ field }) => (
                <FormItem>
                  <FormLabel>Cluster</FormLabel>
                  <Select value={field.value ? String(field.value) : NO_CLUSTER} onValueChange={(v) => field.onChange(v === NO_CLUSTER ? null : Number(v))}>
                    <FormControl><SelectTrigger className="w-full"><SelectValue /></SelectTrigger></FormControl>
                    <SelectContent>
                      <SelectItem value={NO_CLUSTER}>No cluster</SelectItem>
                      {clusters.map((c) => <SelectItem key={c.id} value={String(c.id)}>{c.name}</SelectItem>)}
                    </SelectContent>
                  </Select>
                  <FormMessage />
                </FormItem>
              )} />
              <FormField control={form.control} name="contentType" render={({ field }) => (
                <FormItem>
                  <FormLabel>Content type</FormLabel>
                  <Select value={field.value} onValueChange={(v) => { field.onChange(v); chooseType(v); }}>
                    <FormControl><SelectTrigger className="w-full"><SelectValue /></SelectTrigger></FormControl>
                    <SelectContent>{typeOptions.map((t) => <SelectItem key={t} value={t}>{labelFor(CONTENT_TYPE_LABELS, t)}</SelectItem>)}</SelectContent>
                  </Select>
                  <FormMessage />
                </FormItem>
              )} />
              <FormField control={form.control} name="contentStructure" render={({ field }) => (
                <FormItem>
                  <FormLabel>Structure</FormLabel>
                  <Select value={field.value} onValueChange={field.onChange}>
                    <FormControl><SelectTrigger className="w-full"><SelectValue /></SelectTrigger></FormControl>
                    <SelectContent>{structureOptions.map((t) => <SelectItem key={t} value={t}>{labelFor(CONTENT_STRUCTURE_LABELS, t)}</SelectItem>)}</SelectContent>
                  </Select>
                  <FormMessage />
                </FormItem>
              )} />
              <FormField control={form.control} name="targetWordCount" render={({ field }) => (
                <FormItem>
                  <FormLabel>Target words</FormLabel>
                  <FormControl><Input type="number" min={100} max={20000} step={100} {...field} value={String(field.value ?? "")} onChange={(e) => field.onChange(e.target.value === "" ? undefined : Number(e.target.value))} /></FormControl>
                  <FormMessage />
                </FormItem>
              )} />
            </div>
            <FormField control={form.control} name="description" render={({ field }) => (
              <FormItem>
                <FormLabel>Brief</FormLabel>
                <FormControl><Textarea rows={3} placeholder="Angle, audience, points to cover…" {...field} value={field.value ?? ""} /></FormControl>
                <FormMessage />
              </FormItem>
            )} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>Cancel</Button>
              <Button type="submit" disabled={pending}>{pending ? "Saving…" : task ? "Save task" : "Create task"}</Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
