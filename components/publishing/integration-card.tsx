"use client";

import Link from "next/link";
import { useState } from "react";
import { CheckCircle2, CircleSlash, RefreshCw, Trash2, Webhook, XCircle } from "lucide-react";
import { deleteIntegrationAction, syncIntegrationAction, testIntegrationAction, updateIntegrationAction } from "@/lib/integration/actions";
import type { IntegrationDto } from "@/lib/integration/service";
import { useAction } from "@/components/forms/use-action";
import { useRunTracker } from "@/components/runs/run-progress-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";

type Check = { name: string; ok: boolean; detail: string };
const CREDENTIAL_LABELS: Record<string, string> = { appPassword: "password", accessToken: "token", apiKey: "API key", signingSecret: "signing secret" };
const CHECK_LABELS: Record<string, string> = { reachable: "Reachable", rest_api: "REST API", authentication: "Authentication", create_posts: "Create posts", upload_media: "Upload media", seo_plugin: "SEO plugin" };

type SyncStatsView = { summary?: string; posts?: number; pages?: number; categories?: number; tags?: number; changed?: number };

/** Syncs before the summary was stored were WordPress syncs: their counts say the same. */
function syncSummary(stats: SyncStatsView): string {
  return stats.summary ?? `${stats.posts ?? 0} posts, ${stats.pages ?? 0} pages, ${stats.categories ?? 0} categories, ${stats.tags ?? 0} tags`;
}

export function IntegrationCard({ integration, label, siteId, canManage }: { integration: IntegrationDto; label: string; siteId: number; canManage: boolean }) {
  const { run, pending } = useAction();
  const { track } = useRunTracker();
  const [password, setPassword] = useState("");
  const checks = (integration.lastTest ?? []) as Check[];
  const bridge = integration.config.mode === "bridge";
  const stats = (integration.syncStats ?? {}) as SyncStatsView;
  const syncable = integration.platform === "wordpress" || integration.platform === "shopify";
  const platform = integration.platform === "shopify" ? "Shopify" : "WordPress";
  return (
    <Card data-testid={`integration-${integration.id}`}>
      <CardHeader className="flex flex-row items-start justify-between gap-4 space-y-0">
        <div className="space-y-1">
          <CardTitle className="flex items-center gap-2">{label}{!integration.isActive && <Badge variant="secondary">Off</Badge>}{bridge && <Badge variant="outline">Bridge plugin</Badge>}</CardTitle>
          <CardDescription>
            {integration.config.baseUrl ?? integration.config.shopDomain ?? integration.config.endpoint ?? ""}
            {integration.config.username ? ` · ${integration.config.username}` : ""}
            {Object.entries(integration.credentialsMasked).map(([k, v]) => ` · ${CREDENTIAL_LABELS[k] ?? "token"} ${v}`)}
          </CardDescription>
        </div>
        {canManage && (
          <div className="flex items-center gap-2">
            <Switch checked={integration.isActive} aria-label="Active" disabled={pending} onCheckedChange={(isActive) => run(() => updateIntegrationAction({ id: integration.id, isActive }))} />
            <Button size="icon" variant="ghost" aria-label="Remove integration" disabled={pending} onClick={() => confirm("Remove this integration? Publishing records to it are kept.") && run(() => deleteIntegrationAction({ id: integration.id }))}><Trash2 className="size-4" /></Button>
          </div>
        )}
      </CardHeader>
      <CardContent className="space-y-4">
        {!bridge && (
          <div className="space-y-2">
            <div className="flex items-center justify-between gap-2">
              <p className="text-sm font-medium">Connection {integration.lastTestAt ? <span className="font-normal text-muted-foreground">· tested {new Date(integration.lastTestAt).toLocaleString()}</span> : <span className="font-normal text-muted-foreground">· not tested yet</span>}</p>
              {canManage && <Button size="sm" variant="outline" disabled={pending} onClick={() => run(() => testIntegrationAction({ id: integration.id }))}>{pending ? "Testing…" : "Test connection"}</Button>}
            </div>
            {checks.length > 0 && (
              <ul className="space-y-1 text-sm" aria-label="Connection checks">
                {checks.map((check) => (
                  <li key={check.name} className="flex gap-2">
                    {check.ok ? <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-600" /> : check.name === "seo_plugin" ? <CircleSlash className="mt-0.5 size-4 shrink-0 text-muted-foreground" /> : <XCircle className="mt-0.5 size-4 shrink-0 text-destructive" />}
                    <span><span className="font-medium">{CHECK_LABELS[check.name] ?? check.name}:</span> {check.detail}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {integration.platform === "custom" && (
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-3 text-sm">
            <p><span className="font-medium">Signed webhook</span> <span className="text-muted-foreground">· publishing POSTs the article as JSON; every delivery attempt is logged.</span></p>
            <Button size="sm" variant="outline" asChild><Link href={`/manage/sites/${siteId}/integrations/${integration.id}`}><Webhook className="size-4" /> Deliveries and test event</Link></Button>
          </div>
        )}
        {syncable && (
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-3 text-sm" data-testid="sync-health">
            <div>
              <span className="font-medium">Sync</span>{" "}
              <span className="text-muted-foreground">
                {integration.lastSyncAt ? `last ${new Date(integration.lastSyncAt).toLocaleString()} · ${syncSummary(stats)}` : `never synced: sync to see what already exists in ${platform}.`}
                {integration.syncStatus === "syncing" && " · syncing…"}
                {integration.syncStatus === "failed" && ` · failed: ${integration.syncError}`}
              </span>
              {(stats.changed ?? 0) > 0 && <Badge className="ml-2" variant="destructive">{stats.changed} edited in {platform}</Badge>}
            </div>
            <div className="flex gap-2">
              <Button size="sm" variant="outline" asChild><Link href={`/manage/sites/${siteId}/integrations/${integration.id}`}>Inventory</Link></Button>
              {canManage && !bridge && (
                <Button size="sm" disabled={pending} onClick={() => run(() => syncIntegrationAction({ id: integration.id }), { onSuccess: (data) => track(data.runId, `${platform} sync`) })}><RefreshCw className="size-4" /> Sync now</Button>
              )}
            </div>
          </div>
        )}
        {canManage && integration.platform === "wordpress" && !bridge && (
          <form className="flex flex-wrap items-center gap-2" onSubmit={(e) => { e.preventDefault(); run(() => updateIntegrationAction({ id: integration.id, appPassword: password }), { onSuccess: () => setPassword("") }); }}>
            <Input className="max-w-xs" type="password" autoComplete="new-password" placeholder="New application password" aria-label="New application password" value={password} onChange={(e) => setPassword(e.target.value)} />
            <Button size="sm" variant="secondary" type="submit" disabled={pending || !password}>Replace password</Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
