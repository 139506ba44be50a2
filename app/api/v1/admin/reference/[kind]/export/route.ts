import { referenceKindSchema } from "@/lib/admin/schemas";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/http/validation";
import { exportReferenceCsv } from "@/lib/reference/csv";

export const GET = apiRoute({ auth: "user", permission: "administer" }, async ({ params }) => {
  const kind = parseInput(referenceKindSchema, params.kind);
  return new Response(await exportReferenceCsv(kind), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${kind}.csv"` },
  });
});
