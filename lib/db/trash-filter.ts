// Trashed rows (lib/trash) stay in their tables with `deletedAt` set. The scoping extension hides
// them from every read, count, aggregate, update and delete of these models, so lists, counts,
// dashboards, exports, the linker and the optimizer never see them. The trash's own queries opt out
// by naming `deletedAt` at the top of their `where` (`{ not: null }` for trashed rows; `undefined`
// for live and trashed rows alike).
//
// Not covered (as for tenancy): nested include/select/relation filters and raw SQL. lib/trash detaches
// the relations a nested read could follow (see lib/trash/README.md); raw SQL names deletedAt itself.
import type { Prisma } from "@/lib/generated/prisma/client";

export const TRASHABLE_MODELS: ReadonlySet<Prisma.ModelName> = new Set<Prisma.ModelName>(["Keyword", "Cluster", "ContentIdea", "Task", "Content", "Image"]);

/** `{ deletedAt: null }` for a trashable model whose query does not name deletedAt itself, else nothing. */
export function liveRowsOnly(model: string, where: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!TRASHABLE_MODELS.has(model as Prisma.ModelName)) return {};
  if (where && "deletedAt" in where) return {};
  return { deletedAt: null };
}
