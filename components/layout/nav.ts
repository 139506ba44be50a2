import { BarChart3, Bot, CreditCard, FileText, Globe, LayoutDashboard, LayoutTemplate, Lightbulb, Settings, Shield, Trash2, type LucideIcon } from "lucide-react";

export type NavItem = { href: string; label: string; icon: LucideIcon; children?: { href: string; label: string }[]; developerOnly?: boolean };

export const NAV: NavItem[] = [
  { href: "/", label: "Dashboard", icon: LayoutDashboard },
  {
    href: "/planner",
    label: "Planner",
    icon: Lightbulb,
    children: [
      { href: "/planner", label: "Overview" },
      { href: "/planner/keywords", label: "Keywords" },
      { href: "/planner/clusters", label: "Clusters" },
      { href: "/planner/ideas", label: "Ideas" },
    ],
  },
  {
    href: "/writer",
    label: "Writer",
    icon: FileText,
    children: [
      { href: "/writer", label: "Overview" },
      { href: "/writer/tasks", label: "Tasks" },
      { href: "/writer/drafts", label: "Drafts" },
      { href: "/writer/published", label: "Published" },
      { href: "/writer/images", label: "Images" },
    ],
  },
  { href: "/automation", label: "Automation", icon: Bot },
  { href: "/sites", label: "Sites", icon: Globe },
  { href: "/site-builder", label: "Site builder", icon: LayoutTemplate },
  { href: "/trash", label: "Trash", icon: Trash2 },
  {
    href: "/settings",
    label: "Settings",
    icon: Settings,
    children: [
      { href: "/settings/team", label: "Team" },
      { href: "/settings/integrations", label: "Integrations" },
      { href: "/settings/prompts", label: "Prompts" },
      { href: "/settings/authors", label: "Author profiles" },
      { href: "/settings/strategies", label: "Strategies" },
      { href: "/settings/account", label: "Account" },
    ],
  },
  {
    href: "/billing",
    label: "Billing",
    icon: CreditCard,
    children: [
      { href: "/billing", label: "Credits" },
      { href: "/billing/usage", label: "Usage" },
      { href: "/billing/transactions", label: "Transactions" },
      { href: "/billing/plans", label: "Plans" },
    ],
  },
  { href: "/runs", label: "Runs", icon: BarChart3 },
  {
    href: "/admin",
    label: "Admin",
    icon: Shield,
    developerOnly: true,
    children: [
      { href: "/admin", label: "System status" },
      { href: "/admin/accounts", label: "Accounts" },
      { href: "/admin/plans", label: "Plans" },
      { href: "/admin/users", label: "Users" },
      { href: "/admin/metrics", label: "Request metrics" },
      { href: "/admin/settings", label: "System settings" },
      { href: "/admin/reference", label: "Reference data" },
    ],
  },
];
