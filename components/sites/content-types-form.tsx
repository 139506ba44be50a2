"use client";

import { useFieldArray } from "react-hook-form";
import { idSchema } from "@/lib/http/validation";
import { saveContentTypesAction } from "@/lib/sites/content-types-actions";
import { saveContentTypesSchema } from "@/lib/sites/content-types-schema";
import type { ContentTypeSetting } from "@/lib/sites/content-types";
import { CONTENT_STRUCTURES } from "@/lib/writer/constants";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { CONTENT_STRUCTURE_LABELS, CONTENT_TYPE_LABELS, labelFor } from "@/components/writer/labels";

const formSchema = saveContentTypesSchema.safeExtend({ siteId: idSchema });

const DESCRIPTIONS: Record<string, string> = {
  post: "Blog posts and articles.",
  page: "Evergreen pages: guides, landing and about pages.",
  product: "Product descriptions for a shop.",
  service: "Pages that describe a service you offer.",
  category: "Category and collection introductions.",
};

/** Sites → Settings → Content types: which types the site publishes, and each type's defaults. */
export function ContentTypesForm({ siteId, types, destinations, disabled }: { siteId: number; types: ContentTypeSetting[]; destinations: { key: string; label: string }[]; disabled: boolean }) {
  const { form, submit, pending } = useActionForm(formSchema, saveContentTypesAction, { defaultValues: { siteId, types } });
  const { fields } = useFieldArray({ control: form.control, name: "types" });
  const values = form.watch("types");
  const setDefault = (index: number) => values.forEach((_, i) => form.setValue(`types.${i}.isDefault`, i === index, { shouldDirty: true }));

  return (
    <Form {...form}>
      <form onSubmit={submit} method="post" className="space-y-4" noValidate>
        <FormError message={form.formState.errors.root?.message ?? form.formState.errors.types?.message ?? form.formState.errors.types?.root?.message} />
        <fieldset disabled={disabled} className="divide-y rounded-lg border">
          <legend className="sr-only">Content types</legend>
          {fields.map((field, index) => {
            const value = values[index];
            const label = labelFor(CONTENT_TYPE_LABELS, field.type);
            return (
              <div key={field.id} className="grid grid-cols-2 gap-4 p-4 lg:grid-cols-[minmax(12rem,1fr)_10rem_8rem_minmax(12rem,1fr)] lg:items-start" data-testid={`content-type-${field.type}`}>
                <div className="col-span-2 flex items-start gap-3 lg:col-span-1">
                  <FormField control={form.control} name={`types.${index}.enabled`} render={({ field: f }) => (
                    <Switch checked={f.value} onCheckedChange={(on) => { f.onChange(on); if (!on && value?.isDefault) setDefault(values.findIndex((t, i) => i !== index && t.enabled)); }} aria-label={`Publish ${label.toLowerCase()}s`} className="mt-0.5" />
                  )} />
                  <div className="min-w-0 space-y-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{label}</span>
                      {value?.isDefault && <Badge variant="secondary">Default</Badge>}
                    </div>
                    <p className="text-xs text-muted-foreground">{DESCRIPTIONS[field.type]}</p>
                    {value?.enabled && !value.isDefault && (
                      <Button type="button" variant="link" size="sm" className="h-auto p-0 text-xs" onClick={() => setDefault(index)}>Make default</Button>
                    )}
                  </div>
                </div>
                <FormField control={form.control} name={`types.${index}.defaultStructure`} render={({ field: f }) => (
                  <FormItem>
                    <FormLabel className="text-xs text-muted-foreground">Structure</FormLabel>
                    <Select value={f.value} onValueChange={f.onChange} disabled={disabled || !value?.enabled}>
                      <FormControl><SelectTrigger className="w-full" aria-label={`${label} structure`}><SelectValue /></SelectTrigger></FormControl>
                      <SelectContent>{CONTENT_STRUCTURES.map((s) => <SelectItem key={s} value={s}>{labelFor(CONTENT_STRUCTURE_LABELS, s)}</SelectItem>)}</SelectContent>
                    </Select>
                    <FormMessage />
                  </FormItem>
                )} />
                <FormField control={form.control} name={`types.${index}.defaultWordCount`} render={({ field: f }) => (
                  <FormItem>
                    <FormLabel className="text-xs text-muted-foreground">Words</FormLabel>
                    <FormControl>
                      <Input type="number" min={100} max={20000} step={100} aria-label={`${label} target words`} disabled={disabled || !value?.enabled} {...f} value={String(f.value ?? "")} onChange={(e) => f.onChange(e.target.value === "" ? undefined : Number(e.target.value))} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )} />
                <FormField control={form.control} name={`types.${index}.destinations`} render={({ field: f }) => (
                  <FormItem className="col-span-2 lg:col-span-1">
                    <FormLabel className="text-xs text-muted-foreground">Publishes to</FormLabel>
                    <div className="flex flex-wrap gap-x-4 gap-y-2">
                      {destinations.map((d) => {
                        const chosen = (f.value ?? []).includes(d.key);
                        return (
                          <label key={d.key} className="flex items-center gap-2 text-sm">
                            <Checkbox
                              checked={chosen}
                              disabled={disabled || !value?.enabled}
                              onCheckedChange={(on) => f.onChange(on ? [...(f.value ?? []), d.key] : (f.value ?? []).filter((k) => k !== d.key))}
                              aria-label={`${label}: publish to ${d.label}`}
                            />
                            {d.label}
                          </label>
                        );
                      })}
                    </div>
                    {!(f.value ?? []).length && <p className="text-xs text-muted-foreground">None chosen: the Publishing tab&apos;s defaults.</p>}
                    <FormMessage />
                  </FormItem>
                )} />
              </div>
            );
          })}
        </fieldset>
        {!disabled && <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save content types"}</Button>}
      </form>
    </Form>
  );
}
