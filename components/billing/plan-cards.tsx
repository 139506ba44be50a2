"use client";

import { Check, ExternalLink } from "lucide-react";
import { startPlanChangeAction, openBillingPortalAction } from "@/lib/billing/actions";
import type { PlansOverview } from "@/lib/billing/service";
import { useAction } from "@/components/forms/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/utils/cn";
import { PLAN_LIMITS, price } from "./plan-limits";

type Plan = PlansOverview["plans"][number];

function PlanButton({ plan, overview, currentPrice }: { plan: Plan; overview: PlansOverview; currentPrice: number }) {
  const { run, pending } = useAction();
  if (plan.isCurrent) return <Button variant="outline" className="w-full" disabled>Your current plan</Button>;
  if (!overview.paymentsEnabled) return null;
  if (!overview.canChange) return <p className="text-center text-xs text-muted-foreground">Only the account owner can change the plan.</p>;
  if (!plan.purchasable) {
    const subscribed = overview.subscription?.provider === "stripe";
    return <p className="text-center text-xs text-muted-foreground">{plan.price === 0 && subscribed ? "Cancel your subscription under Manage billing to return to this plan." : "Assigned by an administrator on request."}</p>;
  }
  const upgrade = plan.price > currentPrice;
  return (
    <Button
      className="w-full"
      variant={upgrade ? "default" : "outline"}
      disabled={pending}
      onClick={() =>
        run(() => startPlanChangeAction({ planId: plan.id }), {
          onSuccess: (result) => {
            if (result.url) window.location.assign(result.url);
          },
        })
      }
    >
      {pending ? "Opening…" : upgrade ? `Upgrade to ${plan.name}` : `Switch to ${plan.name}`}
    </Button>
  );
}

export function ManageBillingButton() {
  const { run, pending } = useAction();
  return (
    <Button variant="outline" disabled={pending} onClick={() => run(() => openBillingPortalAction({}), { refresh: false, onSuccess: ({ url }) => window.location.assign(url) })}>
      <ExternalLink className="size-4" /> {pending ? "Opening…" : "Manage billing"}
    </Button>
  );
}

export function PlanCards({ overview }: { overview: PlansOverview }) {
  const currentPrice = overview.plans.find((p) => p.isCurrent)?.price ?? 0;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {overview.plans.map((plan) => (
        <Card key={plan.id} className={cn("flex flex-col", plan.isCurrent && "border-primary ring-2 ring-primary/20")} aria-label={`${plan.name} plan`}>
          <CardHeader>
            <div className="flex items-center justify-between gap-2">
              <CardTitle className="text-lg">{plan.name}</CardTitle>
              {plan.isCurrent && <Badge>Current</Badge>}
            </div>
            <div className="pt-1 text-3xl font-semibold tabular-nums">
              {price(plan.price)}
              {plan.price > 0 && <span className="text-sm font-normal text-muted-foreground"> / {plan.billingCycle === "yearly" ? "year" : "month"}</span>}
            </div>
            <CardDescription>{plan.description}</CardDescription>
          </CardHeader>
          <CardContent className="flex-1 space-y-4 text-sm">
            <ul className="space-y-1.5">
              {PLAN_LIMITS.filter((l) => l.highlight).map((l) => (
                <li key={l.key} className="flex justify-between gap-2">
                  <span className="text-muted-foreground">{l.label}</span>
                  <span className="font-medium tabular-nums">{l.format(plan[l.key] as number)}</span>
                </li>
              ))}
            </ul>
            {Array.isArray(plan.features) && plan.features.length > 0 && (
              <ul className="space-y-1.5 border-t pt-3">
                {(plan.features as string[]).map((f) => (
                  <li key={f} className="flex gap-2">
                    <Check className="mt-0.5 size-4 shrink-0 text-success" aria-hidden /> {f}
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
          <CardFooter>
            <PlanButton plan={plan} overview={overview} currentPrice={currentPrice} />
          </CardFooter>
        </Card>
      ))}
    </div>
  );
}
