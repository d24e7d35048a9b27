import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { unreadDocuments } from '../../src/engine/load-fs.ts';
import { edit, validProgram, writeProgram } from '../helpers/program.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-unread-'));
  writeProgram(root, validProgram());
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const control = validProgram()['content/controls/BASE-01.mdx']!.replace('BASE-01', 'AC-09');

function put(path: string, text = control): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const unread = () => unreadDocuments(root).map((d) => d.file);

describe('unreadDocuments', () => {
  it('finds nothing in a program whose documents are all read', () => {
    expect(unreadDocuments(root)).toEqual([]);
  });

  it('reports a control in a sub-folder, saying where it must go', () => {
    put('content/controls/access/AC-09.mdx');
    expect(unreadDocuments(root)).toEqual([
      {
        severity: 'error',
        code: 'TB008',
        file: 'content/controls/access/AC-09.mdx',
        message: expect.stringMatching(/never read.*control.*sub-folder of content\/controls\//),
        hint: 'Move it to content/controls/AC-09.mdx: documents are read only directly inside content/controls/, with the ending .mdx or .md.',
      },
    ]);
  });

  it('reports files nested deeper, in any document folder', () => {
    put('policies/hr/leave.mdx');
    put('policies/hr/2026/travel.md');
    put('evidence-index/2026/EV-09.mdx');
    expect(unread().sort()).toEqual([
      'evidence-index/2026/EV-09.mdx',
      'policies/hr/2026/travel.md',
      'policies/hr/leave.mdx',
    ]);
  });

  for (const ending of ['.MDX', '.Mdx', '.MD', '.Md', '.markdown', '.MARKDOWN', '.mdown']) {
    it(`reports a document ending in ${ending}, with the ending to use`, () => {
      put(`content/controls/AC-09${ending}`);
      const [finding] = unreadDocuments(root);
      expect(finding).toMatchObject({ code: 'TB008', file: `content/controls/AC-09${ending}` });
      expect(finding!.message).toContain(`\`${ending}\``);
      const wanted = ending.toLowerCase() === '.mdx' ? '.mdx' : '.md';
      expect(finding!.hint).toMatch(new RegExp(`^Rename it to content/controls/AC-09\\${wanted}:`));
    });
  }

  it('names the endings of the kind: vendors may also be YAML', () => {
    put('content/vendors/cloudco.MD', 'id: cloudco\n');
    expect(unreadDocuments(root)[0]!.hint).toContain('.mdx, .md, .yaml or .yml');
  });

  it('says so when the name it would move to is taken', () => {
    put('content/controls/access/BASE-01.mdx');
    expect(unreadDocuments(root)[0]!.hint).toMatch(/not yet taken.*content\/controls\/BASE-01\.mdx exists/);
  });

  it('reports a system description under an ending that is not read', () => {
    put('content/system-description.md', validProgram()['content/system-description.mdx']);
    rmSync(join(root, 'content/system-description.mdx'));
    expect(unreadDocuments(root)).toEqual([
      expect.objectContaining({
        file: 'content/system-description.md',
        hint: expect.stringMatching(/^Rename it to content\/system-description\.mdx/),
      }),
    ]);
  });

  it('leaves artifact files alone, whatever their ending', () => {
    put('evidence-index/files/2026-q1/notes.md');
    put('evidence-index/files/README.MDX');
    put('evidence-index/files/export.csv');
    expect(unread()).toEqual([]);
  });

  it('leaves hidden and underscored files and folders alone', () => {
    put('policies/.draft.MDX');
    put('policies/_template.Mdx');
    put('policies/.obsidian/notes.md');
    put('policies/_drafts/leave.mdx');
    put('content/controls/access/.wip.md');
    expect(unread()).toEqual([]);
  });

  it('leaves files that are not Markdown alone: images, PDFs, spreadsheets, text', () => {
    for (const name of ['diagram.png', 'scan.pdf', 'users.csv', 'README.txt', 'access/diagram.svg', 'AC-09.mdx.bak']) {
      put(`content/controls/${name}`);
    }
    expect(unread()).toEqual([]);
  });

  it('leaves Markdown outside the document folders alone', () => {
    put('README.md');
    put('docs/guide.MDX');
    put('content/notes.md');
    expect(unread()).toEqual([]);
  });

  it('does not follow a link to a folder, so a loop ends', () => {
    symlinkSync(join(root, 'policies'), join(root, 'policies/again'));
    expect(unread()).toEqual([]);
  });
});

describe('TB008 in a checked program', () => {
  it('is reported by the check, with no other new finding', () => {
    const before = checkProject(root, { today: '2026-07-15' }).diagnostics.length;
    put('content/controls/access/AC-09.mdx');
    put('policies/leave.MDX');
    const result = checkProject(root, { today: '2026-07-15' });
    expect(result.diagnostics.filter((d) => d.code === 'TB008').map((d) => d.file)).toEqual([
      'content/controls/access/AC-09.mdx',
      'policies/leave.MDX',
    ]);
    expect(result.diagnostics).toHaveLength(before + 2);
  });

  it('is not reported for a Markdown file that evidence names as an artifact', () => {
    writeProgram(
      root,
      edit(
        validProgram(),
        'evidence-index/EV-BASE-01.mdx',
        'location: "https://docs.test.example/q1.pdf"',
        'file: "2026-q1/review.md", sha256: ' + 'ab'.repeat(32),
      ),
    );
    put('evidence-index/2026-q1/review.md', 'the review\n');
    const result = checkProject(root, { today: '2026-07-15' });
    expect(result.diagnostics.filter((d) => d.code === 'TB008')).toEqual([]);
  });
});
