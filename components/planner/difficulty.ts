/** Colour of a keyword difficulty chip: green (easy) → red (extreme). */
export function difficultyClass(value: number): string {
  if (value <= 20) return "bg-success/15 text-success";
  if (value <= 40) return "bg-chart-2/15 text-chart-2";
  if (value <= 60) return "bg-warning/20 text-[color-mix(in_oklch,var(--warning)_55%,black)]";
  if (value <= 80) return "bg-chart-5/15 text-chart-5";
  return "bg-destructive/15 text-destructive";
}
