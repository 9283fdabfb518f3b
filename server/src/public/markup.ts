/**
 * Escaping for the public pages and the Atom feed. Every value that came from a person (post text,
 * ward and campaign names) goes through `escapeText`/`escapeAttribute`; nothing else is interpolated.
 * Written by hand because it is this small: the five XML entities, and the characters XML 1.0 forbids
 * (control characters, lone surrogates, U+FFFE/U+FFFF), which would make the feed unreadable.
 */

// Characters not allowed in XML 1.0 documents (tab, LF and CR are allowed).
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text content of an element, in HTML or XML. */
export function escapeText(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** An attribute value (always written in double quotes). */
export const escapeAttribute = escapeText;

/** A post's text as HTML: paragraphs at blank lines, line breaks kept. */
export function paragraphsHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map(escapeText).join('<br>')}</p>`)
    .join('\n');
}
