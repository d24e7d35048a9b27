/**
 * Links that leave the site open with `rel="noopener noreferrer"`, so the page they open can neither reach
 * back into ours nor learn which page sent it there. Applied to the built HTML, so it covers links from MDX
 * bodies, components and frontmatter alike, whatever Markdown processor rendered them.
 */
const anchor = /<a\s([^>]*)>/gi;
const externalHref = /\bhref\s*=\s*(["'])(https?:)?\/\//i;

export function secureExternalLinks(html: string): string {
  return html.replace(anchor, (tag, attributes: string) => {
    if (!externalHref.test(attributes)) return tag;
    const rel = /\brel\s*=\s*(["'])(.*?)\1/i.exec(attributes);
    if (!rel) return `<a ${attributes} rel="noopener noreferrer">`;
    const values = new Set([...rel[2]!.split(/\s+/).filter(Boolean), 'noopener', 'noreferrer']);
    return `<a ${attributes.replace(rel[0], `rel="${[...values].join(' ')}"`)}>`;
  });
}
