"use client";

import { useState } from "react";
import { Plus } from "lucide-react";
import { createIntegrationAction } from "@/lib/integration/actions";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { SecretDialog } from "./secret-dialog";

type Platform = "wordpress" | "shopify" | "custom";

export function AddIntegrationDialog({ siteId, defaults }: { siteId: number; defaults?: { baseUrl?: string | null; username?: string | null } }) {
  const [open, setOpen] = useState(false);
  const [platform, setPlatform] = useState<Platform>("wordpress");
  const [fields, setFields] = useState<Record<string, string>>({ baseUrl: defaults?.baseUrl ?? "", username: defaults?.username ?? "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [secret, setSecret] = useState<string | null>(null);
  const { run, pending } = useAction();
  const set = (name: string) => (e: React.ChangeEvent<HTMLInputElement>) => setFields((f) => ({ ...f, [name]: e.target.value }));
  const field = (name: string, label: string, props: React.ComponentProps<typeof Input> = {}, hint?: string) => (
    <div className="space-y-1.5">
      <Label htmlFor={`int-${name}`}>{label}</Label>
      <Input id={`int-${name}`} value={fields[name] ?? ""} onChange={set(name)} {...props} />
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
      {errors[name]?.map((e) => <p key={e} className="text-xs text-destructive">{e}</p>)}
    </div>
  );
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const name = fields.name || undefined;
    const input =
      platform === "wordpress"
        ? { platform, siteId, baseUrl: fields.baseUrl, username: fields.username, appPassword: fields.appPassword ?? "", name }
        : platform === "shopify"
          ? { platform, siteId, shopDomain: fields.shopDomain ?? "", accessToken: fields.accessToken ?? "", blogId: fields.blogId || undefined, name }
          : { platform, siteId, endpoint: fields.endpoint ?? "", apiKey: fields.apiKey || undefined, name };
    run(() => createIntegrationAction(input).then((r) => (r.ok ? r : (setErrors(r.fieldErrors ?? {}), r))), {
      onSuccess: (data) => {
        setOpen(false);
        if (data.signingSecret) setSecret(data.signingSecret);
      },
    });
  }
  return (
    <>
    <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild><Button><Plus className="size-4" /> Add integration</Button></DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <DialogHeader>
            <DialogTitle>Add an integration</DialogTitle>
            <DialogDescription>Publish this site&apos;s articles to WordPress, a Shopify blog or your own endpoint (a signed webhook). Credentials are stored encrypted.</DialogDescription>
          </DialogHeader>
          <div className="space-y-1.5">
            <Label>Platform</Label>
            <Select value={platform} onValueChange={(v) => setPlatform(v as Platform)}>
              <SelectTrigger aria-label="Platform"><SelectValue /></SelectTrigger>
              <SelectContent>
                <SelectItem value="wordpress">WordPress</SelectItem>
                <SelectItem value="shopify">Shopify</SelectItem>
                <SelectItem value="custom">Custom webhook</SelectItem>
              </SelectContent>
            </Select>
          </div>
          {platform === "wordpress" ? (
            <>
              {field("baseUrl", "WordPress address", { placeholder: "https://blog.example.com" })}
              {field("username", "Username", { autoComplete: "off" })}
              {field("appPassword", "Application password", { type: "password", autoComplete: "new-password", placeholder: "xxxx xxxx xxxx xxxx xxxx xxxx" }, "WordPress → Users → Profile → Application Passwords. Not your login password.")}
            </>
          ) : platform === "custom" ? (
            <>
              {field("endpoint", "Endpoint", { placeholder: "https://cms.example.com/hooks/content-studio", inputMode: "url" }, "Each publish POSTs the article as JSON here, signed with a secret shown once after you add it.")}
              {field("apiKey", "Receiver's API key (optional)", { type: "password", autoComplete: "new-password" }, "Sent as Authorization: Bearer … when your endpoint wants one.")}
            </>
          ) : (
            <>
              {field("shopDomain", "Shop domain", { placeholder: "my-shop.myshopify.com" })}
              {field("accessToken", "Admin API access token", { type: "password", autoComplete: "new-password" }, "Needs the read_content and write_content scopes.")}
              {field("blogId", "Blog id (optional)", { inputMode: "numeric" }, "Empty: the shop's first blog.")}
            </>
          )}
          {field("name", "Name (optional)", { placeholder: { wordpress: "Main blog", shopify: "Shop blog", custom: "Headless CMS" }[platform] })}
          <DialogFooter><Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add integration"}</Button></DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
    </>
  );
}
