"use client";

import { Rocket, Sparkles } from "lucide-react";
import { createBlueprintTasksAction, deployBlueprintAction, generatePagesAction, generateStructureAction } from "@/lib/site-builder/actions";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { useRunTracker } from "@/components/runs/run-progress-provider";

type Changes = { added: string[]; updated: string[]; removed: string[]; unchanged: number };
type Props = {
  blueprintId: number;
  hasPages: boolean;
  pagesWithoutCopy: number;
  posts: number;
  costs: { structure: number; page: number };
  deploy: { ready: boolean; blocking: string[]; changes: Changes; siteSlug: string };
};

const list = (slugs: string[]) => (slugs.length ? slugs.map((s) => `/${s}`).join(", ") : "none");

/** The blueprint's long actions: each says what it costs or changes before it starts. */
export function BlueprintActions({ blueprintId, hasPages, pagesWithoutCopy, posts, costs, deploy }: Props) {
  const { track } = useRunTracker();
  return (
    <>
      <ConfirmActionButton
        variant={hasPages ? "outline" : "default"}
        title={hasPages ? "Regenerate the structure?" : "Generate the structure?"}
        description={`${costs.structure} credits. The AI plans the whole page tree from the attached clusters.${hasPages ? " It replaces the current tree, including your edits." : ""}`}
        confirmLabel="Generate"
        action={() => generateStructureAction({ id: blueprintId })}
        onDone={(run) => track(run.id, "Site structure")}
      >
        <Sparkles className="size-4" /> {hasPages ? "Regenerate structure" : "Generate structure"}
      </ConfirmActionButton>
      {hasPages && (
        <ConfirmActionButton
          variant="outline"
          disabled={!pagesWithoutCopy}
          title={`Write ${pagesWithoutCopy} page${pagesWithoutCopy === 1 ? "" : "s"}?`}
          description={`${pagesWithoutCopy * costs.page} credits (${costs.page} per page). Pages that already have copy are kept; rewrite one from its detail.`}
          confirmLabel="Write pages"
          action={() => generatePagesAction({ id: blueprintId })}
          onDone={(run) => track(run.id, "Page writing")}
        >
          Write all pages
        </ConfirmActionButton>
      )}
      {posts > 0 && (
        <ConfirmActionButton variant="outline" title="Create writer tasks?" description={`Queues a writer task for each of the ${posts} planned blog posts, linked to its cluster (posts that have one are skipped). Writing them is charged in the Writer.`} confirmLabel="Create tasks" action={() => createBlueprintTasksAction({ id: blueprintId })}>
          Create writer tasks
        </ConfirmActionButton>
      )}
      {hasPages && (
        <ConfirmActionButton
          disabled={!deploy.ready}
          title="Deploy to the hosted site?"
          description={
            <span className="block space-y-1">
              <span className="block">Publishes the pages with copy to /sites/{deploy.siteSlug} and builds the menu from the tree.</span>
              <span className="block">Added: {list(deploy.changes.added)}</span>
              <span className="block">Updated: {list(deploy.changes.updated)}</span>
              <span className="block">Removed: {list(deploy.changes.removed)}</span>
              <span className="block">Unchanged: {deploy.changes.unchanged}</span>
            </span>
          }
          confirmLabel="Deploy"
          action={() => deployBlueprintAction({ id: blueprintId })}
        >
          <Rocket className="size-4" /> Deploy
        </ConfirmActionButton>
      )}
    </>
  );
}
