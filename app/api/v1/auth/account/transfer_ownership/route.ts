import { scoped } from "@/lib/db/scoped";
import { transferOwnership } from "@/lib/accounts/service";
import { transferOwnershipSchema } from "@/lib/accounts/schemas";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute({ auth: "user", body: transferOwnershipSchema }, async ({ ctx, body }) => transferOwnership(scoped(ctx), ctx, body.userId));
