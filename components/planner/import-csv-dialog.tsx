"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Download, Upload } from "lucide-react";
import { toast } from "sonner";
import { toastError } from "@/components/forms/toast-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Progress } from "@/components/ui/progress";
import { SectorSelect } from "./sector-select";
import { initialSectorId, type Workspace } from "./workspace";

type Report = {
  format: { format: string; encoding: string } | null;
  rows: number;
  imported: number;
  duplicates_in_file: number;
  duplicates_in_sector: number;
  invalid: number;
  details: { line: number; keyword: string; outcome: string; reason: string }[];
  details_truncated: boolean;
};

const FORMAT_NAMES: Record<string, string> = {
  google_keyword_planner: "Google Keyword Planner",
  ahrefs: "Ahrefs",
  semrush: "Semrush",
  search_console: "Search Console",
  plain_list: "Plain list",
};

function downloadReport(report: Report) {
  const cell = (v: string | number) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = ["line,keyword,outcome,reason", ...report.details.map((d) => [d.line, d.keyword, d.outcome, d.reason].map(cell).join(","))];
  const url = URL.createObjectURL(new Blob(["\ufeff" + lines.join("\n")], { type: "text/csv" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: "import-report.csv" });
  a.click();
  URL.revokeObjectURL(url);
}

/** What an import did: shown in a toast once the dialog has closed. */
function ImportReport({ report }: { report: Report }) {
  return (
    <div className="space-y-2 text-sm" data-testid="import-report">
      <p>
        <strong>{report.imported.toLocaleString("en-US")}</strong> imported from {report.rows.toLocaleString("en-US")} rows
        {report.format && <> ({FORMAT_NAMES[report.format.format] ?? report.format.format}, {report.format.encoding})</>}.
      </p>
      <ul className="text-muted-foreground">
        <li>{report.duplicates_in_file.toLocaleString("en-US")} duplicates within the file</li>
        <li>{report.duplicates_in_sector.toLocaleString("en-US")} already in this sector</li>
        <li>{report.invalid.toLocaleString("en-US")} invalid rows</li>
      </ul>
      {report.details.length > 0 && (
        <Button variant="outline" size="sm" onClick={() => downloadReport(report)}><Download className="size-4" /> Download report ({report.details.length.toLocaleString("en-US")} rows{report.details_truncated ? ", first 10,000" : ""})</Button>
      )}
    </div>
  );
}

/** Streams the file to the import endpoint and reads its NDJSON progress events. */
export function ImportCsvDialog({ workspace }: { workspace: Workspace }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [sectorId, setSectorId] = useState(initialSectorId(workspace));
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ phase: string; rows: number; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    if (!file || !sectorId) return;
    setError(null);
    setProgress({ phase: "reading", rows: 0, percent: 0 });
    try {
      const response = await fetch(`/api/v1/planner/keywords/import_csv/?site_id=${workspace.site.id}&sector_id=${sectorId}`, {
        method: "POST",
        body: file,
        headers: { "content-type": "text/csv", accept: "application/x-ndjson" },
      });
      if (!response.body || !response.headers.get("content-type")?.includes("ndjson")) {
        const body = await response.json().catch(() => null);
        throw new Error(body?.message ?? `Import failed (${response.status}).`);
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const event = JSON.parse(line);
          if (event.type === "progress") setProgress({ phase: event.phase, rows: event.rows, percent: event.phase === "saving" ? 100 : Math.min(99, Math.round((event.bytes / file.size) * 100)) });
          if (event.type === "error") throw new Error(event.message);
          if (event.type === "done") {
            // Done: the dialog closes and the result stays on screen in a toast (one at a time: the id replaces the last one).
            const report = event.report as Report;
            toast.success(`Imported ${report.imported.toLocaleString("en-US")} keyword${report.imported === 1 ? "" : "s"}.`, { id: "import-report", description: <ImportReport report={report} />, duration: 20_000 });
            setOpen(false);
            setFile(null);
            router.refresh();
          }
        }
      }
    } catch (e) {
      setError((e as Error).message);
      toastError((e as Error).message);
    } finally {
      setProgress(null);
    }
  }

  const busy = Boolean(progress);
  return (
    <Dialog open={open} onOpenChange={(next) => !busy && (setOpen(next), next || (setError(null), setFile(null)))}>
      <DialogTrigger asChild>
        <Button variant="outline"><Upload className="size-4" /> Import CSV</Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Import keywords</DialogTitle>
          <DialogDescription>Exports from Google Keyword Planner, Ahrefs, Semrush or Search Console, or a plain list (one keyword per line). UTF-8 or UTF-16; comma, semicolon or tab.</DialogDescription>
        </DialogHeader>
        <div className="space-y-4">
          <SectorSelect sectors={workspace.sectors} value={sectorId} onChange={setSectorId} id="import-sector" />
          <div className="space-y-2">
            <Label htmlFor="import-file">File</Label>
            <Input id="import-file" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" disabled={busy} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          {progress && (
            <div className="space-y-1" aria-live="polite">
              <Progress value={progress.percent} aria-label="Import progress" />
              <p className="text-xs text-muted-foreground">{progress.phase === "saving" ? "Saving new keywords…" : `Reading rows: ${progress.rows.toLocaleString("en-US")}`}</p>
            </div>
          )}
          {error && <p role="alert" className="text-sm text-destructive">{error}</p>}
        </div>
        <DialogFooter>
          <Button onClick={start} disabled={!file || !sectorId || busy}>{busy ? "Importing…" : "Import"}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
