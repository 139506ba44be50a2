"use client";

import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { toastError } from "@/components/forms/toast-error";
import { ArrowRight } from "lucide-react";
import { selectSectorsAction, selectWorkspaceAction } from "@/lib/sites/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils/cn";

type Industry = { id: number; name: string; slug: string; sectors: { id: number; name: string; slug: string; description: string }[] };

type Props = {
  siteId: number;
  industries: Industry[];
  currentIndustrySlug: string | null;
  activeSectorSlugs: string[];
  maxSectors: number;
  planName: string;
  disabled?: boolean;
};

export function SectorPicker({ siteId, industries, currentIndustrySlug, activeSectorSlugs, maxSectors, planName, disabled }: Props) {
  const router = useRouter();
  const [industrySlug, setIndustrySlug] = useState(currentIndustrySlug ?? "");
  const [selected, setSelected] = useState<string[]>(activeSectorSlugs);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // After saving sectors, the next step of the journey: keywords for this site.
  const [savedCount, setSavedCount] = useState(0);
  const [going, startGoing] = useTransition();
  const industry = useMemo(() => industries.find((i) => i.slug === industrySlug), [industries, industrySlug]);
  const over = selected.length > maxSectors;

  function toggle(slug: string, checked: boolean) {
    setError(null);
    setSelected((current) => (checked ? [...current, slug] : current.filter((s) => s !== slug)));
  }

  function save() {
    startTransition(async () => {
      const result = await selectSectorsAction({ id: siteId, industrySlug, sectorSlugs: selected });
      if (result.ok) {
        toast.success(result.message);
        setError(null);
        setSavedCount(result.data.sectors.length);
        router.refresh();
      } else {
        setError(result.message);
        toastError(result);
      }
    });
  }

  return (
    <div className="space-y-5">
      <div className="max-w-sm space-y-2">
        <Label htmlFor="industry">Industry</Label>
        <Select
          value={industrySlug}
          onValueChange={(value) => {
            setIndustrySlug(value);
            setSelected([]);
            setError(null);
          }}
          disabled={disabled}
        >
          <SelectTrigger id="industry" className="w-full"><SelectValue placeholder="Choose an industry" /></SelectTrigger>
          <SelectContent>{industries.map((i) => <SelectItem key={i.slug} value={i.slug}>{i.name}</SelectItem>)}</SelectContent>
        </Select>
      </div>
      {industry && (
        <fieldset className="space-y-3" disabled={disabled}>
          <legend className="flex w-full items-center justify-between text-sm font-medium">
            <span>Sectors</span>
            <span className={cn("text-sm font-normal", over ? "text-destructive" : "text-muted-foreground")} aria-live="polite">
              {selected.length} of {maxSectors} selected ({planName} plan)
            </span>
          </legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {industry.sectors.map((sector) => {
              const checked = selected.includes(sector.slug);
              return (
                <label
                  key={sector.slug}
                  className={cn("flex cursor-pointer items-start gap-3 rounded-lg border p-3 transition-colors hover:bg-accent/50", checked && "border-primary bg-accent/40")}
                >
                  <Checkbox checked={checked} onCheckedChange={(value) => toggle(sector.slug, value === true)} aria-label={sector.name} />
                  <span className="space-y-0.5">
                    <span className="block text-sm font-medium">{sector.name}</span>
                    <span className="block text-xs text-muted-foreground">{sector.description}</span>
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
      )}
      {over && !error && (
        <Alert variant="warning"><AlertDescription>Your {planName} plan allows {maxSectors} active sectors per site. Saving {selected.length} will be refused: remove {selected.length - maxSectors}.</AlertDescription></Alert>
      )}
      {error && <Alert variant="destructive" role="alert"><AlertDescription>{error}</AlertDescription></Alert>}
      <Button onClick={save} disabled={disabled || pending || !industrySlug}>{pending ? "Saving…" : "Save industry and sectors"}</Button>
      {savedCount > 0 && (
        <Alert role="status" className="flex flex-wrap items-center justify-between gap-3">
          <AlertDescription>
            <span className="font-medium text-foreground">Next: add keywords.</span> Import or type the searches this site should rank for; the planner clusters them into article ideas.
          </AlertDescription>
          <Button
            size="sm"
            disabled={going}
            onClick={() =>
              startGoing(async () => {
                await selectWorkspaceAction({ siteId, sectorId: null });
                router.push("/planner/keywords");
              })
            }
          >
            {going ? "Opening…" : "Add keywords"} <ArrowRight />
          </Button>
        </Alert>
      )}
    </div>
  );
}
