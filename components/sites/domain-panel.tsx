"use client";

import { useState } from "react";
import { CheckCircle2, CircleAlert, Loader2 } from "lucide-react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { checkSiteDomainAction } from "@/lib/sites/actions";
import type { DomainCheck } from "@/lib/sites/domain-check";

/** The site's own domain: the DNS records to add, and a check the user runs. */
export function DomainPanel({ siteId, siteSlug, host, appHost, disabled }: { siteId: number; siteSlug: string; host: string | null; appHost: string; disabled?: boolean }) {
  const { run, pending } = useAction();
  const [check, setCheck] = useState<DomainCheck | null>(null);
  if (!host) {
    return (
      <p className="text-sm text-muted-foreground">
        The hosted site is at <code className="break-all">/sites/{siteSlug}</code>. Enter a domain above (e.g. https://blog.example.com) and save to serve it at the root of that domain.
      </p>
    );
  }
  const www = host.startsWith("www.") ? host.slice(4) : `www.${host}`;
  return (
    <div className="space-y-3 text-sm">
      <p>
        To serve this site at <strong className="break-all">{host}</strong> (and <span className="break-all">{www}</span>), add these DNS records at your domain&apos;s registrar:
      </p>
      <div className="overflow-x-auto rounded-md border">
        <table className="w-full min-w-[28rem] text-left">
          <thead className="bg-muted/50 text-xs text-muted-foreground">
            <tr><th className="px-3 py-2 font-medium">Type</th><th className="px-3 py-2 font-medium">Name</th><th className="px-3 py-2 font-medium">Value</th></tr>
          </thead>
          <tbody>
            <tr className="border-t"><td className="px-3 py-2">CNAME</td><td className="px-3 py-2 break-all">{www}</td><td className="px-3 py-2 break-all">{appHost}</td></tr>
            <tr className="border-t"><td className="px-3 py-2">A / AAAA (or ALIAS)</td><td className="px-3 py-2 break-all">{host.replace(/^www\./, "")}</td><td className="px-3 py-2">the address(es) of {appHost}</td></tr>
          </tbody>
        </table>
      </div>
      <p className="text-muted-foreground">Canonical links, the sitemap, RSS and social previews use this domain as soon as it is saved, so add the records before you publish with it.</p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="outline" disabled={disabled || pending} onClick={() => run(() => checkSiteDomainAction({ id: siteId }), { onSuccess: setCheck, refresh: false })}>
          {pending && <Loader2 className="animate-spin" />} Check domain
        </Button>
        {check && (
          <span className={`flex items-center gap-1.5 ${check.pointsHere ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}`} role="status">
            {check.pointsHere ? <CheckCircle2 className="size-4 shrink-0" /> : <CircleAlert className="size-4 shrink-0" />}
            {check.detail}
          </span>
        )}
      </div>
    </div>
  );
}
