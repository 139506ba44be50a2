import { describe, expect, it } from "vitest";
import { isAllowedLink } from "./extensions";

describe("editor links", () => {
  it("accepts web, mail, phone, relative and anchor links", () => {
    for (const url of ["https://example.com/a?b=1#c", "http://example.com", "mailto:team@example.com", "tel:+1 555 0100", "/writer/drafts", "#section-2"]) {
      expect(isAllowedLink(url), url).toBe(true);
    }
  });

  it("refuses script and data URLs however they are disguised, and junk", () => {
    for (const url of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "&#106;avascript:alert(1)", "data:text/html,<script>", "vbscript:msgbox", "ftp://example.com", "example", "", "https://"]) {
      expect(isAllowedLink(url), url).toBe(false);
    }
  });
});
