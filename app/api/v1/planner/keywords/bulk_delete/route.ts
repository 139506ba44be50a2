import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { idsSchema } from "@/lib/http/validation";
import { deleteKeywords } from "@/lib/planner/keywords";
import { countsResponse } from "@/lib/planner/responses";

export const POST = apiRoute({ summary: "Delete keywords", response: countsResponse("deleted"), auth: "user", body: idsSchema }, async ({ ctx, body }) => ({ deleted: await deleteKeywords(scoped(ctx), ctx, body.ids) }));
