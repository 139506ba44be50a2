/** The site and sectors a planner page works in (from the header switcher). */
export type Workspace = { site: { id: number; name: string }; sectors: { id: number; name: string }[]; sectorId: number | null };

/**
 * The sector a new-item dialog starts with: the header's sector; when the header says "All sectors",
 * none (the user chooses), unless the site has only one sector.
 */
export function initialSectorId(workspace: Pick<Workspace, "sectorId" | "sectors">): number | null {
  return workspace.sectorId ?? (workspace.sectors.length === 1 ? workspace.sectors[0].id : null);
}
