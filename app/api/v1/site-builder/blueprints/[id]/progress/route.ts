import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { progressResponse } from "@/lib/site-builder/responses";
import { getBlueprintProgress } from "@/lib/site-builder/service";

export const GET = apiRoute({ summary: "A blueprint's progress by cluster (pages and posts written, reviewed, published)", response: progressResponse, auth: "user" }, async ({ ctx, params }) => getBlueprintProgress(scoped(ctx), assertValidId(params.id)));
