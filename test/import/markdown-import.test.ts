import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { bodyTree } from '../../src/engine/body-tree.ts';
import { planMarkdownImport } from '../../src/import/markdown-folder.ts';
import { readMarkdownSources } from '../../src/import/import-fs.ts';
import { validProgram, writeProgram } from '../helpers/program.ts';
import { runCli } from '../cli/run.ts';
import { tempFolder, writeFolder } from './fixtures.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const wiki = {
  'Vendor Review.md': `# Vendor review

Ask each vendor for its report when spend > {budget} or <data> is shared.

<!-- copied from the old wiki -->

- [ ] Request the report
- [ ] Record the review
`,
  'ops/key-rotation.md': `Rotate keys every quarter.

## Steps

1. Generate a key
2. Retire the old one
`,
  'with-frontmatter.md': `---
title: Badge returns
tags: [facilities]
---

# Badge returns

Collect the badge on the last day.
`,
};

function setUp() {
  const source = writeFolder(wiki, 'wiki');
  const root = tempFolder('program');
  writeProgram(root, validProgram());
  folders.push(source, root);
  return { source, root };
}

describe('trustbook import markdown', () => {
  it('imports procedures whose check reports exactly the owner and frequency the report leaves open', async () => {
    const { source, root } = setUp();
    const result = await runCli(root, ['import', 'markdown', source, '--kind', 'procedure']);
    expect(result.code).toBe(0);
    const plan = planMarkdownImport(source, readMarkdownSources(source), 'procedure');
    const expected = plan.decisions
      .filter((decision) => decision.topic === 'field')
      .map((decision) => `${decision.file} ${decision.field}`)
      .sort();
    expect(expected).toEqual(
      ['badge-returns', 'ops-key-rotation', 'vendor-review']
        .map((id) => `content/procedures/${id === 'badge-returns' ? 'with-frontmatter' : id}.mdx`)
        .flatMap((file) => [`${file} frequency`, `${file} owner`])
        .sort(),
    );
    const errors = checkProject(root).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((error) => `${error.file} ${/required field `(\w+)`/.exec(error.message)?.[1]}`).sort()).toEqual(
      expected,
    );
  });

  it('takes the title from frontmatter, the first heading or the file name, and keeps the body parseable', async () => {
    const { source, root } = setUp();
    const result = await runCli(root, ['import', 'markdown', source, '--kind', 'policy']);
    const read = (file: string) => readFileSync(join(root, 'policies', file), 'utf8');
    expect(read('vendor-review.mdx')).toMatch(/^---\ntitle: Vendor review\n---\n\nAsk each vendor/);
    expect(read('vendor-review.mdx')).toContain('spend > \\{budget} or \\<data> is shared');
    expect(read('vendor-review.mdx')).toContain('{/* copied from the old wiki */}');
    expect(read('ops-key-rotation.mdx')).toMatch(/^title: Key rotation$/m);
    expect(read('with-frontmatter.mdx')).toMatch(/^---\ntitle: Badge returns\n---\n\nCollect the badge/);
    for (const file of ['vendor-review.mdx', 'ops-key-rotation.mdx', 'with-frontmatter.mdx']) {
      const text = read(file);
      expect(bodyTree(text.slice(text.indexOf('\n---\n', 4) + 5), 1), file).toBeDefined();
    }
    expect(result.stdout).toContain('`policies/with-frontmatter.mdx`: frontmatter fields not carried over: `tags`');
    expect(result.stdout).toContain('- `policies/vendor-review.mdx`: `version`, `owner`, `approved_by`, `approved`');
  });

  it('reports a file too large to be a document as skipped rather than dropping it silently', async () => {
    const source = writeFolder(
      { 'huge.md': `# Huge\n\n${'x'.repeat(2_000_001)}\n`, 'small.md': '# Small\n\nText.\n' },
      'big',
    );
    const out = tempFolder('out');
    folders.push(source, out);
    const result = await runCli(out, ['import', 'markdown', source, '--kind', 'policy', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/`huge\.md`: skipped: \d+ bytes is more than a document written by hand/);
    expect(result.stdout).toContain('`policies/small.mdx` from `small.md`');
  });

  it('needs to be told what the files are', async () => {
    const { source, root } = setUp();
    const result = await runCli(root, ['import', 'markdown', source]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('import markdown needs --kind');
  });
});
