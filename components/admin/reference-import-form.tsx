"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Upload } from "lucide-react";
import { importReferenceAction } from "@/lib/admin/actions";
import type { ImportReport, ReferenceKind } from "@/lib/reference/csv";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function ReferenceImportForm({ kind }: { kind: ReferenceKind }) {
  const router = useRouter();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="space-y-3"
      action={(formData) =>
        startTransition(async () => {
          formData.set("kind", kind);
          const result = await importReferenceAction(formData);
          if (result.ok) {
            toast.success(result.message);
            setReport(result.data);
            router.refresh();
          } else toast.error(result.message);
        })
      }
    >
      <div className="space-y-1.5">
        <Label htmlFor={`file-${kind}`}>Upload CSV</Label>
        <Input id={`file-${kind}`} name="file" type="file" accept=".csv,text/csv" required />
      </div>
      <Button type="submit" variant="outline" size="sm" disabled={pending}><Upload className="size-4" /> {pending ? "Importing…" : "Import"}</Button>
      {report && report.invalid.length > 0 && (
        <ul className="max-h-40 overflow-auto rounded border p-2 text-xs text-destructive" aria-label="Invalid rows">
          {report.invalid.map((row) => <li key={row.line}>Line {row.line}: {row.reason}</li>)}
        </ul>
      )}
    </form>
  );
}
