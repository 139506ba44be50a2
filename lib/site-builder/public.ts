// The deployed blueprint of a site, for its public definition. A named place of the unscoped
// client (like lib/publishing/public.ts): called only for an ACTIVE site already found by id.
import { rootDb } from "@/lib/db/client";
import { publicUrl } from "@/lib/storage";
import type { DeploySnapshot, NavItem } from "./deploy";

type PublicNav = { title: string; slug: string; path: string; children: PublicNav[] };

export async function deployedBlueprintOf(siteId: number, siteSlug: string) {
  const blueprint = await rootDb().siteBlueprint.findFirst({ where: { siteId, deployedVersion: { not: null } }, orderBy: { lastDeployedAt: "desc" }, select: { id: true, name: true, deployedSnapshot: true, deployedVersion: true, lastDeployedAt: true } });
  if (!blueprint?.deployedSnapshot) return null;
  const snapshot = blueprint.deployedSnapshot as unknown as DeploySnapshot;
  const path = (slug: string) => `/sites/${siteSlug}/${slug}`;
  const nav = (items: NavItem[]): PublicNav[] => items.map((i) => ({ title: i.title, slug: i.slug, path: path(i.slug), children: nav(i.children ?? []) }));
  const assets = await rootDb().siteAsset.findMany({ where: { siteId }, orderBy: { id: "asc" }, select: { name: true, role: true, storageKey: true, mimeType: true, width: true, height: true } });
  return {
    id: blueprint.id,
    name: blueprint.name,
    version: blueprint.deployedVersion!,
    deployedAt: blueprint.lastDeployedAt,
    navigation: nav(snapshot.navigation ?? []),
    pages: (snapshot.pages ?? []).map((p) => ({ slug: p.slug, title: p.title, path: path(p.slug), parentSlug: p.parentSlug })),
    taxonomies: snapshot.taxonomies ?? [],
    assets: assets.map(({ storageKey, ...a }) => ({ ...a, url: publicUrl(storageKey) })),
  };
}
