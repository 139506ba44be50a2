import { notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";

/** Admin pages exist only for developers; everyone else gets a plain 404. */
export async function requireDeveloperPage() {
  const ctx = await requirePageContext();
  if (!can.administer(ctx.role)) notFound();
  return ctx;
}
