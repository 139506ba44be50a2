import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCredits, formatUsd } from "./labels";

export type BreakdownRow = { key: string; name: string; calls: number; credits: number; costUsd: number };

/** Credits and provider cost side by side, with each row's share of the credits. */
export function BreakdownTable({ rows, label }: { rows: BreakdownRow[]; label: string }) {
  const total = rows.reduce((s, r) => s + r.credits, 0);
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{label}</TableHead>
          <TableHead className="text-right">Calls</TableHead>
          <TableHead className="text-right">Credits</TableHead>
          <TableHead className="text-right">Share</TableHead>
          <TableHead className="text-right">Provider cost</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell className="font-medium">{r.name}</TableCell>
            <TableCell className="text-right tabular-nums">{r.calls.toLocaleString("en-US")}</TableCell>
            <TableCell className="text-right tabular-nums">{formatCredits(r.credits)}</TableCell>
            <TableCell className="text-right tabular-nums text-muted-foreground">{total ? `${Math.round((r.credits / total) * 100)}%` : "—"}</TableCell>
            <TableCell className="text-right tabular-nums">{formatUsd(r.costUsd)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
