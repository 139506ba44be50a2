"use client";

import { useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { FilePlus2 } from "lucide-react";
import { toast } from "sonner";
import { createContentAction } from "@/lib/writer/actions";
import { Button } from "@/components/ui/button";

/** A blank draft in the selected site and sector (or its first sector), opened in the editor. */
export function NewDraftButton({ siteId, sectorId, size = "sm" }: { siteId: number; sectorId: number | null; size?: "sm" | "default" }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (!sectorId) {
    return <Button size={size} variant="outline" asChild><Link href={`/manage/sites/${siteId}/settings?tab=sectors`}>Choose sectors first</Link></Button>;
  }
  return (
    <Button
      size={size}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await createContentAction({ siteId, sectorId, title: "Untitled draft" });
          if (!result.ok) return void toast.error(result.message);
          router.push(`/writer/content/${result.data.id}`);
        })
      }
    >
      <FilePlus2 /> {pending ? "Creating…" : "New draft"}
    </Button>
  );
}
