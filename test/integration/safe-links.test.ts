/** Links and images with a script address render without it, whatever the check said (as in `astro dev`). */
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { safeLinksPlugin } from '../../src/integration/safe-links-plugin.ts';

const render = (markdown: string) => markdownToHtml(markdown, { hastPlugins: [safeLinksPlugin] }).html;

describe('rendered links', () => {
  it('lose a javascript:, vbscript: or data: address, written any way', () => {
    const html = render(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](jav&#97;script:alert(3)) [d](vbscript:x) [e](data:text/html,hi)\n',
    );
    expect(html).not.toMatch(/script:|data:/i);
    expect(html.match(/href="#"/g)).toHaveLength(5);
  });

  it('keep ordinary addresses, and a raster data: image', () => {
    const html = render('[a](https://test.example/x) [b](/policies/) ![c](data:image/png;base64,iVBORw0KGgo=)\n');
    expect(html).toContain('href="https://test.example/x"');
    expect(html).toContain('href="/policies/"');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
  });

  it('lose an SVG data: image, which can hold script', () => {
    expect(render('![c](data:image/svg+xml,<svg/onload=alert(1)>)\n')).toContain('src="#"');
  });
});
