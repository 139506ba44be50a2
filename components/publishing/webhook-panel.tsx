"use client";

import { useState } from "react";
import { KeyRound, Send } from "lucide-react";
import { toast } from "sonner";
import { rotateSigningSecretAction, sendTestEventAction } from "@/lib/integration/actions";
import type { IntegrationDto } from "@/lib/integration/service";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SecretDialog } from "./secret-dialog";

/** Endpoint, signing secret (rotate: shown once) and "Send test event" of a webhook integration. */
export function WebhookPanel({ integration, canManage }: { integration: IntegrationDto; canManage: boolean }) {
  const { run, pending } = useAction();
  const [secret, setSecret] = useState<string | null>(null);
  const masked = integration.credentialsMasked.signingSecret;
  const sendTest = () =>
    run(() => sendTestEventAction({ id: integration.id }), {
      onSuccess: ({ ok, delivery }) => (ok ? toast.success(`Test event delivered: the endpoint answered ${delivery.statusCode} in ${delivery.durationMs} ms.`) : toast.error(`Test event failed: ${delivery.error}`)),
    });
  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle className="text-base">Webhook</CardTitle>
        <CardDescription>Publishing to this integration POSTs the article as signed JSON to the endpoint. Failed deliveries (network errors, 429, 5xx) are retried with backoff; a 4xx answer is final.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-muted-foreground">Endpoint</dt>
          <dd className="break-all font-mono text-xs sm:text-sm">{integration.config.endpoint}</dd>
          <dt className="text-muted-foreground">Signing secret</dt>
          <dd className="flex items-center gap-2"><KeyRound className="size-4 text-muted-foreground" aria-hidden /><code className="font-mono">{masked ? `whsec_${masked}` : "none yet"}</code></dd>
          <dt className="text-muted-foreground">Receiver&apos;s API key</dt>
          <dd><code className="font-mono">{integration.credentialsMasked.apiKey ?? "none (no Authorization header)"}</code></dd>
        </dl>
        {canManage && (
          <div className="flex flex-wrap gap-2">
            <Button onClick={sendTest} disabled={pending || !masked}><Send className="size-4" /> {pending ? "Sending…" : "Send test event"}</Button>
            <ConfirmActionButton variant="outline" title={masked ? "Rotate the signing secret?" : "Generate a signing secret?"} description="Deliveries are signed with the new secret at once: update your receiver right after." confirmLabel={masked ? "Rotate secret" : "Generate"} action={() => rotateSigningSecretAction({ id: integration.id })} onDone={(data) => setSecret(data.signingSecret)}>
              {masked ? "Rotate signing secret" : "Generate signing secret"}
            </ConfirmActionButton>
          </div>
        )}
        <p className="text-xs text-muted-foreground">Headers: X-Content-Studio-Event, -Delivery, -Timestamp, -Signature (v1=HMAC-SHA256 of &quot;timestamp.body&quot;), -Attempt. How to verify: Publishing → adapters README.</p>
      </CardContent>
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
