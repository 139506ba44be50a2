import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { metadataResponse } from "@/lib/site-builder/responses";
import { getMetadata } from "@/lib/site-builder/service";

export const GET = apiRoute({ summary: "Site builder options: business types, audiences, brand personalities, hero imagery", response: metadataResponse, auth: "user" }, async ({ ctx }) => getMetadata(scoped(ctx)));
