// The openai SDK for text (structured output) and images, pointed at OpenAI or any compatible
// server. The SDK retries 429/5xx/timeouts with exponential backoff (and honours Retry-After);
// everything that still fails becomes an AIProviderError with a sentence a user can act on.
import { env } from "@/lib/config/env";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import type { z } from "zod";
import { AIOutputError, AIProviderError } from "../errors";
import type { OpenAIConfig } from "../config";

// Read at call time, so tests and operators can tune them without a restart of the module.
export const textTimeoutMs = () => env.AI_TIMEOUT_MS;
export const imageTimeoutMs = () => env.AI_IMAGE_TIMEOUT_MS;
export const maxRetries = () => env.AI_MAX_RETRIES;

export function openaiClient(config: OpenAIConfig, timeout = textTimeoutMs()): OpenAI {
  return new OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, timeout, maxRetries: maxRetries() });
}

export type ChatMessage = { role: "system" | "user"; content: string };

// Converting a zod schema to the JSON schema the API wants costs more than the rest of a call's
// preparation: once per schema and name.
const responseFormats = new WeakMap<z.ZodType, Map<string, ReturnType<typeof zodResponseFormat>>>();
function responseFormat(schema: z.ZodType, name: string) {
  let byName = responseFormats.get(schema);
  if (!byName) responseFormats.set(schema, (byName = new Map()));
  let format = byName.get(name);
  if (!format) byName.set(name, (format = zodResponseFormat(schema, name)));
  return format;
}
export type TextUsage = { model: string; tokensIn: number; tokensOut: number };

export async function structuredCompletion<S extends z.ZodType>(
  config: OpenAIConfig,
  options: { schema: S; schemaName: string; messages: ChatMessage[]; temperature?: number },
): Promise<{ data: z.infer<S>; usage: TextUsage; raw: string }> {
  let completion;
  try {
    completion = await openaiClient(config).chat.completions.parse({
      model: config.model,
      messages: options.messages,
      temperature: options.temperature ?? 0.4,
      response_format: responseFormat(options.schema, options.schemaName) as ReturnType<typeof zodResponseFormat<S>>,
    });
  } catch (error) {
    throw toProviderError(error, config);
  }
  const choice = completion.choices[0];
  const raw = choice?.message?.content ?? "";
  if (choice?.message?.refusal) throw new AIOutputError(`The model refused: ${choice.message.refusal}`);
  if (!choice?.message?.parsed) throw new AIOutputError("The model returned an empty answer.");
  return {
    data: choice.message.parsed as z.infer<S>,
    usage: { model: completion.model || config.model, tokensIn: completion.usage?.prompt_tokens ?? 0, tokensOut: completion.usage?.completion_tokens ?? 0 },
    raw,
  };
}

export async function generateImageOpenAI(config: OpenAIConfig, prompt: string, size: string): Promise<{ bytes: Buffer; model: string; revisedPrompt?: string }> {
  let response;
  try {
    response = await openaiClient(config, imageTimeoutMs()).images.generate({
      model: config.imageModel,
      prompt,
      n: 1,
      size: size as "1024x1024",
      ...(config.imageModel.startsWith("gpt-image") ? {} : { response_format: "b64_json" as const }),
    });
  } catch (error) {
    throw toProviderError(error, config);
  }
  const image = response.data?.[0];
  if (image?.b64_json) return { bytes: Buffer.from(image.b64_json, "base64"), model: config.imageModel, revisedPrompt: image.revised_prompt };
  if (image?.url) return { bytes: await download(image.url), model: config.imageModel, revisedPrompt: image.revised_prompt };
  throw new AIOutputError("The image model returned no image.");
}

export async function listModels(config: OpenAIConfig): Promise<string[]> {
  try {
    const page = await openaiClient(config, 15_000).models.list();
    return page.data.map((m) => m.id);
  } catch (error) {
    throw toProviderError(error, config);
  }
}

/** Provider URLs expire: fetch the bytes at once. */
export async function download(url: string): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new AIProviderError(`Downloading the generated image failed (${response.status}).`, response.status >= 500 || response.status === 429, response.status);
  return Buffer.from(await response.arrayBuffer());
}

export function toProviderError(error: unknown, config: Pick<OpenAIConfig, "baseURL" | "model">): Error {
  if (error instanceof AIProviderError || error instanceof AIOutputError) return error;
  const where = config.baseURL ? `the AI server at ${config.baseURL}` : "OpenAI";
  const Where = where[0].toUpperCase() + where.slice(1);
  if (error instanceof OpenAI.APIConnectionTimeoutError) return new AIProviderError(`${Where} did not answer in time.`, true);
  if (error instanceof OpenAI.APIConnectionError) return new AIProviderError(`Could not reach ${where}: ${error.message}`, true);
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? 0;
    const detail = error.message.replace(/^\d+\s*/, "");
    if (status === 401) return new AIProviderError(`${Where} rejected the API key (401). Check it in Settings → Integrations.`, false, status);
    if (status === 403) return new AIProviderError(`${Where} refused the request (403): ${detail}`, false, status);
    if (status === 404) return new AIProviderError(`${Where} does not know the model "${config.model}" (404). Choose another model in Settings → Integrations.`, false, status);
    if (status === 429) return new AIProviderError(`${Where} is rate limiting requests (429); try again in a minute.`, true, status);
    if (status >= 500) return new AIProviderError(`${Where} had a server error (${status}).`, true, status);
    return new AIProviderError(`${Where} refused the request (${status}): ${detail}`, false, status);
  }
  // The SDK's parse() throws a SyntaxError or a zod error when the output is not the schema's JSON.
  if (error instanceof SyntaxError || (error as { name?: string })?.name === "ZodError" || /JSON/.test((error as Error)?.message ?? "")) {
    return new AIOutputError("The model's answer was not in the expected format.");
  }
  return error instanceof Error ? error : new Error(String(error));
}
