// The public definition's `blueprint` part (GET /api/v1/publisher/sites/{id}/definition/).
import { z } from "zod";

type Nav = { title: string; slug: string; path: string; children: Nav[] };
const nav: z.ZodType<Nav> = z.lazy(() => z.object({ title: z.string(), slug: z.string(), path: z.string(), children: z.array(nav) }));

export const deployedBlueprintResponse = z.object({
  id: z.number().int(),
  name: z.string(),
  version: z.number().int(),
  deployedAt: z.date().nullable(),
  navigation: z.array(nav),
  pages: z.array(z.object({ slug: z.string(), title: z.string(), path: z.string(), parentSlug: z.string().nullable() })),
  taxonomies: z.array(z.object({ kind: z.string(), name: z.string(), slug: z.string() })),
  assets: z.array(z.object({ name: z.string(), role: z.string(), url: z.string(), mimeType: z.string(), width: z.number().int().nullable(), height: z.number().int().nullable() })),
});
