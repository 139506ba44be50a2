import Link from "next/link";
import type { RecordDto } from "@/lib/publishing/service";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "./local-time";
import { ScheduledRecordActions } from "./scheduled-record-actions";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const VARIANT: Record<string, "default" | "secondary" | "destructive" | "outline"> = { published: "default", failed: "destructive", scheduled: "outline", pending: "secondary", publishing: "secondary", unpublished: "secondary", cancelled: "outline" };

export function RecordStatus({ record }: { record: Pick<RecordDto, "status" | "remoteStatus" | "remoteChangedAt"> }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge variant={VARIANT[record.status] ?? "secondary"}>{record.status === "published" && record.remoteStatus === "draft" ? "draft sent" : record.status}</Badge>
      {record.remoteChangedAt && <Badge variant="destructive">edited remotely</Badge>}
    </span>
  );
}

/** When the record went live, is due, or last changed: in the reader's time zone. */
function RecordWhen({ record: r }: { record: RecordDto }) {
  if (r.status === "scheduled" && r.scheduledAt) return <>for <LocalTime value={r.scheduledAt} /></>;
  return <LocalTime value={r.publishedAt ?? r.updatedAt} />;
}

export function RecordsTable({ records, showContent = true, canWrite = false }: { records: RecordDto[]; showContent?: boolean; canWrite?: boolean }) {
  const schedulable = canWrite && records.some((r) => r.status === "scheduled");
  return (
    <Table aria-label="Publishing records">
      <TableHeader>
        <TableRow>
          {showContent && <TableHead>Article</TableHead>}
          <TableHead>Destination</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>When</TableHead>
          <TableHead>Link / error</TableHead>
          {schedulable && <TableHead><span className="sr-only">Actions</span></TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {records.map((r) => (
          <TableRow key={r.id}>
            {showContent && <TableCell className="min-w-40 whitespace-normal"><Link className="hover:underline" href={`/writer/content/${r.contentId}`}>{r.content?.title ?? `#${r.contentId}`}</Link></TableCell>}
            <TableCell>{r.destinationLabel}</TableCell>
            <TableCell><RecordStatus record={r} /></TableCell>
            <TableCell className="min-w-36 whitespace-normal text-xs text-muted-foreground"><RecordWhen record={r} /></TableCell>
            <TableCell className="min-w-32 max-w-md whitespace-normal text-xs">{r.error ? <span className="text-destructive">{r.error}</span> : r.remoteUrl ? <a className="break-all text-primary hover:underline" href={r.remoteUrl} target="_blank" rel="noreferrer">{r.remoteUrl}</a> : "—"}</TableCell>
            {schedulable && <TableCell>{r.status === "scheduled" && <ScheduledRecordActions record={r} className="flex justify-end gap-2" />}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
