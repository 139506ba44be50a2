import { z } from "zod";
import { assertValidId } from "@/lib/auth/service";
import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { listContentTypes, saveContentTypes } from "@/lib/sites/content-types";
import { saveContentTypesSchema } from "@/lib/sites/content-types-schema";
import { contentTypeResponse } from "@/lib/sites/responses";

/** The site's content types with their default structure, length and destinations. */
export const GET = apiRoute({ summary: "A site's content types", response: z.array(contentTypeResponse), auth: "user" }, async ({ ctx, params }) =>
  listContentTypes(scoped(ctx), assertValidId(params.id)),
);

/** `{ types: [...] }`: the whole list, exactly one default (owners and admins). */
export const PUT = apiRoute(
  { summary: "Replace a site's content types", response: z.array(contentTypeResponse), auth: "user", body: saveContentTypesSchema, permission: "manageAccount" },
  async ({ ctx, params, body }) => saveContentTypes(scoped(ctx), ctx, assertValidId(params.id), body),
);
