import { requirePageContext } from "@/lib/auth/context";
import { scoped } from "@/lib/db/scoped";
import { resolveSelection } from "@/lib/sites/selection";
import { maintenanceBanner } from "@/lib/system/settings";
import { AppSidebar, MobileNav } from "@/components/layout/app-sidebar";
import { UserMenu } from "@/components/layout/user-menu";
import { WorkspaceSwitcher } from "@/components/layout/workspace-switcher";
import { RunProgressProvider } from "@/components/runs/run-progress-provider";
import { RunsIndicator } from "@/components/runs/runs-indicator";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageContext();
  const [selection, banner] = await Promise.all([resolveSelection(scoped(ctx), ctx), maintenanceBanner()]);
  return (
    <RunProgressProvider>
    <div className="flex min-h-screen">
      <AppSidebar isDeveloper={ctx.role === "developer"} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-20 flex h-14 items-center justify-between gap-2 border-b bg-background/95 px-3 backdrop-blur sm:gap-4 md:px-6">
          <div className="flex min-w-0 flex-1 items-center gap-1">
            <MobileNav isDeveloper={ctx.role === "developer"} />
            <WorkspaceSwitcher selection={selection} />
          </div>
          <div className="flex shrink-0 items-center gap-1">
            <RunsIndicator />
            <UserMenu name={ctx.user?.name ?? ""} email={ctx.user?.email ?? ""} role={ctx.role} accountName={ctx.account.name} />
          </div>
        </header>
        {banner && (
          <div role="status" data-testid="maintenance-banner" className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 md:px-6 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            {banner}
          </div>
        )}
        <main className="min-w-0 flex-1 px-4 py-6 md:px-8">{children}</main>
      </div>
    </div>
    </RunProgressProvider>
  );
}
