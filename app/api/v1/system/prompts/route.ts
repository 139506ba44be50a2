import { apiRoute, paginated } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { listPrompts } from "@/lib/settings/prompts";
import { promptResponse } from "@/lib/settings/responses";
import { listOf } from "@/lib/http/route-meta";
import { pageOf, pageQuerySchema } from "@/lib/http/validation";

export const GET = apiRoute({ summary: "List AI prompts with defaults and overrides", response: listOf(promptResponse), auth: "user", query: pageQuerySchema }, async ({ ctx, query }) => paginated(pageOf(await listPrompts(scoped(ownAccount(ctx))), query), query));
