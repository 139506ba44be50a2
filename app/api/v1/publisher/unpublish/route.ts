import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { unpublishSchema } from "@/lib/publishing/schemas";
import { unpublishContent } from "@/lib/publishing/service";
import { unpublishResponse } from "@/lib/publishing/responses";

export const POST = apiRoute({ summary: "Unpublish an article from destinations", response: unpublishResponse, auth: "user", body: unpublishSchema, permission: "write" }, async ({ ctx, body }) => unpublishContent(scoped(ctx), ctx, body));
