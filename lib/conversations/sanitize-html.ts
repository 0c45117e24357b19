// HTML from email, made safe to store and show: an allow-list of formatting
// tags and attributes (no scripts, styles, event handlers, forms, SVG or
// javascript: URLs), links that open outside the app, inline `cid:` images
// pointed at our attachment URLs, and remote images held back until an agent
// asks for them (they track opens and leak IP addresses). Relative URLs are
// dropped: they mean nothing in a mail, and in the helpdesk they would load
// (or link to) the app itself with the agent's cookies.
import sanitizeHtml from "sanitize-html";

export interface SanitizeOptions {
  /** Content-ID (without <>) → URL of the stored attachment */
  inlineImages?: Record<string, string>;
  /** false (the default when storing): remote images become data-remote-src */
  allowRemoteImages?: boolean;
}

/** Has a scheme of its own (`https:`, `mailto:`, `cid:` …); anything else resolves against the helpdesk. */
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
/** The one relative URL we write ourselves: an inline image's stored attachment. */
const OUR_ATTACHMENT = /^\/api\/attachments\/[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/;

const TAGS = [
  "a",
  "abbr",
  "b",
  "blockquote",
  "br",
  "caption",
  "center",
  "code",
  "col",
  "colgroup",
  "dd",
  "del",
  "div",
  "dl",
  "dt",
  "em",
  "font",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "i",
  "img",
  "ins",
  "kbd",
  "li",
  "ol",
  "p",
  "pre",
  "q",
  "s",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "tt",
  "u",
  "ul",
];

export function sanitizeEmailHtml(html: string, opts: SanitizeOptions = {}): string {
  return sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: {
      a: ["href", "title", "target", "rel"],
      img: ["src", "alt", "title", "width", "height", "data-remote-src"],
      td: ["colspan", "rowspan", "align", "valign", "width"],
      th: ["colspan", "rowspan", "align", "valign", "width", "scope"],
      table: ["width", "border", "cellpadding", "cellspacing", "align"],
      font: ["color", "size"],
      "*": ["dir", "lang", "title", "align"],
      blockquote: ["type", "cite"],
    },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https", "cid"] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    // Dropped with their content, not just their tags.
    nonTextTags: [
      "script",
      "style",
      "textarea",
      "option",
      "noscript",
      "title",
      "head",
      "svg",
      "math",
      "iframe",
      "object",
    ],
    transformTags: {
      a: (tagName, { href, ...attribs }) => ({
        tagName,
        attribs: {
          ...attribs,
          ...(href && (ABSOLUTE.test(href) || href.startsWith("#")) ? { href } : {}),
          target: "_blank",
          rel: "noopener noreferrer nofollow",
        },
      }),
      img: (tagName, attribs) => {
        const src = attribs.src ?? attribs["data-remote-src"] ?? "";
        if (/^cid:/i.test(src)) {
          const url = opts.inlineImages?.[src.slice(4).replace(/^<|>$/g, "")];
          const { src: _src, ...rest } = attribs;
          return {
            tagName,
            attribs: url ? { ...rest, src: url } : { ...rest, alt: attribs.alt ?? "(missing inline image)" },
          };
        }
        if (/^https?:/i.test(src) && !opts.allowRemoteImages) {
          const { src: _src, ...rest } = attribs;
          return { tagName, attribs: { ...rest, "data-remote-src": src } };
        }
        if (!ABSOLUTE.test(src) && !OUR_ATTACHMENT.test(src)) {
          const { src: _src, ...rest } = attribs;
          return { tagName, attribs: rest };
        }
        return { tagName, attribs: { ...attribs, src } };
      },
    },
  });
}

/** What an agent sees after "load remote images": held-back sources restored, everything else as stored. */
export function withRemoteImages(storedHtml: string): string {
  return sanitizeEmailHtml(storedHtml, { allowRemoteImages: true });
}
