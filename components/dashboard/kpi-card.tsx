import Link from "next/link";
import type { LucideIcon } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export function KpiCard({ label, value, hint, icon: Icon, href }: { label: string; value: number | string; hint?: string; icon?: LucideIcon; href?: string }) {
  const body = (
    <Card className="h-full gap-1 py-4 transition-colors hover:border-primary/40">
      <CardHeader className="gap-1 px-4">
        <CardDescription className="flex items-center gap-2">{Icon && <Icon className="size-4" aria-hidden />} {label}</CardDescription>
        <CardTitle className="text-2xl tabular-nums">{typeof value === "number" ? value.toLocaleString("en-US") : value}</CardTitle>
      </CardHeader>
      {hint && <CardContent className="px-4 text-xs text-muted-foreground">{hint}</CardContent>}
    </Card>
  );
  return href ? <Link href={href} className="block rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">{body}</Link> : body;
}
