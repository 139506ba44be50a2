// REST response schemas of sites and sectors (the API description and contract tests read them).
import { z } from "zod";
import { SectorModel, SiteModel } from "@/lib/generated/model-schemas";
import { CONTENT_STRUCTURES, CONTENT_TYPES } from "@/lib/writer/constants";

export const siteResponse = SiteModel.omit({ wpAppPassword: true, apiKeyHash: true }).extend({
  wpAppPasswordMasked: z.string().nullable(),
  hasApiKey: z.boolean(),
  activeSectorsCount: z.number().int().optional(),
});

/** What anyone may read about an active site (GET /auth/sites/?slug=). */
export const publicSiteResponse = SiteModel.pick({ id: true, name: true, slug: true, domain: true, description: true, siteType: true, hostingType: true, seoMetadata: true, language: true, industryId: true });

/** Sites as listed: the full record for members, the public one for `?slug=` without credentials. */
export const siteListItemResponse = z.union([siteResponse, publicSiteResponse]);

export const sectorResponse = SectorModel;

export const selectSectorsResponse = z.object({ site: siteResponse, sectors: z.array(sectorResponse), limit: z.object({ max: z.number().int() }) });

export const siteApiKeyResponse = z.object({ apiKey: z.string().describe("Shown once: only a hash is stored."), site: siteResponse });

export const contentTypeResponse = z.object({
  type: z.enum(CONTENT_TYPES),
  enabled: z.boolean(),
  isDefault: z.boolean(),
  defaultStructure: z.enum(CONTENT_STRUCTURES),
  defaultWordCount: z.number().int(),
  destinations: z.array(z.string()).describe("Where an article of this type publishes by default (empty: the site's own defaults)."),
});
