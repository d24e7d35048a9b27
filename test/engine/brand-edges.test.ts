/**
 * The brand rule called on a small model, at the edges brand-rules.test.ts leaves open: each finding's message,
 * hint and line (the logo's, the favicon's or the accent's), the characters a plain path may hold and where, a file
 * both missing and of the wrong type, the accent written every other way (with spaces, four digits, rgba and a
 * channel over 255), the contrast of the primaries and of dark greys against white as WCAG publishes them, and the
 * "managed by" line with and without a partner.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { buildModel } from '../../src/engine/index.ts';
import type { PublicFileState, YamlFile } from '../../src/engine/model.ts';
import { brandRule, contrastWithWhite, parseHexColour, passingShade, toHex } from '../../src/engine/rules/brand.ts';
import type { SyncRecord } from '../../src/schema/workspace.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const PROGRAM = 'content/program.yaml';

/**
 * The brand rule's findings for a program whose `brand:` block holds `lines` (program.yaml's line 10 is `brand:`,
 * its fields from line 11), with what the loader found in public/.
 */
function run(
  lines: string[],
  publicFiles: Record<string, PublicFileState> = {},
  sync: { record?: Partial<SyncRecord>; unread?: true } = {},
): Diagnostic[] {
  const model = smallModel({ [PROGRAM]: programYaml(`brand:\n${lines.map((line) => `  ${line}\n`).join('')}`) });
  for (const [file, state] of Object.entries(publicFiles)) model.publicFiles.set(file, state);
  if (sync.record)
    model.syncRecord = { file: '.trustbook/sync.yaml', data: sync.record, keyLines: {} } as YamlFile<SyncRecord>;
  if (sync.unread) model.syncRecordUnread = true;
  return brandRule(model, ruleContext('2026-07-15'));
}

/** Each finding as `code line message | hint`. */
const shown = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.line} ${d.message} | ${d.hint}`);
const codes = (found: Diagnostic[]) => found.map((d) => d.code);

describe('a program without a brand', () => {
  it('has no brand finding, nor does one without program.yaml', () => {
    expect(brandRule(smallModel({}), ruleContext('2026-07-15'))).toEqual([]);
    expect(brandRule(buildModel([]).model, ruleContext('2026-07-15'))).toEqual([]);
  });
});

describe('the logo and favicon', () => {
  it('pass when present in public/ and of a type their field takes, each on its own', () => {
    const present = { 'img/logo.webp': 'present', 'favicon.ico': 'present' } as const;
    expect(run(['logo: img/logo.webp', 'favicon: favicon.ico'], present)).toEqual([]);
    expect(run(['favicon: favicon.ico'], present)).toEqual([]);
  });

  it('are reported missing on their own line, naming public/', () => {
    const found = run(['logo: logo.svg', 'favicon: favicon.svg'], { 'logo.svg': 'present', 'favicon.svg': 'missing' });
    expect(shown(found)).toEqual([
      'TB540 12 `brand.favicon` names public/favicon.svg, which does not exist | Add the file to public/, or correct the path (relative to public/).',
    ]);
    expect(found[0]).toMatchObject({ severity: 'error', file: PROGRAM, subject: { kind: 'program', id: 'brand' } });
  });

  it('are reported of the wrong type and missing, when both, with the types the field takes', () => {
    expect(shown(run(['favicon: favicon.webp'], { 'favicon.webp': 'missing' }))).toEqual([
      'TB542 11 `brand.favicon` names "favicon.webp", which is not a .svg, .png or .ico file | Use a .svg, .png or .ico file for the favicon, and name it with its extension.',
      'TB540 11 `brand.favicon` names public/favicon.webp, which does not exist | Add the file to public/, or correct the path (relative to public/).',
    ]);
    expect(shown(run(['logo: logo.ico'], { 'logo.ico': 'present' }))).toEqual([
      'TB542 11 `brand.logo` names "logo.ico", which is not a .svg, .png or .webp file | Use a .svg, .png or .webp file for the logo (SVG is sharpest at every size), and name it with its extension.',
    ]);
  });

  it('take the last extension, in any case, and refuse a name ending in a dot or a folder named like a type', () => {
    expect(
      run(['logo: logo.svg.png', 'favicon: Favicon.PNG'], { 'logo.svg.png': 'present', 'Favicon.PNG': 'present' }),
    ).toEqual([]);
    expect(codes(run(['logo: logo.png.txt'], { 'logo.png.txt': 'present' }))).toEqual(['TB542']);
    expect(codes(run(['logo: logo.'], { 'logo.': 'present' }))).toEqual(['TB542']);
    expect(codes(run(['logo: img.svg/logo'], { 'img.svg/logo': 'present' }))).toEqual(['TB542']);
  });

  it('may hold letters, digits, `_`, `-` and inner dots in each folder and name, a name starting with `_` or a digit', () => {
    const files = ['_brand/my-logo_v2.svg', '2026/Logo.svg', 'a/b/c.png'];
    for (const file of files) expect(run([`logo: ${file}`], { [file]: 'present' }), file).toEqual([]);
  });

  it('may not start a name with `.` or `-`, hold another character anywhere in it, or leave a name empty (TB541)', () => {
    const refused = [
      '-logo.svg',
      'img/.logo.svg',
      '"~logo.svg"',
      '"logo.svg~"',
      '"lo go.svg"',
      'img//logo.svg',
      'img/',
      '"logo.svg%"',
    ];
    for (const file of refused) {
      const name = file.replaceAll('"', '');
      expect(codes(run([`logo: ${file}`], { [name]: 'present' })), file).toEqual(['TB541']);
    }
  });

  it('outside public/ is reported on the field’s line, saying when a plain path is a link leading out', () => {
    const hint =
      'Put the file in public/ and name it by its path there, e.g. `favicon: favicon.svg` for public/favicon.svg: letters, digits, `.`, `_` and `-`, folders separated by `/`.';
    expect(
      shown(run(['logo: logo.svg', 'favicon: favicon.svg'], { 'logo.svg': 'present', 'favicon.svg': 'outside' })),
    ).toEqual([
      `TB541 12 \`brand.favicon\` names "favicon.svg", which is not a file inside public/ (it is a link that leads out of it) | ${hint}`,
    ]);
    expect(shown(run(['favicon: ../favicon.svg'], { '../favicon.svg': 'outside' }))).toEqual([
      `TB541 11 \`brand.favicon\` names "../favicon.svg", which is not a file inside public/ | ${hint}`,
    ]);
  });
});

describe('the accent colour', () => {
  const accent = (value: string) => run([`accent: ${value}`]);

  it('passes dark enough, in either case, and is reported too light with its ratio and a passing shade', () => {
    expect(accent('"#1D4F91"')).toEqual([]);
    expect(shown(accent('"#FFFFFF"'))).toEqual([
      'TB543 11 the accent #FFFFFF has a contrast of 1.00:1 against white, below the 4.5:1 that links and button text need | Use a darker shade, such as #767676 (the same hue, 4.54:1 against white).',
    ]);
  });

  it('is reported with its ratio rounded down, never as if it passed: #777777 is 4.48:1, shown 4.47:1', () => {
    expect(accent('"#777777"').map((d) => d.message)).toEqual([
      'the accent #777777 has a contrast of 4.47:1 against white, below the 4.5:1 that links and button text need',
    ]);
    expect(accent('"#767676"')).toEqual([]);
  });

  it('left empty or blank is the unquoted `#` case', () => {
    const empty =
      'TB544 11 `brand.accent` is empty; an unquoted `#` starts a YAML comment, so `accent: #1d4f91` sets nothing | Quote the colour: `accent: "#1d4f91"`.';
    expect(shown(accent('#1d4f91'))).toEqual([empty]);
    expect(shown(accent('"   "'))).toEqual([empty]);
  });

  it('written another way is reported with the colour meant written out, or its darker shade when too light', () => {
    const written = (value: string) => accent(value).map((d) => d.hint);
    expect(written('" #1d4f91 "')).toEqual(['Write `accent: "#1d4f91"` (the same colour in full).']);
    expect(written('"#036F"')).toEqual(['Write `accent: "#003366"` (the same colour in full).']);
    expect(written('"#036"')).toEqual(['Write `accent: "#003366"` (the same colour in full).']);
    expect(written('"#1d4f91ff"')).toEqual(['Write `accent: "#1d4f91"` (the same colour in full).']);
    expect(written('"rgba(29, 79, 145, 0.5)"')).toEqual(['Write `accent: "#1d4f91"` (the same colour in full).']);
    expect(written('"rgb(29 79 145 / 50%)"')).toEqual(['Write `accent: "#1d4f91"` (the same colour in full).']);
    expect(written('"rgba(29,79,145,0.5)"')).toEqual(['Write `accent: "#1d4f91"` (the same colour in full).']);
    expect(written('"rgba(29, 79, 145, 0.5 )"')).toEqual(['Write `accent: "#1d4f91"` (the same colour in full).']);
    expect(written('"RGB(0,0,0)"')).toEqual(['Write `accent: "#000000"` (the same colour in full).']);
    expect(written('"#fff"')).toEqual([
      'Write `accent: "#767676"` (#ffffff, which "#fff" means, is too light for text on white; this is a darker shade of it with 4.54:1 against white).',
    ]);
    expect(accent('"#fff"')[0]!.message).toBe(
      '`brand.accent` is "#fff"; the accent must be written as six hex digits, `#rrggbb`',
    );
  });

  it('is not read as a colour with a channel over 255, or with more than a channel’s three digits', () => {
    const general =
      'Write the colour as `#` and six hex digits, quoted (`accent: "#1d4f91"`); colour names and CSS functions are not accepted.';
    expect(accent('"rgb(256, 0, 0)"').map((d) => d.hint)).toEqual([general]);
    expect(accent('"rgb(0, 0, 1000)"').map((d) => d.hint)).toEqual([general]);
    expect(accent('"rgb(255, 255, 255)"').map((d) => d.hint)).toEqual([expect.stringContaining('"#767676"')]);
    for (const value of ['x#1d4f91', 'x#fff', 'x#1d4f91ff', 'xrgb(0, 0, 0)', 'rgb(0, 0, 0)x', 'rgb(0255, 0, 0)']) {
      expect(
        accent(`"${value}"`).map((d) => d.hint),
        value,
      ).toEqual([general]);
    }
    expect(accent('"#1d4f91ff00"').map((d) => d.hint)).toEqual([general]);
    expect(accent('"#1d4f9"').map((d) => d.hint)).toEqual([general]);
  });
});

describe('colours and contrast', () => {
  it('reads `#rrggbb` in any case, and nothing else', () => {
    expect(parseHexColour('#0A1b2C')).toEqual([10, 27, 44]);
    for (const value of ['#0a1b2c0', 'x#0a1b2c', '#0a1b2', '0a1b2c', '#0a1b2g'])
      expect(parseHexColour(value), value).toBeUndefined();
  });

  it('writes a colour as `#rrggbb`, two digits a channel', () => {
    expect(toHex([10, 0, 255])).toBe('#0a00ff');
  });

  it('gives the ratios WCAG publishes: black 21, white 1, the primaries, and a dark grey on the linear part of the curve', () => {
    expect(contrastWithWhite([0, 0, 0])).toBe(21);
    expect(contrastWithWhite([255, 255, 255])).toBe(1);
    expect(contrastWithWhite([255, 0, 0])).toBeCloseTo(3.998, 3);
    expect(contrastWithWhite([0, 255, 0])).toBeCloseTo(1.372, 3);
    expect(contrastWithWhite([0, 0, 255])).toBeCloseTo(8.592, 3);
    expect(contrastWithWhite([10, 10, 10])).toBeCloseTo(19.798, 3);
    expect(contrastWithWhite([11, 11, 11])).toBeCloseTo(19.683, 3);
  });

  it('darkens to the lightest shade of the same hue that passes', () => {
    // #4a90e2 scaled by about 0.84: 4.54:1, where one more step of green alone (62, 121, 189) is 4.49:1.
    expect(passingShade([0x4a, 0x90, 0xe2])).toEqual([62, 120, 189]);
    expect(passingShade([0, 0, 0])).toEqual([0, 0, 0]);
  });
});

describe('the "managed by" line (TB033)', () => {
  it('needs a partner from the sync record, and is reported on its line without one', () => {
    const found = run(['accent: "#1d4f91"', 'managed_by: true']);
    expect(found.map((d) => `${d.code} ${d.line} ${d.file} ${d.subject?.id}`)).toEqual([
      'TB033 12 content/program.yaml brand',
    ]);
    expect(codes(run(['managed_by: true'], {}, { record: { synced: '2026-07-01' } }))).toEqual(['TB033']);
  });

  it('is not reported with a partner, when the sync record could not be read (another finding says so), or when off', () => {
    const partner = { name: 'Northwind Partners', url: 'https://northwind.example' } as SyncRecord['partner'];
    expect(run(['managed_by: true'], {}, { record: { partner } })).toEqual([]);
    expect(run(['managed_by: true'], {}, { unread: true })).toEqual([]);
    expect(run(['managed_by: false'])).toEqual([]);
  });
});
