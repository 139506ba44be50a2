"use client";

import { useState } from "react";
import { Pencil, Trash2, Users } from "lucide-react";
import { removeMembersAction } from "@/lib/team/actions";
import type { MemberDto } from "@/lib/team/service";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableConfig } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { memberFilters, ROLE_LABELS } from "./filters";
import { MemberAccessDialog } from "./member-access-dialog";
import { InviteMemberDialog } from "./invite-member-dialog";

type Props = { rows: MemberDto[]; count: number; sites: { id: number; name: string }[]; canManage: boolean; currentUserId: number | null };

const col = createDataTableColumnHelper<MemberDto>();
const date = (value: Date | string | null) => (value ? new Date(value).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }) : "Never");

export function MembersTable({ rows, count, sites, canManage, currentUserId }: Props) {
  const [editing, setEditing] = useState<MemberDto | null>(null);
  const editable = (m: MemberDto) => canManage && m.role !== "owner" && m.role !== "developer" && m.id !== currentUserId;

  const config: DataTableConfig<MemberDto> = {
    title: "Team members",
    search: { placeholder: "Search name or email…" },
    filters: memberFilters,
    getRowLabel: (m) => m.email,
    columns: col.columns([
      col.accessor("name", {
        header: "Member",
        meta: { sortField: "name" },
        cell: ({ row }) => (
          <div>
            <div className="font-medium">{row.original.name || "—"}</div>
            <div className="text-xs text-muted-foreground">{row.original.email}</div>
          </div>
        ),
      }),
      col.accessor("role", {
        header: "Role",
        meta: { sortField: "role" },
        cell: ({ getValue }) => <Badge variant={getValue() === "owner" ? "default" : "secondary"}>{ROLE_LABELS[getValue() as keyof typeof ROLE_LABELS]}</Badge>,
      }),
      col.accessor("sites", {
        header: "Site access",
        cell: ({ row }) =>
          row.original.role === "editor" || row.original.role === "viewer" ? (
            row.original.sites.length ? row.original.sites.map((s) => s.name).join(", ") : <span className="text-muted-foreground">No sites</span>
          ) : (
            <span className="text-muted-foreground">All sites</span>
          ),
      }),
      col.accessor("lastLoginAt", { header: "Last sign-in", meta: { sortField: "lastLoginAt" }, cell: ({ getValue }) => date(getValue()) }),
      col.accessor("createdAt", { header: "Joined", meta: { sortField: "createdAt" }, cell: ({ getValue }) => date(getValue()) }),
    ]),
    bulkActions: canManage
      ? [
          {
            id: "remove",
            label: "Remove",
            icon: Trash2,
            variant: "destructive",
            confirm: { title: "Remove {count} member(s)?", description: "They lose access immediately. Owners and you cannot be removed.", confirmLabel: "Remove" },
            run: (ids) => removeMembersAction({ ids }),
          },
        ]
      : undefined,
    rowActions: canManage ? [{ id: "edit", label: "Edit role and access", icon: Pencil, hidden: (m) => !editable(m), run: (_id, member) => setEditing(member) }] : undefined,
    toolbar: canManage ? <InviteMemberDialog sites={sites} /> : undefined,
    emptyState: { icon: Users, title: "No teammates yet", description: "Invite people by link: choose their role and which sites they may see.", action: canManage ? <InviteMemberDialog sites={sites} /> : undefined },
  };

  return (
    <>
      <DataTable config={config} rows={rows} count={count} />
      {editing && <MemberAccessDialog member={editing} sites={sites} onClose={() => setEditing(null)} />}
    </>
  );
}
