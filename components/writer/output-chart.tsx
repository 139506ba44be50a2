"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { OutputDay } from "@/lib/writer/dashboard";

const shortDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Articles created per day over the last 30 days; words in the tooltip. */
export function OutputChart({ data }: { data: OutputDay[] }) {
  const total = data.reduce((sum, d) => sum + d.articles, 0);
  return (
    <div className="h-56 w-full" role="img" aria-label={`Articles created per day over the last 30 days: ${total} in total.`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="date" tickFormatter={shortDate} tickLine={false} axisLine={false} fontSize={12} interval="preserveStartEnd" minTickGap={24} stroke="var(--muted-foreground)" />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} stroke="var(--muted-foreground)" />
          <Tooltip
            cursor={{ fill: "var(--muted)" }}
            contentStyle={{ background: "var(--popover)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12 }}
            labelFormatter={(label) => shortDate(String(label))}
            formatter={(value, _name, item) => [`${value} article${value === 1 ? "" : "s"} · ${(item.payload as OutputDay).words.toLocaleString("en-US")} words`, ""]}
          />
          <Bar dataKey="articles" fill="var(--chart-1)" radius={[4, 4, 0, 0]} maxBarSize={28} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
