"use client";

import { useState } from "react";
import { RotateCcw } from "lucide-react";
import type { PromptDto } from "@/lib/settings/prompts";
import { resetPromptAction, savePromptAction } from "@/lib/settings/actions";
import { useAction } from "@/components/forms/use-action";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Textarea } from "@/components/ui/textarea";

export function PromptEditor({ prompt, canEdit }: { prompt: PromptDto; canEdit: boolean }) {
  const [value, setValue] = useState(prompt.value);
  const { run, pending } = useAction();
  const dirty = value !== prompt.value;
  const id = `prompt-${prompt.promptType}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          {prompt.label}
          {prompt.isCustom ? <Badge>Customised</Badge> : <Badge variant="secondary">Default</Badge>}
        </CardTitle>
        <CardDescription>{prompt.description}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 lg:grid-cols-[1fr_16rem]">
        <div>
          <label htmlFor={id} className="sr-only">{prompt.label} prompt</label>
          <Textarea id={id} value={value} onChange={(e) => setValue(e.target.value)} readOnly={!canEdit} rows={Math.min(18, value.split("\n").length + 2)} className="font-mono text-xs leading-relaxed" />
        </div>
        <aside aria-label={`Variables of ${prompt.label}`} className="rounded-md bg-muted/60 p-3 text-xs">
          <p className="mb-2 font-medium text-foreground">Variables</p>
          <dl className="space-y-2">
            {Object.entries(prompt.variables).map(([name, help]) => (
              <div key={name}>
                <dt>
                  <button type="button" className="font-mono text-primary hover:underline disabled:no-underline" disabled={!canEdit} onClick={() => setValue((v) => `${v}{${name}}`)} title="Append to the prompt">
                    {`{${name}}`}
                  </button>
                </dt>
                <dd className="text-muted-foreground">{help}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </CardContent>
      {canEdit && (
        <CardFooter className="flex justify-end gap-2 border-t pt-4">
          {dirty && <Button variant="ghost" onClick={() => setValue(prompt.value)}>Discard changes</Button>}
          {prompt.isCustom && (
            <ConfirmActionButton variant="outline" title={`Reset “${prompt.label}”?`} description="Your version is removed and the default is used again." confirmLabel="Reset to default" action={() => resetPromptAction({ promptType: prompt.promptType })} onDone={(p) => setValue(p.value)}>
              <RotateCcw className="size-4" /> Reset to default
            </ConfirmActionButton>
          )}
          <Button disabled={!dirty || pending} onClick={() => run(() => savePromptAction({ promptType: prompt.promptType, value }))}>{pending ? "Saving…" : "Save prompt"}</Button>
        </CardFooter>
      )}
    </Card>
  );
}
