import { scoped } from "@/lib/db/scoped";
import { withSelection } from "@/lib/db/tenant-context";
import { listOf } from "@/lib/http/route-meta";
import { trashEntryResponse } from "@/lib/trash/responses";
import { apiRoute, paginated } from "@/lib/http/route";
import { trashListQuerySchema } from "@/lib/trash/schemas";
import { listTrash } from "@/lib/trash/service";

/** What is in the trash (`type`: keyword, cluster, idea, task, content, image), newest first. */
export const GET = apiRoute({ summary: "List the trash", response: listOf(trashEntryResponse), auth: "user", query: trashListQuerySchema }, async ({ ctx, query }) =>
  paginated(await listTrash(scoped(withSelection(ctx, query.siteId, query.sectorId)), query), query),
);
