"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { SECTOR_COOKIE, SITE_COOKIE } from "@/lib/auth/context";
import { scoped } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/errors";
import { defineAction, withToast } from "@/lib/http/action";
import { idSchema } from "@/lib/http/validation";
import { checkSiteDomain } from "./domain-check";
import { createSiteSchema, selectSectorsSchema, setActiveSchema, updateSiteSchema } from "./schemas";
import { createSite, deleteSite, rotateSiteApiKey, revokeSiteApiKey, selectSectors, setSiteActive, updateSite } from "./service";

export const createSiteAction = defineAction({ schema: createSiteSchema, revalidate: "/" }, async (ctx, input) =>
  withToast(await createSite(scoped(ctx), ctx, input), `Site “${input.name}” created.`),
);

export const updateSiteAction = defineAction({ schema: updateSiteSchema.extend({ id: idSchema }), revalidate: "/" }, async (ctx, { id, ...input }) =>
  withToast(await updateSite(scoped(ctx), ctx, id, input), "Site saved."),
);

export const deleteSiteAction = defineAction({ schema: z.object({ id: idSchema }), revalidate: "/" }, async (ctx, { id }) => {
  await deleteSite(scoped(ctx), ctx, id);
  return withToast(null, "Site deleted.");
});

export const setSiteActiveAction = defineAction({ schema: setActiveSchema.extend({ id: idSchema }), revalidate: "/" }, async (ctx, { id, isActive }) =>
  withToast(await setSiteActive(scoped(ctx), ctx, id, isActive), isActive ? "Site activated." : "Site deactivated."),
);

export const selectSectorsAction = defineAction({ schema: selectSectorsSchema.extend({ id: idSchema }), revalidate: "/" }, async (ctx, { id, ...input }) => {
  const result = await selectSectors(scoped(ctx), ctx, id, input);
  return withToast(result, `${result.sectors.length} sector${result.sectors.length === 1 ? "" : "s"} active.`);
});

export const rotateSiteApiKeyAction = defineAction({ schema: z.object({ id: idSchema }) }, async (ctx, { id }) =>
  withToast(await rotateSiteApiKey(scoped(ctx), ctx, id), "New API key generated. Copy it now: it will not be shown again."),
);

export const revokeSiteApiKeyAction = defineAction({ schema: z.object({ id: idSchema }), revalidate: "/" }, async (ctx, { id }) =>
  withToast(await revokeSiteApiKey(scoped(ctx), ctx, id), "API key revoked."),
);

export const checkSiteDomainAction = defineAction({ schema: z.object({ id: idSchema }) }, async (ctx, { id }) => {
  const result = await checkSiteDomain(scoped(ctx), ctx, id);
  return withToast(result, result.detail);
});

/** The header switcher: remembers the site (and optional sector) in cookies after checking access. */
export const selectWorkspaceAction = defineAction(
  { schema: z.object({ siteId: idSchema, sectorId: idSchema.nullable().optional() }), revalidate: "/" },
  async (ctx, { siteId, sectorId }) => {
    const db = scoped(ctx);
    const site = await db.site.findFirst({ where: { id: siteId }, select: { id: true } });
    if (!site) throw new NotFoundError("Site");
    if (sectorId) {
      const sector = await db.sector.findFirst({ where: { id: sectorId, siteId, isActive: true }, select: { id: true } });
      if (!sector) throw new NotFoundError("Sector");
    }
    const jar = await cookies();
    const options = { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: 60 * 60 * 24 * 365 };
    jar.set(SITE_COOKIE, String(siteId), options);
    if (sectorId) jar.set(SECTOR_COOKIE, String(sectorId), options);
    else jar.delete(SECTOR_COOKIE);
    return { siteId, sectorId: sectorId ?? null };
  },
);
