import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { syncHealth } from "@/lib/integration/sync";
import { syncHealthResponse } from "@/lib/publishing/responses";

export const GET = apiRoute({ summary: "An integration's sync health", response: syncHealthResponse, auth: "user" }, async ({ ctx, params }) => syncHealth(scoped(ctx), assertValidId(params.id)));
