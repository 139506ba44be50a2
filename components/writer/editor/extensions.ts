// The editor's schema: what an article may contain (headings, lists, links, images, quotes,
// tables). Output still goes through sanitizeHtml on the server; this keeps the editor honest.
import Image from "@tiptap/extension-image";
import Link from "@tiptap/extension-link";
import Placeholder from "@tiptap/extension-placeholder";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { safeUrl } from "@/lib/content";

/** `<img data-image-id>` ties an image in the text to its Image row (alt text, replacement, deletion). */
export const ArticleImage = Image.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      imageId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-image-id"),
        renderHTML: (attributes) => (attributes.imageId ? { "data-image-id": String(attributes.imageId) } : {}),
      },
    };
  },
});

/**
 * `<a data-link-id>` marks a link the linker inserted; the id must survive editing, or its undo
 * (and the Links panel's list) would lose track of it.
 */
export const ArticleLink = Link.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      linkId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-link-id"),
        renderHTML: (attributes) => (attributes.linkId ? { "data-link-id": String(attributes.linkId) } : {}),
      },
    };
  },
});

/** Links: http(s), mailto, tel, relative and #anchors only — the same rule as the sanitiser. */
export function isAllowedLink(url: string): boolean {
  const value = url.trim();
  if (!value || safeUrl(value) === null) return false;
  return /^(https?:\/\/[^\s/$.?#][^\s]*|mailto:[^\s]+|tel:[+\d][\d\s().-]*|\/[^\s]*|#[^\s]*)$/i.test(value);
}

export function articleExtensions(placeholder = "Start writing, or paste your article…") {
  return [
    StarterKit.configure({ heading: { levels: [1, 2, 3, 4] }, codeBlock: false, link: false }),
    ArticleLink.configure({
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      HTMLAttributes: { rel: null, target: null },
      isAllowedUri: (url) => isAllowedLink(url),
    }),
    ArticleImage.configure({ inline: false, allowBase64: false }),
    TableKit.configure({ table: { resizable: false } }),
    Placeholder.configure({ placeholder }),
  ];
}
