import { apiRoute, paginated } from "@/lib/http/route";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { createAuthorProfile, listAuthorProfiles } from "@/lib/settings/authors";
import { authorProfileSchema, listSettingsQuerySchema } from "@/lib/settings/schemas";
import { authorProfileResponse } from "@/lib/settings/responses";
import { listOf } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "List author profiles", response: listOf(authorProfileResponse), auth: "user", query: listSettingsQuerySchema }, async ({ ctx, query }) => paginated(await listAuthorProfiles(scoped(ownAccount(ctx)), query), query));
export const POST = apiRoute({ summary: "Create an author profile", response: authorProfileResponse, auth: "user", body: authorProfileSchema, permission: "write", status: 201 }, async ({ ctx, body }) => createAuthorProfile(scoped(ownAccount(ctx)), ctx, body));
