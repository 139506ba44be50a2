import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { idsSchema } from "@/lib/http/validation";
import { countsResponse } from "@/lib/planner/responses";
import { deleteBlueprints } from "@/lib/site-builder/service";

export const POST = apiRoute({ summary: "Delete site blueprints", response: countsResponse("deleted"), auth: "user", body: idsSchema }, async ({ ctx, body }) => ({ deleted: await deleteBlueprints(scoped(ctx), ctx, body.ids) }));
