import Link from "next/link";
import { CheckCircle2, Circle } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export type WorkflowStep = { key: string; label: string; done: boolean; href: string; hint: string };

/** The module's steps in order, with the next one to take highlighted. */
export function WorkflowSteps({ steps, className }: { steps: WorkflowStep[]; className?: string }) {
  const next = steps.find((s) => !s.done);
  return (
    <ol className={cn("grid gap-3 md:grid-cols-4", className)}>
      {steps.map((step, i) => {
        const isNext = step === next;
        return (
          <li key={step.key}>
            <Link href={step.href} className={cn("flex h-full gap-3 rounded-xl border bg-card p-4 transition-colors hover:border-primary/50", isNext && "border-primary ring-2 ring-primary/20")}>
              {step.done ? <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-success" aria-label="Done" /> : <Circle className={cn("mt-0.5 size-5 shrink-0", isNext ? "text-primary" : "text-muted-foreground")} aria-label="To do" />}
              <span>
                <span className="block text-sm font-medium">{i + 1}. {step.label}{isNext && <span className="ml-2 rounded bg-primary px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-primary-foreground uppercase">Next</span>}</span>
                <span className="mt-1 block text-xs text-muted-foreground">{step.hint}</span>
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
