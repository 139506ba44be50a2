/** The site and sectors a planner page works in (from the header switcher). */
export type Workspace = { site: { id: number; name: string }; sectors: { id: number; name: string }[]; sectorId: number | null };
