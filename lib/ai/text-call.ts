import type { z } from "zod";
import { requireOpenAI } from "./config";
import { structuredCompletion } from "./providers/openai";
import type { CallArgs, CallResult } from "./types";

const SYSTEM = "You are an expert SEO content assistant. Answer only with JSON that matches the given schema.";

/** The usual call: the rendered prompt to the account's text model, parsed with `schema`. */
export function textCall<S extends z.ZodType>(schema: S, schemaName: string) {
  return async <P>({ prompt, config }: CallArgs<P>): Promise<CallResult<z.infer<S>>> => {
    const openai = requireOpenAI(config);
    const { data, usage, raw } = await structuredCompletion(openai, {
      schema,
      schemaName,
      messages: [
        { role: "system", content: SYSTEM },
        { role: "user", content: prompt },
      ],
    });
    return { data, usage, raw };
  };
}
