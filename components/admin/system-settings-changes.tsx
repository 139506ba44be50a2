import { History } from "lucide-react";
import { CREDIT_COSTS, type Operation } from "@/lib/billing/prices";
import { LocalTime } from "@/components/publishing/local-time";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

type Change = { id: number; userEmail: string; createdAt: Date; changes: Record<string, { before: unknown; after: unknown }> };

const FIELDS: Record<string, string> = {
  "maintenance.enabled": "Maintenance banner shown",
  "maintenance.message": "Maintenance banner message",
  "features.signups": "Sign-ups",
  "features.imageGeneration": "Image generation",
  "defaultModels.text": "Default text model",
  "defaultModels.image": "Default image model (OpenAI)",
  "defaultModels.runware": "Default image model (Runware)",
};

function fieldLabel(field: string): string {
  const [section, key] = field.split(".");
  if (section === "creditPrices") return `Credits for ${(CREDIT_COSTS[key as Operation]?.label ?? key).toLowerCase()}`;
  return FIELDS[field] ?? field;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (value === true) return "on";
  if (value === false) return "off";
  return typeof value === "string" ? `“${value}”` : String(value);
}

/** The audit of system settings: who changed which field, from what to what (newest first). */
export function SettingsChanges({ changes }: { changes: Change[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Recent changes</CardTitle>
        <CardDescription>The last {changes.length || 20} changes, newest first.</CardDescription>
      </CardHeader>
      <CardContent>
        {changes.length === 0 ? (
          <EmptyState icon={History} title="No changes yet" description="Every saved change appears here with who made it and each field's old and new value." />
        ) : (
          <ol className="space-y-4" aria-label="Recent changes">
            {changes.map((c) => (
              <li key={c.id} className="space-y-1.5 border-l-2 pl-3 text-sm">
                <div className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
                  <span className="font-medium text-foreground [overflow-wrap:anywhere]">{c.userEmail || "unknown user"}</span>
                  <LocalTime value={c.createdAt} />
                </div>
                <ul className="space-y-1">
                  {Object.entries(c.changes).map(([field, { before, after }]) => {
                    return (
                      <li key={field} className="[overflow-wrap:anywhere]">
                        <span className="text-muted-foreground">{fieldLabel(field)}: </span>
                        <span className="line-through decoration-muted-foreground/60">{show(before)}</span> → <span className="font-medium">{show(after)}</span>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
