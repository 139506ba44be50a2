export const RUN_KIND_LABELS: Record<string, string> = {
  auto_cluster: "AI clustering",
  cluster_locally: "Local clustering",
  generate_ideas: "Content ideas",
  generate_content: "Article writing",
  generate_image_prompts: "Image prompts",
  generate_images: "Image generation",
  publish_content: "Publishing",
  sync_integration: "WordPress sync",
  link_content: "Internal linking",
  optimize_content: "Content optimization",
  automation: "Automation",
  generate_structure: "Site structure",
  generate_page_content: "Site page copy",
};

export const RUN_STATUS_LABELS: Record<string, string> = {
  pending: "Queued",
  running: "Running",
  succeeded: "Done",
  completed_with_errors: "Done with errors",
  failed: "Failed",
  cancelled: "Cancelled",
};
