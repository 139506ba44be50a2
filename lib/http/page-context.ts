// What every planner and writer page needs: the caller, the validated site/sector selection, and a scoped
// client narrowed to it.
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { resolveSelection, selectedContext } from "@/lib/sites/selection";

export async function workspacePageContext() {
  const ctx = await requirePageContext();
  const selection = await resolveSelection(scoped(ctx), ctx);
  const db = scoped(selectedContext(ctx, selection));
  return {
    ctx,
    db,
    selection,
    filter: { siteId: selection.site?.id, sectorId: selection.sector?.id },
    canWrite: can.write(ctx.role),
  };
}
