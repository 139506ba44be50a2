-- AIPrompt.functionName: which AI function a prompt serves (the reference's function_name).
ALTER TABLE "ai_prompts" ADD COLUMN "functionName" TEXT NOT NULL DEFAULT '';
UPDATE "ai_prompts" SET "functionName" = CASE "promptType"
  WHEN 'clustering' THEN 'auto_cluster'
  WHEN 'ideas' THEN 'generate_ideas'
  WHEN 'content_generation' THEN 'generate_content'
  WHEN 'image_prompts' THEN 'generate_image_prompts'
  WHEN 'image_generation' THEN 'generate_images'
  WHEN 'optimization' THEN 'optimize_content'
  ELSE '' END;

-- Where an optimization was asked for (editor, batch, automation), on the proposal and its usage row.
ALTER TABLE "content_optimizations" ADD COLUMN "entryPoint" TEXT NOT NULL DEFAULT 'editor';
ALTER TABLE "credit_usage_logs" ADD COLUMN "entryPoint" TEXT;
