"use client";

import { useRouter } from "next/navigation";
import { updateSystemSettingsAction } from "@/lib/system/actions";
import { updateSystemSettingsSchema, type UpdateSystemSettingsInput } from "@/lib/system/settings-schema";
import { FormError } from "@/components/forms/form-error";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";

type Values = Required<{ [K in keyof UpdateSystemSettingsInput]-?: Required<NonNullable<UpdateSystemSettingsInput[K]>> }>;
type Operation = { key: string; operation: string; label: string; per: string; defaultCredits: number };

const MODELS = [
  ["text", "Text model", "Writing, clustering, ideas and optimization."],
  ["image", "Image model (OpenAI)", "Featured and in-article images."],
  ["runware", "Image model (Runware)", "When an account generates images with Runware."],
] as const;

const FEATURES = [
  ["signups", "Sign-ups", "New teams can create an account. Off: the sign-up page says sign-ups are closed; invitations still work."],
  ["imageGeneration", "Image generation", "Accounts can generate images. Off: image requests are refused with a message; nothing is charged."],
] as const;

/** Empty means "not set": null, the value the schema and the service read as "use the default". */
const orNull = (value: string) => (value.trim() === "" ? null : value);

export function SystemSettingsForm({ values, operations }: { values: Values; operations: Operation[] }) {
  const router = useRouter();
  const { form, submit, pending } = useActionForm(updateSystemSettingsSchema, updateSystemSettingsAction, {
    defaultValues: values,
    onSuccess: (saved) => {
      const prices = Object.fromEntries(operations.map((o) => [o.key, saved.creditPrices[o.operation] ?? null]));
      form.reset({ defaultModels: saved.defaultModels, creditPrices: prices, features: saved.features, maintenance: saved.maintenance });
      router.refresh();
    },
  });
  const bannerOn = form.watch("maintenance.enabled");
  const message = form.watch("maintenance.message");
  const dirty = form.formState.isDirty;

  return (
    <Form {...form}>
      <form onSubmit={submit} method="post" className="min-w-0 space-y-6" noValidate aria-label="System settings">
        <FormError message={form.formState.errors.root?.message} />

        <Card>
          <CardHeader>
            <CardTitle>Maintenance banner</CardTitle>
            <CardDescription>A notice at the top of every signed-in page, for every user of every account.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <FormField control={form.control} name="maintenance.enabled" render={({ field }) => (
              <FormItem className="flex flex-row items-center gap-3">
                <FormControl><Switch checked={field.value} onCheckedChange={field.onChange} /></FormControl>
                <FormLabel className="font-normal">Show the banner</FormLabel>
              </FormItem>
            )} />
            <FormField control={form.control} name="maintenance.message" render={({ field }) => (
              <FormItem>
                <FormLabel>Banner message</FormLabel>
                <FormControl><Textarea rows={2} maxLength={500} placeholder="Maintenance tonight 22:00–23:00 UTC: publishing may be delayed." {...field} value={field.value ?? ""} /></FormControl>
                <FormDescription>{(message ?? "").length}/500 characters. Say when, and what users will notice.</FormDescription>
                <FormMessage />
              </FormItem>
            )} />
            {bannerOn && message?.trim() && (
              <div aria-label="Banner preview" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">{message}</div>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Features</CardTitle>
            <CardDescription>Turn a feature off for everyone, e.g. during an incident with a provider.</CardDescription>
          </CardHeader>
          <CardContent className="divide-y">
            {FEATURES.map(([key, label, description]) => (
              <FormField key={key} control={form.control} name={`features.${key}`} render={({ field }) => (
                <FormItem className="flex flex-row items-start justify-between gap-4 py-3 first:pt-0 last:pb-0">
                  <div className="space-y-1">
                    <FormLabel>{label}</FormLabel>
                    <FormDescription className="text-xs">{description}</FormDescription>
                  </div>
                  <FormControl><Switch checked={field.value} onCheckedChange={field.onChange} /></FormControl>
                </FormItem>
              )} />
            ))}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Default models</CardTitle>
            <CardDescription>Used by accounts that chose no model of their own. Leave empty for the environment&apos;s default.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-3">
            {MODELS.map(([key, label, description]) => (
              <FormField key={key} control={form.control} name={`defaultModels.${key}`} render={({ field }) => (
                <FormItem className="content-start">
                  <FormLabel>{label}</FormLabel>
                  <FormControl><Input placeholder="Environment default" autoComplete="off" spellCheck={false} {...field} value={field.value ?? ""} onChange={(e) => field.onChange(orNull(e.target.value))} /></FormControl>
                  <FormDescription className="text-xs">{description}</FormDescription>
                  <FormMessage />
                </FormItem>
              )} />
            ))}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Credit prices</CardTitle>
            <CardDescription>Credits charged per block of work. Leave empty to use the price table (shown as the placeholder).</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {operations.map((op) => (
              <FormField key={op.key} control={form.control} name={`creditPrices.${op.key}`} render={({ field }) => (
                <FormItem className="content-start">
                  <FormLabel>{op.label}</FormLabel>
                  <FormControl>
                    <Input type="number" inputMode="numeric" min={0} max={10000} step={1} placeholder={String(op.defaultCredits)} {...field} value={field.value ?? ""} onChange={(e) => field.onChange(e.target.value === "" ? null : e.target.valueAsNumber)} />
                  </FormControl>
                  <FormDescription className="text-xs">Credits per {op.per}; default {op.defaultCredits}.</FormDescription>
                  <FormMessage />
                </FormItem>
              )} />
            ))}
          </CardContent>
        </Card>

        <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t bg-background/95 px-4 py-3 backdrop-blur md:mx-0 md:rounded-md md:border">
          <Button type="submit" disabled={pending || !dirty}>{pending ? "Saving…" : "Save settings"}</Button>
          <Button type="button" variant="ghost" disabled={pending || !dirty} onClick={() => form.reset()}>Discard changes</Button>
          <span className="text-xs text-muted-foreground">{dirty ? "You have unsaved changes." : "No unsaved changes."}</span>
        </div>
      </form>
    </Form>
  );
}
