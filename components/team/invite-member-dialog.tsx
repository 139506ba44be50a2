"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Copy, UserPlus } from "lucide-react";
import { toast } from "sonner";
import { inviteMemberSchema } from "@/lib/team/schemas";
import { inviteMemberAction } from "@/lib/team/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { SiteChecklist } from "./site-checklist";

const ROLE_HELP = {
  admin: "Admin — manages sites, team and settings.",
  editor: "Editor — creates and edits content on the sites you choose.",
  viewer: "Viewer — read-only access to the sites you choose.",
} as const;

export function InviteMemberDialog({ sites }: { sites: { id: number; name: string }[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const { form, submit, pending } = useActionForm(inviteMemberSchema, inviteMemberAction, {
    defaultValues: { email: "", role: "editor", siteIds: [] },
    onSuccess: (data) => {
      setLink(new URL(data.inviteUrl, window.location.origin).toString());
      router.refresh();
    },
  });
  const role = form.watch("role");

  function reset(next: boolean) {
    setOpen(next);
    if (!next) {
      setLink(null);
      form.reset();
    }
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button><UserPlus className="size-4" /> Invite member</Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Invite a teammate</DialogTitle>
          <DialogDescription>We create a link you can send them however you like. It works once and expires in 7 days.</DialogDescription>
        </DialogHeader>
        {link ? (
          <div className="space-y-3">
            <Label htmlFor="invite-link">Invitation link</Label>
            <div className="flex gap-2">
              <Input id="invite-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
              <Button type="button" variant="outline" size="icon" aria-label="Copy invitation link" onClick={() => { void navigator.clipboard?.writeText(link); toast.success("Link copied."); }}>
                <Copy className="size-4" />
              </Button>
            </div>
            <DialogFooter><Button onClick={() => reset(false)}>Done</Button></DialogFooter>
          </div>
        ) : (
          <Form {...form}>
            <form onSubmit={submit} method="post" className="space-y-4" noValidate>
              <FormError message={form.formState.errors.root?.message} />
              <FormField control={form.control} name="email" render={({ field }) => (
                <FormItem>
                  <FormLabel>Email</FormLabel>
                  <FormControl><Input type="email" placeholder="name@company.com" {...field} /></FormControl>
                  <FormMessage />
                </FormItem>
              )} />
              <FormField control={form.control} name="role" render={({ field }) => (
                <FormItem>
                  <FormLabel>Role</FormLabel>
                  <Select value={field.value} onValueChange={field.onChange}>
                    <FormControl><SelectTrigger className="w-full" aria-label="Role"><SelectValue /></SelectTrigger></FormControl>
                    <SelectContent>
                      {(Object.keys(ROLE_HELP) as (keyof typeof ROLE_HELP)[]).map((r) => <SelectItem key={r} value={r}>{ROLE_HELP[r]}</SelectItem>)}
                    </SelectContent>
                  </Select>
                  <FormMessage />
                </FormItem>
              )} />
              {role !== "admin" && (
                <FormField control={form.control} name="siteIds" render={({ field }) => (
                  <FormItem>
                    <FormLabel>Sites they can see</FormLabel>
                    <SiteChecklist sites={sites} value={(field.value ?? []) as number[]} onChange={field.onChange} />
                    <FormDescription>Editors and viewers only see the sites you tick.</FormDescription>
                    <FormMessage />
                  </FormItem>
                )} />
              )}
              <DialogFooter><Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create invitation"}</Button></DialogFooter>
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
