import { z } from "zod";
import { referenceKindSchema } from "@/lib/admin/schemas";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { exportReferenceCsv } from "@/lib/reference/csv";
import { download } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "Export reference data as CSV (developers)", response: download("text/csv", "The rows of `industries`, `sectors` or `seed_keywords`"), params: z.object({ kind: referenceKindSchema }), auth: "user", permission: "administer" }, async ({ params }) => {
  const kind = parseInput(referenceKindSchema, params.kind);
  return new Response(await exportReferenceCsv(kind), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${kind}.csv"` },
  });
});
