"use client";

import { Trash2 } from "lucide-react";
import { deleteSiteAction } from "@/lib/sites/actions";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";

export function DeleteSiteButton({ site, onDone }: { site: { id: number; name: string }; onDone?: () => void }) {
  return (
    <ConfirmActionButton
      size="sm"
      variant="ghost"
      className="text-destructive hover:text-destructive"
      aria-label={`Delete ${site.name}`}
      title={`Delete “${site.name}”?`}
      description="Its sectors, keywords, content and settings are deleted too. This cannot be undone."
      confirmLabel="Delete site"
      action={() => deleteSiteAction({ id: site.id })}
      onDone={onDone}
    >
      <Trash2 className="size-4" /> Delete
    </ConfirmActionButton>
  );
}
