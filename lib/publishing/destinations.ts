// Where a site's content can go: its hosted site, and each active integration that publishes
// (WordPress, Shopify, custom webhooks). Keys: "hosted", "integration:<id>".
import type { ScopedDb } from "@/lib/db/scoped";
import { ValidationError } from "@/lib/errors";
import type { SiteIntegration } from "@/lib/generated/prisma/client";
import { integrationLabel } from "@/lib/integration/service";

export type Destination = { key: string; kind: "hosted" | "wordpress" | "shopify" | "custom"; label: string; integration: SiteIntegration | null };

export const HOSTED = "hosted";
export const integrationKey = (id: number) => `integration:${id}`;

export async function listDestinations(db: ScopedDb, siteId: number): Promise<Destination[]> {
  const integrations = await db.siteIntegration.findMany({ where: { siteId, isActive: true, platform: { in: ["wordpress", "shopify", "custom"] } }, orderBy: { id: "asc" } });
  return [
    { key: HOSTED, kind: "hosted", label: "Hosted site", integration: null },
    ...integrations
      .filter((i) => ((i.config ?? {}) as { mode?: string }).mode !== "bridge")
      .map((i) => ({ key: integrationKey(i.id), kind: i.platform, label: integrationLabel(i), integration: i })),
  ];
}

/** The destinations named by `keys`, all of which must belong to the site (else 400). */
export async function resolveDestinations(db: ScopedDb, siteId: number, keys: string[]): Promise<Destination[]> {
  const available = new Map((await listDestinations(db, siteId)).map((d) => [d.key, d]));
  const unknown = keys.filter((k) => !available.has(k));
  if (unknown.length) {
    throw new ValidationError(`Unknown destination for this site: ${unknown.join(", ")}.`, { destinations: [`Not an active destination of this site: ${unknown.join(", ")}.`] });
  }
  return [...new Set(keys)].map((k) => available.get(k)!);
}
