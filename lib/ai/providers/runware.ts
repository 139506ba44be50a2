// Runware image generation over its HTTP API: a JSON array of tasks (authentication first), answered
// with `{ data: [...] }` and/or `{ errors: [{ code, message, parameter, taskType, taskUUID }] }`;
// errors are per task, so a 200 can still carry the failure of ours. Timeouts, retries with backoff
// on 429/5xx and on Runware's own transient codes, readable errors; images are fetched as bytes.
import { randomUUID } from "node:crypto";
import { AIOutputError, AIProviderError } from "../errors";
import type { RunwareConfig } from "../config";
import { download, imageTimeoutMs, maxRetries } from "./openai";

const DEFAULT_URL = "https://api.runware.ai/v1";

type RunwareResult = { taskType?: string; taskUUID?: string; imageBase64Data?: string; imageURL?: string; cost?: number };
type RunwareError = { code?: string; message?: string; parameter?: string; taskType?: string; taskUUID?: string };
type RunwareResponse = { data?: RunwareResult[]; errors?: RunwareError[] };

/** Runware's codes for failures another attempt may get past (its provider timed out or was busy). */
const TRANSIENT_CODES = /timeout|unavailable|busy|overloaded|ratelimit|rate_limit|internal/i;
const KEY_MESSAGE = "Runware rejected the API key. Check it in Settings → Integrations.";

/** Runware wants sizes in multiples of 64 between 128 and 2048. */
function dimension(value: number): number {
  return Math.min(2048, Math.max(128, Math.round((Number.isFinite(value) ? value : 1024) / 64) * 64));
}

export async function generateImageRunware(config: RunwareConfig, prompt: string, size: string): Promise<{ bytes: Buffer; model: string; costUsd?: number }> {
  const [width, height] = size.split("x").map(Number).map(dimension);
  const taskUUID = randomUUID();
  const body = [
    { taskType: "authentication", apiKey: config.apiKey },
    { taskType: "imageInference", taskUUID, positivePrompt: prompt, model: config.model, width, height, numberResults: 1, outputType: "base64Data", outputFormat: "PNG", includeCost: true },
  ];
  const json = await postWithRetry(config.baseURL ?? DEFAULT_URL, body);
  const result = (json.data ?? []).find((d) => d.taskType === "imageInference" && (!d.taskUUID || d.taskUUID === taskUUID) && (d.imageBase64Data || d.imageURL));
  if (!result) {
    const error = json.errors?.find((e) => !e.taskUUID || e.taskUUID === taskUUID) ?? json.errors?.[0];
    if (error) throw taskError(error);
    throw new AIOutputError("Runware returned no image.");
  }
  const bytes = result.imageBase64Data ? Buffer.from(result.imageBase64Data, "base64") : await download(result.imageURL!);
  if (!bytes.length) throw new AIOutputError("Runware returned an empty image.");
  return { bytes, model: config.model, costUsd: result.cost };
}

/** Authenticates with the key (the cheapest call that proves it works). */
export async function testRunware(config: RunwareConfig): Promise<void> {
  const json = await postWithRetry(config.baseURL ?? DEFAULT_URL, [{ taskType: "authentication", apiKey: config.apiKey }]);
  if (json.errors?.length) throw taskError(json.errors[0]);
}

function taskError(error: RunwareError): AIProviderError {
  if (error.code === "invalidApiKey" || error.taskType === "authentication") return new AIProviderError(KEY_MESSAGE, false);
  const what = error.message ?? error.code ?? "unknown error";
  const parameter = error.parameter ? ` (${error.parameter})` : "";
  return new AIProviderError(`Runware refused the task: ${what}${parameter}.`, TRANSIENT_CODES.test(error.code ?? ""));
}

async function postWithRetry(url: string, body: unknown): Promise<RunwareResponse> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    let json: RunwareResponse;
    try {
      response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal: AbortSignal.timeout(imageTimeoutMs()) });
      // The body is read under the same timeout: a server that stalls mid-answer times out too.
      json = (await response.json().catch((error: Error) => {
        if (error.name === "TimeoutError" || error.name === "AbortError") throw error;
        return {};
      })) as RunwareResponse;
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError" || (error as Error).name === "AbortError";
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
    const first = json.errors?.[0];
    if (response.status === 401 || response.status === 403 || first?.code === "invalidApiKey") throw new AIProviderError(KEY_MESSAGE, false, response.status);
    // A task's own error (bad parameter, content filter, its provider timed out) says more than the status.
    if (!response.ok && response.status < 500 && response.status !== 429 && first && (first.code || first.message)) throw taskError(first);
    if (!response.ok) {
      const retriable = response.status === 429 || response.status >= 500;
      throw new AIProviderError(`Runware refused the request (${response.status})${first?.message ? `: ${first.message}` : ""}.`, retriable, response.status);
    }
    return json;
  }
}

function backoff(attempt: number, retryAfterSeconds?: number) {
  const ms = retryAfterSeconds ? retryAfterSeconds * 1000 : Math.min(8000, 500 * 2 ** attempt) * (0.5 + Math.random() / 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
