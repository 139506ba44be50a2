import { apiRoute } from "@/lib/http/route";
import { undoLinksSchema } from "@/lib/linker/schemas";
import { undoLinks } from "@/lib/linker/service";

/** Removes links the linker added (by ids, or every link of a batch run). */
export const POST = apiRoute({ auth: "user", body: undoLinksSchema, permission: "write" }, async ({ ctx, body }) => undoLinks(ctx, body));
