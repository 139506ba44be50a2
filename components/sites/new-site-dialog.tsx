"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SiteForm } from "./site-form";

export function NewSiteDialog({ label = "New site" }: { label?: string }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button><Plus className="size-4" /> {label}</Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Create a site</DialogTitle>
          <DialogDescription>Each site holds its own keywords, content and up to five sectors.</DialogDescription>
        </DialogHeader>
        <SiteForm onDone={(site) => { setOpen(false); router.push(`/manage/sites/${site.id}/settings?tab=sectors`); }} />
      </DialogContent>
    </Dialog>
  );
}
