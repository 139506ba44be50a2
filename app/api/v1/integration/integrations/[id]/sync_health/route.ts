import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { syncHealth } from "@/lib/integration/sync";

export const GET = apiRoute({ auth: "user" }, async ({ ctx, params }) => syncHealth(scoped(ctx), assertValidId(params.id)));
