"use client";

import { importSiteWordPressAction } from "@/lib/integration/actions";
import { useAction } from "@/components/forms/use-action";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function ImportSiteWordPressButton({ siteId, wpUrl }: { siteId: number; wpUrl: string }) {
  const { run, pending } = useAction();
  return (
    <Alert>
      <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
        <span>This site has a WordPress connection in its settings ({wpUrl}). Integrations are where publishing looks now.</span>
        <Button size="sm" disabled={pending} onClick={() => run(() => importSiteWordPressAction({ siteId }))}>Turn it into an integration</Button>
      </AlertDescription>
    </Alert>
  );
}
