import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/utils/slug";
import { listQuerySchema } from "@/lib/http/validation";

export const HOSTING_TYPES = ["hosted", "wordpress", "shopify", "multi"] as const;
export const SITE_TYPES = ["blog", "marketing", "ecommerce", "corporate", "portfolio"] as const;
export const SITE_STATUSES = ["active", "inactive", "suspended"] as const;

const slug = z.string().trim().toLowerCase().min(1).max(60, "Use at most 60 characters.").regex(SLUG_PATTERN, "Use lowercase letters, digits and hyphens.");
const optionalUrl = z
  .union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter a full http(s):// address." }).max(300)])
  .optional()
  .nullable()
  .transform((value) => (value === "" ? null : value));

export const seoMetadataSchema = z
  .object({
    metaTitle: z.string().trim().max(70, "Keep the meta title under 70 characters.").optional(),
    metaDescription: z.string().trim().max(160, "Keep the meta description under 160 characters.").optional(),
    keywords: z.array(z.string().trim().min(1).max(80)).max(30).optional(),
    ogImage: optionalUrl,
  })
  .strict();

/** A BCP 47 language tag ("en", "de-AT", "pt-BR", "zh-Hant"), stored in its canonical case. */
export const languageTagSchema = z
  .string()
  .trim()
  .min(2, "Enter a language tag such as en or de-AT.")
  .max(35, "Enter a language tag such as en or de-AT.")
  .transform((value, ctx) => {
    try {
      const [canonical] = Intl.getCanonicalLocales(value);
      if (canonical) return canonical;
    } catch {
      // not a well-formed tag: reported below
    }
    ctx.addIssue({ code: "custom", message: "Enter a language tag such as en, de-AT or pt-BR (BCP 47)." });
    return z.NEVER;
  });

const siteFields = {
  name: z.string().trim().min(1, "Name is required.").max(120),
  slug: slug.optional(),
  domain: optionalUrl,
  description: z.string().trim().max(1000).optional(),
  hostingType: z.enum(HOSTING_TYPES).optional(),
  siteType: z.enum(SITE_TYPES).optional(),
  seoMetadata: seoMetadataSchema.optional(),
  language: languageTagSchema.optional(),
  wpUrl: optionalUrl,
  wpUsername: z.string().trim().max(120).optional().nullable(),
  wpAppPassword: z.string().trim().max(200).optional().nullable(),
};

export const createSiteSchema = z.object(siteFields).strict();
export type CreateSiteInput = z.infer<typeof createSiteSchema>;

export const updateSiteSchema = z
  .object({ ...siteFields, name: siteFields.name.optional(), status: z.enum(SITE_STATUSES).optional(), isActive: z.boolean().optional() })
  .strict();
export type UpdateSiteInput = z.infer<typeof updateSiteSchema>;

export const setActiveSchema = z.object({ isActive: z.boolean().default(true) });

export const selectSectorsSchema = z.object({
  industrySlug: z.string({ error: "industry_slug is required." }).trim().min(1, "industry_slug is required.").max(80),
  sectorSlugs: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
});
export type SelectSectorsInput = z.infer<typeof selectSectorsSchema>;

export const listSitesQuerySchema = listQuerySchema.extend({
  slug: z.string().trim().max(60).optional(),
  isActive: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});
export type ListSitesQuery = z.infer<typeof listSitesQuerySchema>;
export type SeoMetadata = z.input<typeof seoMetadataSchema>;
