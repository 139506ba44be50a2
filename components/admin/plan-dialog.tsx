"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { createPlanAction, updatePlanAction } from "@/lib/admin/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export type PlanRow = {
  id: number; name: string; slug: string; description: string; price: number; sortOrder: number; isActive: boolean; isDefault: boolean; accounts: number;
  maxUsers: number; maxSites: number; maxSectorsPerSite: number; maxKeywords: number; maxClusters: number; maxContentIdeas: number;
  monthlyAiRequests: number; monthlyWords: number; monthlyImages: number; includedCredits: number; stripePriceId: string | null; features: unknown;
};

export const LIMIT_FIELDS = [
  ["maxUsers", "Users"], ["maxSites", "Sites"], ["maxSectorsPerSite", "Sectors per site (≤ 5)"], ["maxKeywords", "Keywords"], ["maxClusters", "Clusters"],
  ["maxContentIdeas", "Content ideas"], ["monthlyAiRequests", "AI requests / month"], ["monthlyWords", "Words / month"], ["monthlyImages", "Images / month"], ["includedCredits", "Credits / month"],
] as const;

const blank = { name: "", slug: "", description: "", price: 0, sortOrder: 10, maxUsers: 1, maxSites: 1, maxSectorsPerSite: 5, maxKeywords: 1000, maxClusters: 100, maxContentIdeas: 200, monthlyAiRequests: 200, monthlyWords: 50000, monthlyImages: 50, includedCredits: 500, stripePriceId: "", features: "" };

export function PlanDialog({ plan, onClose }: { plan?: PlanRow; onClose: () => void }) {
  const router = useRouter();
  const [form, setForm] = useState<Record<string, string | number>>(plan ? { ...plan, stripePriceId: plan.stripePriceId ?? "", features: (plan.features as string[]).join("\n") } : blank);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const set = (key: string) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const save = () =>
    startTransition(async () => {
      const values = {
        ...Object.fromEntries([...LIMIT_FIELDS.map(([k]) => [k, Number(form[k])]), ["price", Number(form.price)], ["sortOrder", Number(form.sortOrder)]]),
        name: String(form.name),
        slug: String(form.slug),
        description: String(form.description),
        stripePriceId: String(form.stripePriceId) || null,
        features: String(form.features).split("\n").map((f) => f.trim()).filter(Boolean),
      };
      const result = plan ? await updatePlanAction({ id: plan.id, ...values }) : await createPlanAction(values as Parameters<typeof createPlanAction>[0] & object);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return void toast.error(result.message);
      }
      toast.success(result.message);
      router.refresh();
      onClose();
    });
  const field = (key: string, label: string, type = "number") => (
    <div key={key} className="space-y-1.5">
      <Label htmlFor={`plan-${key}`}>{label}</Label>
      <Input id={`plan-${key}`} type={type} value={String(form[key] ?? "")} onChange={set(key)} aria-invalid={Boolean(errors[key])} />
      {errors[key] && <p className="text-xs text-destructive">{errors[key][0]}</p>}
    </div>
  );
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>{plan ? `Edit ${plan.name}` : "New plan"}</DialogTitle>
          <DialogDescription>Limits apply at once to every account on the plan.</DialogDescription>
        </DialogHeader>
        <div className="grid gap-4 sm:grid-cols-3">
          {field("name", "Name", "text")}
          {field("slug", "Slug", "text")}
          {field("price", "Price (USD / month)")}
          <div className="sm:col-span-3">{field("description", "Description", "text")}</div>
          {LIMIT_FIELDS.map(([key, label]) => field(key, label))}
          {field("sortOrder", "Sort order")}
          {field("stripePriceId", "Stripe price id", "text")}
          <div className="space-y-1.5 sm:col-span-3">
            <Label htmlFor="plan-features">Features (one per line)</Label>
            <textarea id="plan-features" className="min-h-20 w-full rounded-md border bg-card p-2 text-sm" value={String(form.features)} onChange={(e) => setForm((f) => ({ ...f, features: e.target.value }))} />
          </div>
        </div>
        <DialogFooter><Button onClick={save} disabled={pending}>{pending ? "Saving…" : plan ? "Save plan" : "Create plan"}</Button></DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
