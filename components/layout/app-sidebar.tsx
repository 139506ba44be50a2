"use client";

import { useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu, Sparkles } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { cn } from "@/lib/utils/cn";
import { NAV } from "./nav";

function isActive(pathname: string, href: string) {
  if (href === "/sites" && pathname.startsWith("/manage/sites/")) return true; // a site's own pages
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function AppSidebar({ isDeveloper }: { isDeveloper: boolean }) {
  return (
    <aside className="hidden w-60 shrink-0 flex-col bg-sidebar text-sidebar-foreground md:flex">
      <Link href="/" className="flex h-14 items-center gap-2 border-b border-sidebar-border px-5 font-semibold">
        <Sparkles className="size-5 text-chart-3" aria-hidden /> Content Studio
      </Link>
      <SidebarNav isDeveloper={isDeveloper} />
    </aside>
  );
}

/** Below the md breakpoint the sidebar is hidden: a menu button in the header opens it as a drawer. */
export function MobileNav({ isDeveloper }: { isDeveloper: boolean }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // Following a link closes the drawer.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="-ml-2 shrink-0 md:hidden" aria-label="Open menu">
          <Menu />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-72 gap-0 bg-sidebar p-0 text-sidebar-foreground">
        <SheetHeader className="h-14 justify-center border-b border-sidebar-border px-5">
          <SheetTitle className="flex items-center gap-2 text-sidebar-foreground">
            <Sparkles className="size-5 text-chart-3" aria-hidden /> Content Studio
          </SheetTitle>
          <SheetDescription className="sr-only">Main menu</SheetDescription>
        </SheetHeader>
        <SidebarNav isDeveloper={isDeveloper} />
      </SheetContent>
    </Sheet>
  );
}

function SidebarNav({ isDeveloper }: { isDeveloper: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex-1 space-y-1 overflow-y-auto p-3 text-sm">
      {NAV.filter((item) => !item.developerOnly || isDeveloper).map((item) => {
        const active = isActive(pathname, item.href);
        return (
          <div key={item.href}>
            <Link
              href={item.children?.[0]?.href ?? item.href}
              aria-current={active && !item.children ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 transition-colors hover:bg-sidebar-accent",
                active && "bg-sidebar-accent font-medium",
              )}
            >
              <item.icon className="size-4 opacity-80" aria-hidden />
              {item.label}
            </Link>
            {item.children && active && (
              <div className="mt-1 ml-7 space-y-0.5 border-l border-sidebar-border pl-3">
                {item.children.map((child) => {
                  const childActive = child.href === item.href ? pathname === child.href : isActive(pathname, child.href);
                  return (
                    <Link
                      key={child.href}
                      href={child.href}
                      aria-current={childActive ? "page" : undefined}
                      className={cn("block rounded px-2 py-1.5 text-sidebar-muted hover:text-sidebar-foreground", childActive && "text-sidebar-foreground font-medium")}
                    >
                      {child.label}
                    </Link>
                  );
                })}
              </div>
            )}
          </div>
        );
      })}
    </nav>
  );
}
