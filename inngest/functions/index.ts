// Every Inngest function, and which run kind starts which event. The serve endpoint and the
// in-process runtime both read this list.
import { autoClusterKeywords } from "./planner/auto-cluster-keywords";
import { clusterKeywordsLocally } from "./planner/cluster-keywords-locally";
import { generateIdeasForClusters } from "./planner/generate-ideas";
import { generateContentForTasks } from "./writer/generate-content";
import { generateImagePromptsForTasks } from "./writer/generate-image-prompts";
import { generateImageFiles } from "./writer/generate-images";
import { syncIntegration } from "./integration/sync-integration";
import { publishContent } from "./publishing/publish-content";
import { publishScheduled } from "./publishing/publish-scheduled";
import { linkContent } from "./linker/link-content";
import { optimizeContentBatch } from "./optimizer/optimize-content";

export const functions = [
  autoClusterKeywords,
  clusterKeywordsLocally,
  generateIdeasForClusters,
  generateContentForTasks,
  generateImagePromptsForTasks,
  generateImageFiles,
  publishContent,
  publishScheduled,
  syncIntegration,
  linkContent,
  optimizeContentBatch,
];
