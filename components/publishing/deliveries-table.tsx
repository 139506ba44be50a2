"use client";

import { useState } from "react";
import { Eye, Webhook } from "lucide-react";
import type { DeliveryDto } from "@/lib/integration/webhooks";
import { DataTable } from "@/components/data-table/data-table";
import { createDataTableColumnHelper } from "@/components/data-table/features";
import type { DataTableConfig } from "@/components/data-table/types";
import { Badge } from "@/components/ui/badge";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { deliveryFilters } from "./delivery-filters";

const col = createDataTableColumnHelper<DeliveryDto>();
const EVENTS: Record<string, string> = { "content.published": "Published", "content.unpublished": "Unpublished", test: "Test" };

export function DeliveriesTable({ rows, count }: { rows: DeliveryDto[]; count: number }) {
  const [viewing, setViewing] = useState<DeliveryDto | null>(null);
  const config: DataTableConfig<DeliveryDto> = {
    title: "Deliveries",
    search: false,
    filters: deliveryFilters,
    columns: col.columns([
      col.accessor("statusCode", { header: "Result", cell: ({ row }) => <Badge variant={row.original.ok ? "default" : "destructive"}>{row.original.statusCode ?? "no answer"}</Badge> }),
      col.accessor("event", { header: "Event", cell: ({ row }) => <span className="whitespace-nowrap">{EVENTS[row.original.event] ?? row.original.event}{row.original.contentId ? <span className="text-muted-foreground"> · #{row.original.contentId}</span> : null}</span> }),
      col.accessor("createdAt", { header: "When (UTC)", cell: ({ getValue }) => <span className="whitespace-nowrap">{new Date(getValue()).toISOString().slice(0, 19).replace("T", " ")}</span> }),
      col.accessor("attempt", { header: "Attempt", meta: { align: "right" } }),
      col.accessor("durationMs", { header: "Time", meta: { align: "right" }, cell: ({ getValue }) => `${getValue()} ms` }),
      col.accessor("error", { header: "Error", cell: ({ getValue }) => <span className="line-clamp-2 max-w-md text-xs text-muted-foreground">{getValue() ?? "—"}</span> }),
      col.accessor("deliveryId", { header: "Delivery id", cell: ({ getValue }) => <code className="text-xs">{getValue().slice(0, 8)}…</code> }),
    ]),
    rowActions: [{ id: "view", label: "View request and response", icon: Eye, run: (_id, row) => setViewing(row) }],
    emptyState: { icon: Webhook, title: "No deliveries yet", description: "Send a test event, or publish an article to this integration: every attempt shows up here." },
    getRowLabel: (row) => `delivery ${row.deliveryId.slice(0, 8)} attempt ${row.attempt}`,
  };
  return (
    <>
      <DataTable config={config} rows={rows} count={count} />
      <Dialog open={Boolean(viewing)} onOpenChange={(open) => !open && setViewing(null)}>
        <DialogContent className="max-w-3xl">
          <DialogHeader>
            <DialogTitle>Delivery {viewing?.deliveryId} · attempt {viewing?.attempt}</DialogTitle>
            <DialogDescription>{viewing?.ok ? `Delivered (${viewing.statusCode}) in ${viewing.durationMs} ms.` : viewing?.error}</DialogDescription>
          </DialogHeader>
          <p className="text-sm font-medium">Request body (first 2,000 characters)</p>
          <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-3 text-xs">{viewing?.requestExcerpt}</pre>
          <p className="text-sm font-medium">Response body</p>
          <pre className="max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-3 text-xs">{viewing?.responseExcerpt || "(empty)"}</pre>
        </DialogContent>
      </Dialog>
    </>
  );
}
