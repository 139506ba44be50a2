import { bad, charLength, good, ok, type CheckDefinition } from "./shared";

export const META_TITLE = { min: 50, max: 60 } as const;
export const META_DESCRIPTION = { min: 120, max: 155 } as const;

export const metaChecks: Omit<CheckDefinition, "weight">[] = [
  {
    id: "meta-title-length",
    label: "Meta title length",
    category: "meta",
    run({ input }) {
      const n = charLength(input.metaTitle ?? "");
      const ideal = `${META_TITLE.min}–${META_TITLE.max}`;
      if (n === 0) return bad(0, "No meta title is set.", `Write a meta title of ${ideal} characters.`);
      const msg = `The meta title is ${n} characters (ideal ${ideal}).`;
      if (n >= META_TITLE.min && n <= META_TITLE.max) return good(msg);
      if (n > META_TITLE.max) {
        const fix = `Shorten it by ${n - META_TITLE.max} characters; Google cuts titles off at about ${META_TITLE.max}.`;
        return n <= 70 ? bad(0.4, msg, fix) : bad(0, msg, fix);
      }
      const fix = `Add about ${META_TITLE.min - n} characters (e.g. a benefit, the year or the brand).`;
      if (n >= 40) return ok(0.6, msg, fix);
      if (n >= 30) return ok(0.4, msg, fix);
      return bad(0.2, msg, fix);
    },
  },
  {
    id: "meta-description-length",
    label: "Meta description length",
    category: "meta",
    run({ input }) {
      const n = charLength(input.metaDescription ?? "");
      const ideal = `${META_DESCRIPTION.min}–${META_DESCRIPTION.max}`;
      if (n === 0) return bad(0, "No meta description is set.", `Write a meta description of ${ideal} characters that makes people want to click.`);
      const msg = `The meta description is ${n} characters (ideal ${ideal}).`;
      if (n >= META_DESCRIPTION.min && n <= META_DESCRIPTION.max) return good(msg);
      if (n > META_DESCRIPTION.max) {
        const fix = `Shorten it by ${n - META_DESCRIPTION.max} characters so it isn't cut off in search results.`;
        return n <= 165 ? ok(0.6, msg, fix) : bad(0.2, msg, fix);
      }
      const fix = `Add about ${META_DESCRIPTION.min - n} characters: what the reader gets and why this page.`;
      if (n >= 100) return ok(0.6, msg, fix);
      if (n >= 70) return ok(0.4, msg, fix);
      return bad(0.2, msg, fix);
    },
  },
];
