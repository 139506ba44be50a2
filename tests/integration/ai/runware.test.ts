// The Runware provider against a stub speaking Runware's task API: success (base64 and URL output),
// wrong key, per-task errors, 5xx/429 retries, timeouts (no answer, stalled body); then the
// test_runware / test_openai actions and an image run with Runware as the image provider.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { imageSize } from "image-size";
import { rootDb } from "@/lib/db/client";
import { AIOutputError, AIProviderError } from "@/lib/ai/errors";
import { generateImageRunware, testRunware } from "@/lib/ai/providers/runware";
import { startGenerateImages } from "@/lib/ai/service";
import * as integration from "@/app/api/v1/system/settings/integrations/[pk]/route";
import * as testRunwareRoute from "@/app/api/v1/system/settings/integrations/[pk]/test_runware/route";
import * as testOpenAIRoute from "@/app/api/v1/system/settings/integrations/[pk]/test_openai/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, createUser, twoTenants } from "@/tests/fixtures/factories";
import { createTasks, setupAIStub, waitForRun } from "@/tests/fixtures/ai";
import { startRunwareStub, type RunwareStub } from "@/tests/fixtures/runware-stub";

const openai = setupAIStub();
let rw: RunwareStub;
beforeAll(async () => {
  rw = await startRunwareStub();
  process.env.AI_IMAGE_TIMEOUT_MS = "400";
});
beforeEach(() => {
  rw.requests.length = 0;
});
afterAll(async () => {
  delete process.env.AI_IMAGE_TIMEOUT_MS;
  await rw.close();
});

const config = (apiKey = rw.apiKey) => ({ apiKey, baseURL: rw.url, model: "runware:100@1" });
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as AIProviderError & AIOutputError;
}

describe("Runware provider", () => {
  it("sends the key first and a valid inference task; answers the PNG bytes and its cost", async () => {
    const image = await generateImageRunware(config(), "A raised bed of tomatoes", "1000x600");
    expect(imageSize(image.bytes)).toMatchObject({ type: "png", width: 64, height: 64 });
    expect(image).toMatchObject({ model: "runware:100@1", costUsd: 0.0013 });
    const [auth, task] = rw.requests[0];
    expect(auth).toEqual({ taskType: "authentication", apiKey: rw.apiKey });
    expect(task).toMatchObject({ taskType: "imageInference", positivePrompt: "A raised bed of tomatoes", model: "runware:100@1", width: 1024, height: 576, outputType: "base64Data" });
    expect(task.taskUUID).toMatch(/^[0-9a-f-]{36}$/);
    // imageURL answers are downloaded.
    rw.fail("url-output");
    expect(imageSize((await generateImageRunware(config(), "A compost heap", "1024x1024")).bytes).type).toBe("png");
  });

  it("a wrong key is a clear, non-retried error; testRunware proves the key", async () => {
    await expect(testRunware(config())).resolves.toBeUndefined();
    const error = await failure(generateImageRunware(config("wrong"), "A garden", "1024x1024"));
    expect(error).toBeInstanceOf(AIProviderError);
    expect(error).toMatchObject({ retriable: false, message: expect.stringMatching(/rejected the API key/) });
    expect(await failure(testRunware(config("wrong")))).toMatchObject({ retriable: false, message: expect.stringMatching(/rejected the API key/) });
    expect(rw.requests).toHaveLength(3); // once each, never retried
  });

  it("per-task errors: a refused prompt is final, Runware's own timeouts are retriable, no image is bad output", async () => {
    rw.fail("task-error");
    expect(await failure(generateImageRunware(config(), "A garden", "1024x1024"))).toMatchObject({ retriable: false, message: expect.stringMatching(/refused the task: The prompt was flagged.*positivePrompt/) });
    rw.fail("transient-task-error");
    expect(await failure(generateImageRunware(config(), "A garden", "1024x1024"))).toMatchObject({ retriable: true, message: expect.stringMatching(/provider timed out/) });
    rw.fail("no-image");
    expect(await failure(generateImageRunware(config(), "A garden", "1024x1024"))).toBeInstanceOf(AIOutputError);
    // Our request itself is checked like Runware does: a too-short prompt is its error, in words.
    expect(await failure(generateImageRunware(config(), "A", "1024x1024"))).toMatchObject({ retriable: false, message: expect.stringMatching(/between 3 and 3000 characters/) });
  });

  it("5xx and 429 are retried with backoff (AI_MAX_RETRIES); past the retries a retriable error", async () => {
    rw.fail("500");
    expect((await generateImageRunware(config(), "A garden", "1024x1024")).bytes.length).toBeGreaterThan(0);
    expect(rw.requests).toHaveLength(2);
    rw.fail("429");
    await generateImageRunware(config(), "A garden", "1024x1024");
    rw.fail("500", 2);
    expect(await failure(generateImageRunware(config(), "A garden", "1024x1024"))).toMatchObject({ retriable: true, message: expect.stringMatching(/refused the request \(500\)/) });
    rw.fail("html", 2);
    expect(await failure(generateImageRunware(config(), "A garden", "1024x1024"))).toMatchObject({ retriable: true, message: expect.stringMatching(/\(502\)/) });
  });

  it("times out when Runware does not answer, or stalls mid-answer, within AI_IMAGE_TIMEOUT_MS", async () => {
    rw.fail("timeout", 2);
    let started = Date.now();
    expect(await failure(generateImageRunware(config(), "A garden", "1024x1024"))).toMatchObject({ retriable: true, message: "Runware did not answer in time." });
    expect(Date.now() - started).toBeLessThan(5_000);
    rw.fail("stall-body", 2);
    started = Date.now();
    expect(await failure(generateImageRunware(config(), "A garden", "1024x1024"))).toMatchObject({ retriable: true, message: "Runware did not answer in time." });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("test_runware / test_openai actions", () => {
  it("test the account's own Runware key and OpenAI connection; managers only; bad pk 400", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const saved = await callApi(integration.PUT, { method: "PUT", token, params: { pk: "runware" }, body: { api_key: rw.apiKey, base_url: rw.url } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const ok = await callApi(testRunwareRoute.POST, { method: "POST", token, params: { pk: "runware" } });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ ok: true, message: expect.stringMatching(/Runware accepted the key/) });
    expect(rw.requests.at(-1)).toEqual([{ taskType: "authentication", apiKey: rw.apiKey }]);
    // test_openai tests OpenAI whatever integration carries it (the stub lists its models).
    const oa = await callApi(testOpenAIRoute.POST, { method: "POST", token, params: { pk: "runware" } });
    expect(oa.status).toBe(200);
    expect(oa.body.data.models).toContain("gpt-4o-mini");

    await callApi(integration.PUT, { method: "PUT", token, params: { pk: "runware" }, body: { api_key: "rw-wrong", base_url: rw.url } });
    const wrong = await callApi(testRunwareRoute.POST, { method: "POST", token, params: { pk: "runware" } });
    expect(wrong.status).toBe(502);
    expect(wrong.body.message).toMatch(/rejected the API key/);

    // Another account tests its own settings, never A's key.
    const before = rw.requests.length;
    const other = await callApi(testRunwareRoute.POST, { method: "POST", token: await tokenFor(b.owner.id), params: { pk: "runware" } });
    expect(other.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(other.body)).not.toContain("rw-wrong");
    expect(rw.requests.length).toBe(before);

    const editor = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);
    expect((await callApi(testRunwareRoute.POST, { method: "POST", token: editor, params: { pk: "runware" } })).status).toBe(403);
    expect((await callApi(testOpenAIRoute.POST, { method: "POST", token: editor, params: { pk: "openai" } })).status).toBe(403);
    expect((await callApi(testRunwareRoute.POST, { method: "POST", token, params: { pk: "slack" } })).status).toBe(400);
    expect((await callApi(testRunwareRoute.POST, { method: "POST", params: { pk: "runware" } })).status).toBe(401);
    expect(rw.requests.length).toBe(before);
  });
});

describe("images with Runware as the provider", () => {
  it("an image run stores Runware's PNG and meters its cost", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    await callApi(integration.PUT, { method: "PUT", token, params: { pk: "runware" }, body: { api_key: rw.apiKey, base_url: rw.url } });
    expect((await callApi(integration.PUT, { method: "PUT", token, params: { pk: "image_generation" }, body: { provider: "runware" } })).status).toBe(200);
    const [task] = await createTasks(a.site, a.sector.id, 1);
    const image = await rootDb().image.create({ data: { accountId: a.account.id, siteId: a.site.id, sectorId: a.sector.id, taskId: task.id, prompt: "A tomato" } });
    const openaiImages = openai.stub.requests.filter((r) => r.path.endsWith("/images/generations")).length;
    const run = await waitForRun((await startGenerateImages(await contextFor(a.owner.id), { imageIds: [image.id] })).id);
    expect(run.status, run.error ?? "").toBe("succeeded");
    expect(await rootDb().image.findUniqueOrThrow({ where: { id: image.id } })).toMatchObject({ status: "generated", mimeType: "image/png", width: 64 });
    expect(openai.stub.requests.filter((r) => r.path.endsWith("/images/generations")).length).toBe(openaiImages);
    const usage = await rootDb().creditUsageLog.findFirstOrThrow({ where: { runId: run.id } });
    expect(usage).toMatchObject({ operation: "generate_images", model: "runware:100@1", images: 1 });
  });
});
