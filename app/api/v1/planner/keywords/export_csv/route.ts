import { scoped } from "@/lib/db/scoped";
import { apiRoute } from "@/lib/http/route";
import { exportKeywordsCsv } from "@/lib/planner/export";
import { keywordListQuerySchema } from "@/lib/planner/schemas";
import { download } from "@/lib/http/route-meta";

export const GET = apiRoute({ summary: "Export keywords as CSV", response: download("text/csv", "The filtered keywords, one a row"), auth: "user", query: keywordListQuerySchema }, async ({ ctx, query }) => {
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(exportKeywordsCsv(scoped(ctx), query), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="keywords-${stamp}.csv"`, "cache-control": "no-store" },
  });
});
