/**
 * A hast plugin for the Markdown processor: a link or image whose address would run script or open a page of
 * its own (`javascript:`, `vbscript:`, `data:`; see engine/link-protocols.ts) is rendered without it. The check
 * already refuses such a body (TB010), so a build never gets here with one; this holds for `astro dev`, which
 * shows findings and renders anyway, and for any address the check's reading of a body might miss.
 */
import { defineHastPlugin } from 'satteri';
import { isUnsafeAddress } from '../engine/link-protocols.ts';

/** The attributes that hold an address, by element. */
const addressOf: Record<string, string> = { a: 'href', area: 'href', img: 'src', iframe: 'src', form: 'action' };

export const safeLinksPlugin = defineHastPlugin({
  name: 'trustbook-safe-links',
  element: {
    filter: Object.keys(addressOf),
    visit(node, ctx) {
      const name = addressOf[node.tagName];
      if (name === undefined) return;
      const value = node.properties?.[name];
      if (typeof value !== 'string' || !isUnsafeAddress(value, node.tagName === 'img')) return;
      ctx.setProperty(node, name, '#');
    },
  },
});
