// What every writer page needs: the caller, the header's site/sector selection, and a client
// scoped to that selection (lists show the selected site, and sector when one is chosen).
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { resolveSelection, selectedContext } from "@/lib/sites/selection";

export async function writerPageContext() {
  const ctx = await requirePageContext();
  const selection = await resolveSelection(scoped(ctx), ctx);
  const selected = selectedContext(ctx, selection);
  return { ctx, selection, db: scoped(selected), canWrite: can.write(ctx.role), canManage: can.manageAccount(ctx.role) };
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
