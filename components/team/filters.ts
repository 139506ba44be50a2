import { defineFilters } from "@/components/data-table/parse-search-params";

export const ROLE_LABELS = { owner: "Owner", admin: "Admin", editor: "Editor", viewer: "Viewer", developer: "Developer", system_bot: "System" } as const;

export const memberFilters = defineFilters([
  {
    id: "role",
    label: "Role",
    type: "select",
    options: (["owner", "admin", "editor", "viewer"] as const).map((value) => ({ value, label: ROLE_LABELS[value] })),
  },
]);

export const MEMBER_SORT_FIELDS = ["name", "email", "role", "createdAt", "lastLoginAt"] as const;
