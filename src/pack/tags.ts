/**
 * The category tags a question may carry (`tags: [budget, rights]`). One documented
 * vocabulary, so that tests can ask "does every pack ask about cancellation?" without
 * knowing question ids, and platform checks can find "the contact channel question" of any
 * pack. README.md ("Category tags") says what each one means.
 */

/** What every hearing covers, whatever the genre. */
export const COMMON_TAGS = [
  "scope",
  "purpose",
  "look",
  "references",
  "specs",
  "materials",
  "schedule",
  "rush",
  "revisions",
  "approval",
  "contact",
  "platform",
  "budget",
  "fee",
  "payment",
  "cancellation",
  "delivery",
  "acceptance",
  "after_delivery",
  "retention",
  "confidentiality",
  "ai",
  "rights",
  "usage",
  "portfolio",
  "credit",
  "parties",
  "order_date",
  "undecided",
  "capacity",
] as const;

/** Categories some hearings need and others do not (an exclusive logo, yes; an edited video, rarely). */
const OPTIONAL_TAGS = ["exclusivity"] as const;

/** What a genre's professional hearing sheet asks on top of the common ones. */
export const GENRE_TAGS = {
  "design-general": ["competitors", "required_content", "ad_destination", "ad_compliance", "web", "card", "fonts"],
  "icon-illustration": ["text_in_image", "gaze", "expressions", "live2d", "streaming_work", "content_rating"],
  "logo-design": ["name_origin", "spot_colors", "min_size", "fonts", "concept_sheet"],
  "voice-recording": ["channels", "loudness", "script", "retakes", "studio", "ng_genres"],
  "video-editing": ["channel", "footage", "cut_style", "telops", "music", "thumbnails", "aspect_ratio", "stages", "output", "publish_date"],
  writing: ["keywords", "length", "outline", "style", "sources", "fact_check", "images", "cms", "ng_expressions", "originality", "byline"],
} as const satisfies Record<string, readonly string[]>;

export const QUESTION_TAGS: readonly string[] = [...new Set<string>([...COMMON_TAGS, ...OPTIONAL_TAGS, ...Object.values(GENRE_TAGS).flat()])];
