import { Sparkles } from "lucide-react";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="grid min-h-screen lg:grid-cols-2">
      <aside className="hidden flex-col justify-between bg-sidebar p-10 text-sidebar-foreground lg:flex">
        <div className="flex items-center gap-2 text-lg font-semibold">
          <Sparkles className="size-5 text-chart-3" aria-hidden /> Content Studio
        </div>
        <div className="space-y-4">
          <p className="text-3xl leading-tight font-semibold">From keywords to published articles, in one open workspace.</p>
          <ul className="space-y-2 text-sidebar-muted">
            <li>Import and cluster keywords at scale</li>
            <li>Turn clusters into ideas, briefs and AI-written drafts</li>
            <li>Link, optimise and publish to WordPress or your hosted site</li>
          </ul>
        </div>
        <p className="text-sm text-sidebar-muted">Open source · self-hostable · multi-tenant</p>
      </aside>
      <main className="flex items-center justify-center p-6">
        <div className="w-full max-w-sm">{children}</div>
      </main>
    </div>
  );
}
