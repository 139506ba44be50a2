"use client";

import { Bar, BarChart as RBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type Props = {
  data: object[];
  category: string;
  value: string;
  valueLabel: string;
  /** Horizontal bars suit long category names (cluster names). */
  layout?: "vertical" | "horizontal";
  height?: number;
  color?: string;
};

const format = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(v >= 10_000 ? 0 : 1)}k` : String(v));

export function BarChart({ data, category, value, valueLabel, layout = "horizontal", height = 240, color = "var(--chart-1)" }: Props) {
  const horizontalBars = layout === "vertical";
  return (
    <div style={{ height }} role="img" aria-label={`${valueLabel} by ${category}`}>
      <ResponsiveContainer width="100%" height="100%">
        <RBarChart data={data} layout={layout} margin={{ top: 4, right: 12, bottom: 4, left: horizontalBars ? 8 : 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={!horizontalBars} vertical={horizontalBars} />
          {horizontalBars ? (
            <>
              <XAxis type="number" tickFormatter={format} fontSize={12} stroke="var(--muted-foreground)" />
              <YAxis type="category" dataKey={category} width={150} fontSize={12} stroke="var(--muted-foreground)" tickLine={false} />
            </>
          ) : (
            <>
              <XAxis dataKey={category} fontSize={12} stroke="var(--muted-foreground)" tickLine={false} interval={0} />
              <YAxis tickFormatter={format} fontSize={12} stroke="var(--muted-foreground)" width={40} />
            </>
          )}
          <Tooltip cursor={{ fill: "var(--accent)" }} contentStyle={{ borderRadius: 8, border: "1px solid var(--border)", fontSize: 12 }} formatter={(v) => [Number(v).toLocaleString("en-US"), valueLabel]} />
          <Bar dataKey={value} fill={color} radius={horizontalBars ? [0, 4, 4, 0] : [4, 4, 0, 0]} maxBarSize={36} />
        </RBarChart>
      </ResponsiveContainer>
    </div>
  );
}
