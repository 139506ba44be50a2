"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2, Upload } from "lucide-react";
import { toast } from "sonner";
import type { AssetRow } from "@/lib/site-builder/assets";
import { Button } from "@/components/ui/button";

/** The site's logo and images: uploaded to the assets endpoint, deployed with the blueprint. */
export function AssetsPanel({ siteId, assets, canWrite }: { siteId: number; assets: AssetRow[]; canWrite: boolean }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [role, setRole] = useState<"logo" | "image">("image");
  const send = async (init: RequestInit, ok: string) => {
    setBusy(true);
    try {
      const res = await fetch("/api/v1/site-builder/assets/", init);
      const body = await res.json().catch(() => null);
      if (!res.ok) return toast.error(body?.message ?? "The upload failed.");
      toast.success(ok);
      router.refresh();
    } finally {
      setBusy(false);
    }
  };
  const upload = (file: File) => {
    const form = new FormData();
    form.set("site_id", String(siteId));
    form.set("role", role);
    form.set("name", file.name);
    form.set("file", file);
    return send({ method: "POST", body: form }, `Uploaded ${file.name}.`);
  };
  return (
    <div className="space-y-3">
      {canWrite && (
        <div className="flex flex-wrap items-center gap-2">
          <select aria-label="Asset role" className="h-9 rounded-md border bg-background px-2 text-sm" value={role} onChange={(e) => setRole(e.target.value as "logo" | "image")}>
            <option value="image">Image</option>
            <option value="logo">Logo</option>
          </select>
          <input ref={input} type="file" accept="image/png,image/jpeg,image/webp,image/gif" className="hidden" onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ""; }} />
          <Button size="sm" variant="outline" disabled={busy} onClick={() => input.current?.click()}><Upload className="size-4" /> Upload image</Button>
          <span className="text-xs text-muted-foreground">PNG, JPEG, WebP or GIF, up to 10 MB.</span>
        </div>
      )}
      {assets.length ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {assets.map((a) => (
            <li key={a.id} className="space-y-1 rounded-md border p-2 text-xs">
              {/* eslint-disable-next-line @next/next/no-img-element -- stored files, sizes vary */}
              <img src={a.url} alt={a.name} className="aspect-video w-full rounded object-contain" />
              <div className="flex items-center gap-1">
                <span className="truncate">{a.role === "logo" ? "Logo · " : ""}{a.name}</span>
                {canWrite && <Button size="icon" variant="ghost" className="ml-auto size-6" aria-label={`Delete ${a.name}`} disabled={busy} onClick={() => send({ method: "DELETE", headers: { "content-type": "application/json" }, body: JSON.stringify({ ids: [a.id] }) }, "Asset deleted.")}><Trash2 className="size-3.5" /></Button>}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No assets yet. Upload the logo and images the hosted site should use.</p>
      )}
    </div>
  );
}
