"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { z } from "zod";
import { createAuthorProfileAction, updateAuthorProfileAction } from "@/lib/settings/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";

export type AuthorRow = { id: number; name: string; description: string; tone: string; language: string; isActive: boolean };

const schema = z.object({
  name: z.string().trim().min(1, "Name is required.").max(120),
  description: z.string().trim().max(2000),
  tone: z.string().trim().min(1, "Tone is required.").max(60),
  language: z.string().trim().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$/, "Use a language code such as en, de or pt-BR."),
  isActive: z.boolean(),
});

export function AuthorDialog({ author, open, onOpenChange }: { author?: AuthorRow; open?: boolean; onOpenChange?: (open: boolean) => void }) {
  const router = useRouter();
  const [ownOpen, setOwnOpen] = useState(false);
  const isOpen = open ?? ownOpen;
  const setOpen = onOpenChange ?? setOwnOpen;
  const { form, submit, pending } = useActionForm(schema, (v) => (author ? updateAuthorProfileAction({ id: author.id, ...v }) : createAuthorProfileAction(v)), {
    defaultValues: { name: author?.name ?? "", description: author?.description ?? "", tone: author?.tone ?? "professional", language: author?.language ?? "en", isActive: author?.isActive ?? true },
    onSuccess: () => {
      setOpen(false);
      if (!author) form.reset();
      router.refresh();
    },
  });
  return (
    <Dialog open={isOpen} onOpenChange={setOpen}>
      {!author && (
        <DialogTrigger asChild>
          <Button><Plus className="size-4" /> New author profile</Button>
        </DialogTrigger>
      )}
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{author ? `Edit ${author.name}` : "New author profile"}</DialogTitle>
          <DialogDescription>The voice articles are written in. Tasks pick one; without, the first active profile is used.</DialogDescription>
        </DialogHeader>
        <Form {...form}>
          <form onSubmit={submit} className="space-y-4" noValidate>
            <FormError message={form.formState.errors.root?.message} />
            <FormField control={form.control} name="name" render={({ field }) => (
              <FormItem><FormLabel>Name</FormLabel><FormControl><Input placeholder="Garden Gus" {...field} /></FormControl><FormMessage /></FormItem>
            )} />
            <FormField control={form.control} name="description" render={({ field }) => (
              <FormItem><FormLabel>Who they are</FormLabel><FormControl><Textarea rows={3} placeholder="A horticulturist who explains things simply." {...field} /></FormControl><FormMessage /></FormItem>
            )} />
            <div className="grid grid-cols-2 gap-4">
              <FormField control={form.control} name="tone" render={({ field }) => (
                <FormItem><FormLabel>Tone</FormLabel><FormControl><Input list="author-tones" {...field} /></FormControl><FormMessage /></FormItem>
              )} />
              <FormField control={form.control} name="language" render={({ field }) => (
                <FormItem><FormLabel>Language</FormLabel><FormControl><Input placeholder="en" {...field} /></FormControl><FormDescription>A code: en, de, pt-BR…</FormDescription><FormMessage /></FormItem>
              )} />
            </div>
            <datalist id="author-tones">
              {["professional", "friendly", "playful", "expert", "conversational", "persuasive"].map((t) => <option key={t} value={t} />)}
            </datalist>
            <FormField control={form.control} name="isActive" render={({ field }) => (
              <FormItem className="flex items-center gap-3"><FormControl><Switch checked={field.value} onCheckedChange={field.onChange} /></FormControl><FormLabel className="!mt-0">Active</FormLabel></FormItem>
            )} />
            <DialogFooter><Button type="submit" disabled={pending}>{pending ? "Saving…" : author ? "Save" : "Create"}</Button></DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
