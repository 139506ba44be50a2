// Runware image generation over its HTTP API (a JSON array of tasks). Timeouts, retries with
// backoff on 429/5xx, readable errors; results are fetched as bytes at once.
import { randomUUID } from "node:crypto";
import { AIOutputError, AIProviderError } from "../errors";
import type { RunwareConfig } from "../config";
import { download, imageTimeoutMs, maxRetries } from "./openai";

const DEFAULT_URL = "https://api.runware.ai/v1";

type RunwareResult = { taskType?: string; imageBase64Data?: string; imageURL?: string; cost?: number };

export async function generateImageRunware(config: RunwareConfig, prompt: string, size: string): Promise<{ bytes: Buffer; model: string; costUsd?: number }> {
  const [width, height] = size.split("x").map(Number);
  const body = [
    { taskType: "authentication", apiKey: config.apiKey },
    { taskType: "imageInference", taskUUID: randomUUID(), positivePrompt: prompt, model: config.model, width, height, numberResults: 1, outputType: "base64Data", outputFormat: "PNG", includeCost: true },
  ];
  const json = await postWithRetry(config.baseURL ?? DEFAULT_URL, body);
  const result = (json.data ?? []).find((d) => d.imageBase64Data || d.imageURL);
  if (!result) throw new AIOutputError(json.errors?.[0]?.message ? `Runware: ${json.errors[0].message}` : "Runware returned no image.");
  const bytes = result.imageBase64Data ? Buffer.from(result.imageBase64Data, "base64") : await download(result.imageURL!);
  return { bytes, model: config.model, costUsd: result.cost };
}

/** Authenticates with the key (the cheapest call that proves it works). */
export async function testRunware(config: RunwareConfig): Promise<void> {
  await postWithRetry(config.baseURL ?? DEFAULT_URL, [{ taskType: "authentication", apiKey: config.apiKey }]);
}

async function postWithRetry(url: string, body: unknown): Promise<{ data?: RunwareResult[]; errors?: { message?: string }[] }> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(imageTimeoutMs()) });
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError";
      if (attempt < maxRetries()) {
        await backoff(attempt);
        continue;
      }
      throw new AIProviderError(timedOut ? "Runware did not answer in time." : `Could not reach Runware: ${(error as Error).message}`, true);
    }
    if ((response.status === 429 || response.status >= 500) && attempt < maxRetries()) {
      await backoff(attempt, Number(response.headers.get("retry-after")) || undefined);
      continue;
    }
    const json = (await response.json().catch(() => ({}))) as { data?: RunwareResult[]; errors?: { message?: string }[] };
    if (response.status === 401 || response.status === 403) throw new AIProviderError("Runware rejected the API key. Check it in Settings → Integrations.", false, response.status);
    if (!response.ok) {
      const retriable = response.status === 429 || response.status >= 500;
      throw new AIProviderError(`Runware refused the request (${response.status})${json.errors?.[0]?.message ? `: ${json.errors[0].message}` : ""}.`, retriable, response.status);
    }
    return json;
  }
}

function backoff(attempt: number, retryAfterSeconds?: number) {
  const ms = retryAfterSeconds ? retryAfterSeconds * 1000 : Math.min(8000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
