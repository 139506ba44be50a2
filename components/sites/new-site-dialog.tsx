"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import type { SiteDto } from "@/lib/sites/service";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { SiteForm } from "./site-form";

/**
 * Create a site, then go straight to choosing its sectors. The dialog stays open with the new site
 * named until the sectors page is there, so nothing looks as if the creation failed.
 */
export function NewSiteDialog({ label = "New site" }: { label?: string }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<SiteDto | null>(null);
  const [, startNavigation] = useTransition();
  const router = useRouter();
  const next = created ? `/manage/sites/${created.id}/settings?tab=sectors` : "";
  return (
    <Dialog open={open} onOpenChange={(value) => { setOpen(value); if (!value) setCreated(null); }}>
      <DialogTrigger asChild>
        <Button><Plus className="size-4" /> {label}</Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{created ? `“${created.name}” is created` : "Create a site"}</DialogTitle>
          <DialogDescription>{created ? "Next: choose its industry and up to five sectors." : "Each site holds its own keywords, content and up to five sectors."}</DialogDescription>
        </DialogHeader>
        {created ? (
          <div role="status" className="flex items-center justify-between gap-3 rounded-lg border bg-muted/40 p-4 text-sm">
            <span className="flex items-center gap-2"><Spinner /> Opening its sectors…</span>
            <Link href={next} className="font-medium text-primary hover:underline">Open now</Link>
          </div>
        ) : (
          <SiteForm
            refresh={false}
            onDone={(site) => {
              setCreated(site);
              startNavigation(() => router.push(`/manage/sites/${site.id}/settings?tab=sectors`));
            }}
          />
        )}
      </DialogContent>
    </Dialog>
  );
}
