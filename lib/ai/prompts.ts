// Prompt types with their defaults (in code) and documented {variables}. Accounts may override
// any of them (AIPrompt rows); "reset to default" deletes the override.
import type { AIFunctionName } from "./types";

export const PROMPT_TYPES = ["clustering", "ideas", "content_generation", "image_prompts", "image_generation", "optimization", "site_structure", "page_content"] as const;
export type PromptType = (typeof PROMPT_TYPES)[number];

/** The AI function each prompt serves (`AIPrompt.functionName`, the reference's function_name). */
export const PROMPT_FUNCTIONS = {
  clustering: "auto_cluster",
  ideas: "generate_ideas",
  content_generation: "generate_content",
  image_prompts: "generate_image_prompts",
  image_generation: "generate_images",
  optimization: "optimize_content",
  site_structure: "generate_structure",
  page_content: "generate_page_content",
} as const satisfies Record<PromptType, AIFunctionName>;

type PromptDefinition = { label: string; description: string; variables: Record<string, string>; defaultValue: string };

export const PROMPTS: Record<PromptType, PromptDefinition> = {
  clustering: {
    label: "Keyword clustering",
    description: "Groups a batch of keywords into topical clusters (AI clustering in the Planner).",
    variables: {
      sector: "The sector the keywords belong to",
      keywords: "One keyword per line, with its search volume",
      existing_clusters: "Names of clusters that already exist in this sector (reuse them when a keyword fits)",
    },
    defaultValue: `You are an SEO strategist. Group the keywords below into topical clusters for the "{sector}" sector.

Rules:
- Each cluster is one article's worth of search intent; keywords in a cluster could rank with the same page.
- Put every keyword in exactly one cluster; copy each keyword exactly as written.
- Prefer an existing cluster name when a keyword fits it.
- Name clusters with a short, human title (2-5 words). Describe each in one sentence.

Existing clusters:
{existing_clusters}

Keywords (keyword | volume):
{keywords}`,
  },
  ideas: {
    label: "Content ideas",
    description: "Suggests article ideas for one keyword cluster.",
    variables: {
      cluster: "The cluster's name",
      description: "The cluster's description",
      keywords: "The cluster's keywords, one per line with volume",
      count: "How many ideas to return",
      existing_ideas: "Titles of ideas that already exist for this cluster (do not repeat them)",
    },
    defaultValue: `You are a content strategist. Suggest {count} distinct article ideas for the keyword cluster "{cluster}" ({description}).

Each idea needs a compelling title, a two-sentence description of the angle, a content type (post or page), a structure (article, listicle, how_to, comparison, review or guide), the target keywords it covers (taken from the list) and an estimated word count (800-3000).

Do not repeat these existing ideas:
{existing_ideas}

Keywords (keyword | volume):
{keywords}`,
  },
  content_generation: {
    label: "Article writing",
    description: "Writes the article for a writer task, using the task's author profile and strategy.",
    variables: {
      title: "The task's title",
      description: "The task's brief",
      keywords: "Target keywords, comma-separated",
      word_count: "Target length in words",
      tone: "The author profile's tone",
      language: "The author profile's language (e.g. en, de)",
      author: "The author profile's name and description",
      sections: "The strategy's sections, in order (may be empty)",
      content_structure: "article, listicle, how_to, comparison, review or guide",
    },
    defaultValue: `Write an SEO article in the language "{language}" with a {tone} tone, as {author}.

Title: {title}
Brief: {description}
Structure: {content_structure}
Target keywords: {keywords}
Length: about {word_count} words.
Sections to include, in order (when given): {sections}

Return the article body as HTML: <h2> for sections, <h3> for sub-sections, <p>, <ul>/<ol>, <table> where it helps. No <h1>, no inline styles, no scripts.
Also return a meta title (max 60 characters), a meta description (max 155 characters), the primary keyword and up to 8 secondary keywords.`,
  },
  image_prompts: {
    label: "Image prompts",
    description: "Reads an article and writes prompts for its featured image and in-article images.",
    variables: {
      title: "The article's title",
      sections: "The article's sections (H2), numbered from 0",
      count: "How many in-article images to plan",
      style: "The image style from Settings → Integrations",
    },
    defaultValue: `You plan illustrations for the article "{title}". Style: {style}.

Write one prompt for a featured image (the article's hero) and {count} prompts for in-article images, each tied to one section by its number. Prompts describe a concrete scene for an image model (subject, setting, composition, lighting); no text in the image. Give each image short alt text that describes it for screen readers.

Sections:
{sections}`,
  },
  image_generation: {
    label: "Image generation",
    description: "Wraps each image prompt before it is sent to the image model.",
    variables: { prompt: "The image's prompt", style: "The image style from Settings → Integrations" },
    defaultValue: "{prompt}. Style: {style}. High quality, no text, no watermark.",
  },
  optimization: {
    label: "Content optimization",
    description: "Proposes edits (title, meta, first paragraph, subheadings, slug) that fix what the optimizer's analysis flags; the user accepts them one by one.",
    variables: {
      keyword: "The article's primary keyword",
      secondary_keywords: "Its secondary keywords, comma-separated",
      title: "The article's title",
      meta_title: "Its meta title",
      meta_description: "Its meta description",
      slug: "Its URL slug",
      word_count: "Its length in words",
      intro: "Its first paragraph, as HTML",
      subheadings: "Its H2/H3 subheadings, numbered from 0",
      checks: "The flagged checks: id, what is wrong, what to do",
      edit_kinds: "The kinds of edit that may be proposed",
    },
    defaultValue: `You are an on-page SEO editor. Propose small edits to the article below that fix the flagged checks. Change as little as possible and keep the author's voice and facts.

Primary keyword: {keyword}
Secondary keywords: {secondary_keywords}
Title: {title}
Meta title: {meta_title}
Meta description: {meta_description}
Slug: {slug}
Words: {word_count}

First paragraph (HTML):
{intro}

Subheadings (H2/H3, numbered from 0):
{subheadings}

Flagged checks (id: problem - what to do):
{checks}

Return a list of edits. Each edit has a kind ({edit_kinds}), an index (for heading: the subheading's number; otherwise 0), the new text ("after") and a one-sentence reason.
Rules:
- Only address the flagged checks; at most one edit per kind (per subheading for heading).
- Meta title: 50-60 characters with the primary keyword. Meta description: 120-155 characters with the primary keyword, saying what the reader gets.
- intro: the whole new first paragraph as inline HTML (no <p>), mentioning the primary keyword naturally; keep every existing link (<a ...>...</a>) exactly as it is.
- heading: plain text, no HTML. slug: lowercase words joined by hyphens.`,
  },
  site_structure: {
    label: "Site structure",
    description: "Plans a whole site from a Site Builder blueprint: the page tree, each page's purpose, keywords and sections, and the taxonomies its posts use.",
    variables: {
      site: "The site's name",
      blueprint: "The blueprint's name and description",
      business_type: "The business type chosen in the wizard",
      audience: "The audience profile",
      brand_personality: "The brand personality",
      hero_imagery: "The hero imagery direction",
      clusters: "The attached planner clusters, one per line: name | top keywords",
      page_types: "The allowed page types",
      section_types: "The allowed section types",
    },
    defaultValue: `You are an information architect and SEO strategist. Plan the website "{site}" ({blueprint}).

Business type: {business_type}
Audience: {audience}
Brand personality: {brand_personality}
Hero imagery: {hero_imagery}

Clusters (name | keywords):
{clusters}

Return the site's pages as a flat list; each page names its parent by slug (null for top-level pages).
- Exactly one page of type "home" with slug "home" and parentSlug null.
- One "pillar" page per cluster (clusterName = the cluster's name exactly), under home; 1-3 "supporting" pages or "post" entries (blog posts) under each pillar, with the same clusterName.
- An "about" and a "contact" page under home; a "blog" page when there are posts.
- Page types: {page_types}. Section types: {section_types}.
- Each page: a title, a unique slug (lowercase words joined by hyphens), a one-sentence purpose, 1-5 target keywords from the cluster, and 3-6 sections (type, heading, a one-sentence brief).
- Also return the categories (one per cluster) and tags (3-8) the blog posts will use.`,
  },
  page_content: {
    label: "Site page copy",
    description: "Writes the copy of one Site Builder page, section by section (hero, features, FAQs, calls to action…).",
    variables: {
      site: "The site's name",
      title: "The page's title",
      type: "The page's type (home, pillar, about…)",
      purpose: "What the page is for",
      keywords: "Target keywords, comma-separated",
      audience: "The audience profile",
      brand_personality: "The brand personality",
      sections: "The sections to write, one per line: number. type | heading | brief",
    },
    defaultValue: `Write the copy of the page "{title}" ({type}) of the website "{site}" for {audience}, in a {brand_personality} voice.
Purpose: {purpose}
Target keywords: {keywords}

Sections to write (number. type | heading | brief):
{sections}

For every section, in order, return its heading and its content as HTML (<p>, <ul>, <h3>, <strong>; no <h1>/<h2>, no scripts, no inline styles). FAQ sections: <h3> questions with <p> answers. Call-to-action sections: one short paragraph. Use the target keywords naturally.`,
  },
};

/** Replaces {name} with the variable's value; unknown placeholders are left as written. */
export function renderPrompt(template: string, variables: Record<string, string | number>): string {
  return template.replace(/\{([a-z_]+)\}/g, (match, name: string) => (name in variables ? String(variables[name]) : match));
}

export function isPromptType(value: string): value is PromptType {
  return (PROMPT_TYPES as readonly string[]).includes(value);
}
