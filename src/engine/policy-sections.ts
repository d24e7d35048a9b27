/**
 * The sections of a policy, as its page anchors them: each heading's id is the slug the rendered page gives it
 * (GitHub's slugger, which Astro's Markdown uses), read from the body's syntax tree. An answer cites
 * `encryption#encryption-at-rest`, and the check knows whether that section exists.
 */
import { memo } from './memo.ts';
import GithubSlugger from 'github-slugger';
import { bodyTree, syntaxOf, textOf, type BodyNode } from './body-tree.ts';
import type { Document } from './model.ts';

/** Each section's anchor and its heading's text, in document order. */
export function policySections(policy: Document<unknown>): Map<string, string> {
  return memo(policy, 'policy-sections', () => sectionsOf(policy));
}

function sectionsOf(policy: Document<unknown>): Map<string, string> {
  const found = new Map<string, string>();
  const slugger = new GithubSlugger();
  const visit = (node: BodyNode & { depth?: number }) => {
    if (node.type === 'heading') {
      const text = textOf(node).trim();
      found.set(slugger.slug(text), text);
      return;
    }
    for (const child of node.children ?? []) visit(child);
  };
  const tree = bodyTree(policy.body, policy.bodyLine, syntaxOf(policy.file));
  if (tree) visit(tree);
  return found;
}

/** A citation `policy#section` split into the policy's id and the section's anchor. */
export function splitCitation(citation: string): { id: string; section?: string } {
  const hash = citation.indexOf('#');
  return hash === -1 ? { id: citation } : { id: citation.slice(0, hash), section: citation.slice(hash + 1) };
}
