import { apiRoute } from "@/lib/http/route";
import { optimizeSchema } from "@/lib/optimizer/schemas";
import { optimize } from "@/lib/optimizer/service";
import { optimizationResponse } from "@/lib/linker/responses";

/** An AI proposal of edits with before/after and the projected score; nothing is applied yet. */
export const POST = apiRoute({ summary: "Ask the AI for an optimization proposal", response: optimizationResponse, auth: "user", body: optimizeSchema, permission: "write", status: 201 }, async ({ ctx, body }) => optimize(ctx, body));
