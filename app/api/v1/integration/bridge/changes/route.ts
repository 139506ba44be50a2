import { apiRoute } from "@/lib/http/route";
import { bridgeNotifyChanges } from "@/lib/integration/bridge";
import { bridgeChangesSchema } from "@/lib/integration/schemas";
import { bridgeChangesResponse } from "@/lib/publishing/responses";

/** The plugin notifies edits, new posts and deletions made in WordPress (two-way sync). */
export const POST = apiRoute({ summary: "Bridge: report edits and deletions made in WordPress", response: bridgeChangesResponse, auth: "site-key", body: bridgeChangesSchema }, async ({ ctx, body }) => bridgeNotifyChanges(ctx, body));
