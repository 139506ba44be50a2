"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type SpendDay = { date: string; credits: number; costUsd: number };

const shortDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const usd = (n: number) => (n > 0 && n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`);

/** Credits charged per day (bars, left axis) and what the provider cost us (line, right axis). */
export function SpendChart({ data, height = 240 }: { data: SpendDay[]; height?: number }) {
  const credits = data.reduce((s, d) => s + d.credits, 0);
  const cost = data.reduce((s, d) => s + d.costUsd, 0);
  return (
    <div style={{ height }} className="w-full" role="img" aria-label={`Credits and provider cost per day over ${data.length} days: ${credits} credits, ${usd(cost)} in total.`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -12 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="date" tickFormatter={shortDate} tickLine={false} axisLine={false} fontSize={12} interval="preserveStartEnd" minTickGap={24} stroke="var(--muted-foreground)" />
          <YAxis yAxisId="credits" allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} stroke="var(--muted-foreground)" />
          <YAxis yAxisId="usd" orientation="right" tickFormatter={(v: number) => `$${v < 1 ? v.toFixed(2) : v.toFixed(0)}`} tickLine={false} axisLine={false} fontSize={12} width={48} stroke="var(--muted-foreground)" />
          <Tooltip
            cursor={{ fill: "var(--muted)" }}
            contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12 }}
            labelFormatter={(label) => shortDate(String(label))}
            formatter={(value, name) => (name === "costUsd" ? [usd(Number(value)), "Provider cost"] : [Number(value).toLocaleString("en-US"), "Credits"])}
          />
          <Bar yAxisId="credits" dataKey="credits" fill="var(--chart-1)" radius={[4, 4, 0, 0]} maxBarSize={24} isAnimationActive={false} />
          <Line yAxisId="usd" dataKey="costUsd" type="monotone" stroke="var(--chart-3)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
