/**
 * Branding: the logo and favicon are files of a kind browsers show, inside public/ and nowhere else; the accent
 * colour is written `#rrggbb` and readable as link and button text on white. Each test tries one way past.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildModel, checkProject, runChecks } from '../../src/engine/index.ts';
import type { PublicFileState } from '../../src/engine/model.ts';
import { contrastWithWhite, parseHexColour, passingShade, toHex } from '../../src/engine/rules/brand.ts';
import { programYaml } from '../../src/scaffold/program-files.ts';
import { edit, findings, validProgram, writeProgram, type Files } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';

/** The valid program with a `brand:` block (its lines indented by two), so `brand:` is on line 12. */
function branded(brand: string): Files {
  return edit(validProgram(), PROGRAM, 'warn_within_days: 30\n', `warn_within_days: 30\nbrand:\n${brand}`);
}

/** Checks in memory, with what the loader would have found in public/. */
function checkBrand(brand: string, publicFiles: Record<string, PublicFileState> = {}) {
  const sources = Object.entries(branded(brand)).map(([path, text]) => ({ path, text }));
  const { model, diagnostics } = buildModel(sources);
  for (const [file, state] of Object.entries(publicFiles)) model.publicFiles.set(file, state);
  return runChecks(model, diagnostics, { today: '2026-07-15' });
}

const brandFindings = (result: ReturnType<typeof checkBrand>) =>
  result.diagnostics.filter((diagnostic) => /^TB54[0-4]$/.test(diagnostic.code));

describe('a brand that passes', () => {
  it('has no finding: files present in public/, an accent dark enough', () => {
    const result = checkBrand('  logo: logo.svg\n  favicon: icons/favicon.png\n  accent: "#1D4F91"\n', {
      'logo.svg': 'present',
      'icons/favicon.png': 'present',
    });
    expect(brandFindings(result)).toEqual([]);
    expect(result.summary.errors).toBe(0);
  });

  it('is optional, field by field', () => {
    expect(brandFindings(checkBrand('  accent: "#0b5d57"\n'))).toEqual([]);
    expect(result(validProgram())).toEqual([]);
    function result(files: Files) {
      const { model, diagnostics } = buildModel(Object.entries(files).map(([path, text]) => ({ path, text })));
      return runChecks(model, diagnostics, { today: '2026-07-15' }).diagnostics;
    }
  });
});

describe('the example `trustbook init` writes', () => {
  it('passes the check once uncommented, with the files it names in public/', () => {
    const written = programYaml({
      organization: 'Acme, Inc.',
      system: 'Acme Cloud',
      website: 'https://acme.test',
      contact: 'security@acme.test',
      scope: ['security'],
      today: '2026-07-15',
    });
    expect(written).toContain('# brand:\n#   logo: logo.svg\n');
    const uncommented = written.replace(/^# (brand:| {2}\w+: .*)$/gm, '$1');
    expect(uncommented).toContain('\nbrand:\n  logo: logo.svg\n  favicon: favicon.svg\n  accent: "#');
    const { model, diagnostics } = buildModel([
      ...Object.entries(validProgram())
        .filter(([path]) => path !== PROGRAM)
        .map(([path, text]) => ({ path, text })),
      { path: PROGRAM, text: uncommented },
    ]);
    model.publicFiles.set('logo.svg', 'present');
    model.publicFiles.set('favicon.svg', 'present');
    const result = runChecks(model, diagnostics, { today: '2026-07-15' });
    expect(model.program?.data.brand).toEqual({ logo: 'logo.svg', favicon: 'favicon.svg', accent: expect.any(String) });
    expect(result.diagnostics.filter((diagnostic) => /^TB(1|54)/.test(diagnostic.code))).toEqual([]);
  });
});

describe('the logo and favicon', () => {
  it('must exist in public/: the finding names the file and the line of the field', () => {
    const result = checkBrand('  logo: logo.svg\n  favicon: favicon.svg\n', {
      'logo.svg': 'missing',
      'favicon.svg': 'present',
    });
    expect(findings(result, 'TB540')).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: PROGRAM,
        line: 13,
        subject: { kind: 'program', id: 'brand' },
        message: '`brand.logo` names public/logo.svg, which does not exist',
      }),
    ]);
  });

  it('says to drop a `public/` prefix, since the path is relative to public/ already', () => {
    const result = checkBrand('  favicon: public/favicon.svg\n', { 'public/favicon.svg': 'missing' });
    expect(findings(result, 'TB540')).toEqual([
      expect.objectContaining({ line: 13, hint: expect.stringContaining('write `favicon: favicon.svg`') }),
    ]);
  });

  it.each([
    ['a path back out of public/', '../content/people.yaml'],
    ['a path through public/ and out again', 'img/../../content/people.yaml'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows path', 'C:\\\\logo.svg'],
    ['a backslash', 'img\\\\logo.svg'],
    ['a hidden file', '.env'],
    ['a URL', 'https://cdn.example/logo.svg'],
    ['a query string', 'logo.svg?v=2'],
  ])('may not be %s (TB541), whatever the disk holds', (_label, path) => {
    // Even were the loader to call it present, the path itself is refused: nothing outside public/ is served.
    const result = checkBrand(`  logo: "${path}"\n`, { [path.replaceAll('\\\\', '\\')]: 'present' });
    expect(findings(result, 'TB541')).toEqual([expect.objectContaining({ severity: 'error', line: 13 })]);
    expect(findings(result, 'TB540')).toEqual([]);
  });

  it('may not be a link inside public/ that leads out of it (TB541)', () => {
    const result = checkBrand('  logo: logo.svg\n', { 'logo.svg': 'outside' });
    expect(findings(result, 'TB541')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('a link that leads out of it') }),
    ]);
  });

  it.each([
    ['logo', 'logo.gif'],
    ['logo', 'logo.ico'],
    ['logo', 'logo'],
    ['logo', 'people.yaml'],
    ['favicon', 'favicon.webp'],
    ['favicon', 'favicon.jpg'],
  ])('the %s may not be %s (TB542)', (field, file) => {
    const result = checkBrand(`  ${field}: ${file}\n`, { [file]: 'present' });
    expect(findings(result, 'TB542')).toEqual([expect.objectContaining({ severity: 'error', line: 13 })]);
  });

  it('takes the extension in any case', () => {
    expect(brandFindings(checkBrand('  logo: Logo.SVG\n', { 'Logo.SVG': 'present' }))).toEqual([]);
  });
});

describe('on disk', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-brand-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const codesFor = (brand: string) => {
    writeProgram(root, branded(brand));
    return checkProject(root, { today: '2026-07-15' })
      .diagnostics.filter((diagnostic) => /^TB54[0-4]$/.test(diagnostic.code))
      .map((diagnostic) => diagnostic.code);
  };

  it('finds a file in public/, and reports one that is not there', () => {
    mkdirSync(join(root, 'public/img'), { recursive: true });
    writeFileSync(join(root, 'public/img/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(codesFor('  logo: img/logo.svg\n')).toEqual([]);
    expect(codesFor('  logo: img/logo.png\n')).toEqual(['TB540']);
  });

  it('refuses a folder named like a logo', () => {
    mkdirSync(join(root, 'public/logo.svg'), { recursive: true });
    expect(codesFor('  logo: logo.svg\n')).toEqual(['TB540']);
  });

  it('refuses a link in public/ to a file outside it, such as the people records', () => {
    writeProgram(root, validProgram());
    mkdirSync(join(root, 'public'), { recursive: true });
    symlinkSync(join(root, 'content/people.yaml'), join(root, 'public/logo.svg'));
    expect(codesFor('  logo: logo.svg\n')).toEqual(['TB541']);
  });

  it('never looks outside public/ for a path that leaves it', () => {
    // content/people.yaml exists, so a loader that followed the path would call it present.
    expect(codesFor('  logo: ../content/people.yaml\n')).toEqual(['TB541']);
  });
});

describe('the accent colour', () => {
  it('must reach 4.5:1 against white: the finding names the colour, its ratio, and a darker shade that passes', () => {
    const result = checkBrand('  accent: "#4a90e2"\n');
    const [finding] = findings(result, 'TB543');
    expect(finding).toMatchObject({ severity: 'error', file: PROGRAM, line: 13 });
    expect(finding!.message).toBe(
      'the accent #4a90e2 has a contrast of 3.29:1 against white, below the 4.5:1 that links and button text need',
    );
    const suggested = /such as (#[0-9a-f]{6})/.exec(finding!.hint)![1]!;
    expect(contrastWithWhite(parseHexColour(suggested)!)).toBeGreaterThanOrEqual(4.5);
    // The same hue, darker: each channel scaled down together.
    const [r, g, b] = parseHexColour(suggested)!;
    expect(r / b).toBeCloseTo(0x4a / 0xe2, 1);
    expect(g / b).toBeCloseTo(0x90 / 0xe2, 1);
  });

  it('reports a ratio just under the line, rounded down, never as if it passed', () => {
    // #777777 is 4.48:1 against white, which rounds to 4.5.
    expect(contrastWithWhite(parseHexColour('#777777')!)).toBeLessThan(4.5);
    expect(findings(checkBrand('  accent: "#777777"\n'), 'TB543')[0]!.message).toContain('4.47:1');
    expect(findings(checkBrand('  accent: "#767676"\n'), 'TB543')).toEqual([]);
  });

  it('suggests the lightest passing shade, even of white and of pure yellow', () => {
    for (const colour of ['#ffffff', '#ffff00', '#00ff00', '#89cff0']) {
      const shade = passingShade(parseHexColour(colour)!);
      expect(contrastWithWhite(shade), colour).toBeGreaterThanOrEqual(4.5);
      expect(contrastWithWhite(shade.map((channel) => Math.min(255, channel + 2)) as never), colour).toBeLessThan(4.5);
    }
    expect(toHex(passingShade([255, 255, 255]))).toBe('#767676');
  });

  it.each([
    ['the short form', '"#fff"', '#767676'],
    ['a short form dark enough', '"#036"', '#003366'],
    ['eight digits with alpha', '"#1d4f91ff"', '#1d4f91'],
    ['rgb()', '"rgb(29, 79, 145)"', '#1d4f91'],
  ])('must be written #rrggbb, not %s (TB544): the hint writes out the colour meant', (_label, value, meant) => {
    const result = checkBrand(`  accent: ${value}\n`);
    expect(findings(result, 'TB544')).toEqual([
      expect.objectContaining({ severity: 'error', line: 13, hint: expect.stringContaining(`"${meant}"`) }),
    ]);
    // One finding for one mistake: the contrast of a colour not yet written right is in the same hint.
    expect(findings(result, 'TB543')).toEqual([]);
  });

  it.each([['navy'], ['teal'], ['hsl(210 60% 30%)'], ['#12345g'], ['1d4f91']])('refuses %s (TB544)', (value) => {
    const result = checkBrand(`  accent: "${value}"\n`);
    expect(findings(result, 'TB544')).toEqual([expect.objectContaining({ severity: 'error', line: 13 })]);
  });

  it('says that an unquoted # starts a YAML comment, which leaves the field empty', () => {
    const result = checkBrand('  accent: #1d4f91\n');
    expect(findings(result, 'TB544')).toEqual([
      expect.objectContaining({ line: 13, hint: 'Quote the colour: `accent: "#1d4f91"`.' }),
    ]);
  });

  it('cannot be hidden in a CSS declaration', () => {
    const result = checkBrand('  accent: "#1d4f91; display: none"\n');
    expect(findings(result, 'TB544')).toHaveLength(1);
  });
});
