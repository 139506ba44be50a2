import type { Metadata } from "next";
import { requireDeveloperPage } from "@/lib/admin/guard";
import { CREDIT_COSTS } from "@/lib/billing/prices";
import { readSystemSettings } from "@/lib/system/settings";
import { camelOperation, PRICED_OPERATIONS } from "@/lib/system/settings-schema";
import { SettingsChanges } from "@/components/admin/system-settings-changes";
import { SystemSettingsForm } from "@/components/admin/system-settings-form";
import { PageHeader } from "@/components/layout/page-header";

export const metadata: Metadata = { title: "System settings" };

export default async function AdminSystemSettingsPage() {
  const ctx = await requireDeveloperPage();
  const settings = await readSystemSettings(ctx);
  const operations = PRICED_OPERATIONS.map((op) => ({ key: camelOperation(op), operation: op, label: CREDIT_COSTS[op].label, per: `${CREDIT_COSTS[op].per === 1 ? "" : `${CREDIT_COSTS[op].per} `}${CREDIT_COSTS[op].unit}`, defaultCredits: CREDIT_COSTS[op].credits }));
  return (
    <>
      <PageHeader title="System settings" description="Settings for the whole installation: every account and site. Changes apply within 15 seconds on every app process and are recorded with who made them." />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem] xl:items-start">
        <SystemSettingsForm
          values={{ defaultModels: settings.defaultModels, creditPrices: Object.fromEntries(operations.map((o) => [o.key, settings.creditPrices[o.operation] ?? null])), features: settings.features, maintenance: settings.maintenance }}
          operations={operations}
        />
        <SettingsChanges changes={settings.changes.map((c) => ({ ...c, changes: (c.changes ?? {}) as Record<string, { before: unknown; after: unknown }> }))} />
      </div>
    </>
  );
}
