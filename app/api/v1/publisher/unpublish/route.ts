import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { unpublishSchema } from "@/lib/publishing/schemas";
import { unpublishContent } from "@/lib/publishing/service";

export const POST = apiRoute({ auth: "user", body: unpublishSchema, permission: "write" }, async ({ ctx, body }) => unpublishContent(scoped(ctx), ctx, body));
