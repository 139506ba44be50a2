import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute, paginated } from "@/lib/http/route";
import { listRemoteItemsQuerySchema } from "@/lib/integration/schemas";
import { listRemoteItems } from "@/lib/integration/sync";
import { remoteItemResponse } from "@/lib/publishing/responses";
import { listOf } from "@/lib/http/route-meta";

/** The inventory pulled by sync: posts, pages, categories, tags, post types. */
export const GET = apiRoute({ summary: "List an integration's synced remote items", response: listOf(remoteItemResponse), auth: "user", query: listRemoteItemsQuerySchema }, async ({ ctx, params, query }) => paginated(await listRemoteItems(scoped(ctx), assertValidId(params.id), query), query));
