/**
 * The grants rule (TB533 to TB537, TB550, TB551) called on its own: grants ending on the evaluation date and the
 * day after, revoked grants, the secret the build has, and an evaluation date pinned while grants publish.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { grantsRule } from '../../src/engine/rules/grants.ts';
import type { RuleContext } from '../../src/engine/rules/context.ts';
import { nda, ndaVersion, TEST_SALT } from '../helpers/grants.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const GRANT = 'content/trust/grants/northwind.yaml';

/** A grant's file: one field a line, in this order (documents on line 4, nda_version on 5, expires on 7). */
function grantFile(fields: Record<string, string> = {}): string {
  return Object.entries({
    name: 'Priya Raman',
    email: 'priya@northwind.example',
    organization: 'Northwind Clinics',
    documents: '[report]',
    nda_version: ndaVersion,
    granted: '2026-07-01',
    expires: '2026-12-31',
    salt: TEST_SALT,
    ...fields,
  })
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}\n`)
    .join('');
}

const DOCUMENTS = {
  'content/trust/documents/report.yaml': 'title: SOC 2 report\nfile: content/trust/files/report.pdf\naccess: nda\n',
  'content/trust/documents/upper.yaml': 'title: Bridge letter\nfile: content/trust/files/bridge.PDF\naccess: nda\n',
  'content/trust/documents/sheet.yaml': 'title: Pen test\nfile: content/trust/files/pentest.xlsx\naccess: nda\n',
  'content/trust/documents/summary.yaml': 'title: Summary\nfile: content/trust/files/summary.pdf\naccess: public\n',
  'content/trust/documents/elsewhere.yaml': 'title: Kept elsewhere\nurl: https://files.test/r.pdf\naccess: nda\n',
};

interface Setup {
  grants?: Record<string, string>;
  files?: Record<string, string>;
  broken?: string[];
  context?: Partial<RuleContext>;
  asOf?: string;
}

function run({ grants = { [GRANT]: grantFile() }, files = {}, broken, context, asOf = '2026-07-15' }: Setup = {}) {
  const model = smallModel({ ...DOCUMENTS, 'content/trust/nda/mutual.md': nda, ...grants, ...files }, broken);
  return grantsRule(model, ruleContext(asOf, context));
}

const codes = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.severity}`);

describe('a grant’s documents (TB533)', () => {
  it('are documents under NDA kept as PDFs in the repository, whatever the extension’s case', () => {
    expect(run()).toEqual([]);
    expect(run({ grants: { [GRANT]: grantFile({ documents: '[report, upper]' }) } })).toEqual([]);
  });

  it('must exist, unless the document’s own file is broken', () => {
    expect(run({ grants: { [GRANT]: grantFile({ documents: '[report, annual]' }) } })).toEqual([
      {
        severity: 'error',
        code: 'TB533',
        file: GRANT,
        line: 4,
        subject: { kind: 'grant', id: 'northwind' },
        message: 'gives the trust document "annual", which does not exist',
        hint: 'Name a document of content/trust/documents/ by its id (its file name).',
      },
    ]);
    const broken = 'content/trust/documents/annual.yaml';
    expect(
      run({
        grants: { [GRANT]: grantFile({ documents: '[annual]' }) },
        files: { [broken]: 'title: Annual\naccess: nda\n' },
        broken: [broken],
      }),
    ).toEqual([]);
  });

  it('must be under NDA, kept in the repository, and a PDF to be stamped', () => {
    const found = run({ grants: { [GRANT]: grantFile({ documents: '[summary, elsewhere, sheet]' }) } });
    expect(found.map((d) => [d.code, d.severity, d.line, d.message, d.hint])).toEqual([
      [
        'TB533',
        'error',
        4,
        'gives "Summary", which is public: a grant is for documents under NDA',
        'Remove it from the grant (anyone can download it from the trust center), or make the document `access: nda`.',
      ],
      [
        'TB533',
        'error',
        4,
        'gives "Kept elsewhere", which is kept elsewhere (`url:`), so the build cannot encrypt it for the recipient',
        'Keep the document in the repository (`file:`), or share it from where it is kept and remove it from the grant.',
      ],
      [
        'TB533',
        'warning',
        4,
        'gives "Pen test", which is not a PDF: the recipient\'s copy is encrypted but cannot be stamped with their name',
        'Give the document as a PDF (export it), so every page of the copy names its recipient.',
      ],
    ]);
  });

  it('point at the line of the document at fault in a list written one a line', () => {
    const documents = '\n  - report\n  - summary';
    const found = run({ grants: { [GRANT]: grantFile({ documents }) } });
    expect(found.map((d) => d.line)).toEqual([6]);
  });
});

describe('the NDA a grant names (TB534)', () => {
  it('is a text kept in content/trust/nda/', () => {
    const other = 'f'.repeat(64);
    expect(run({ grants: { [GRANT]: grantFile({ nda_version: other }) } })).toEqual([
      {
        severity: 'error',
        code: 'TB534',
        file: GRANT,
        line: 5,
        subject: { kind: 'grant', id: 'northwind' },
        message: `names the NDA version ffffffffffff…, which is no NDA text in content/trust/nda/ (content/trust/nda/mutual.md is ${ndaVersion.slice(0, 12)}…)`,
        hint: 'Keep the exact text the recipient accepted as a file in content/trust/nda/ (a changed text is a new version: add it as a new file); `trustbook grant add --nda-version` records the version the requester accepted.',
      },
    ]);
  });

  it('says so when no text is kept, and stays quiet when an NDA file could not be read', () => {
    const model = smallModel({ ...DOCUMENTS, [GRANT]: grantFile() });
    const found = grantsRule(model, ruleContext('2026-07-15'));
    expect(found.map((d) => d.message)).toEqual([
      `names the NDA version ${ndaVersion.slice(0, 12)}…, which is no NDA text in content/trust/nda/`,
    ]);
    const unreadable = 'content/trust/nda/broken.md';
    expect(
      run({
        files: { [unreadable]: '---\ntitle: [unclosed\n---\n\nText.\n' },
        broken: [unreadable],
        grants: { [GRANT]: grantFile({ nda_version: 'f'.repeat(64) }) },
      }),
    ).toEqual([]);
  });
});

describe('a grant about to end (TB535)', () => {
  it('is warned of from warn_within_days before its last day through the last day itself', () => {
    const ending = (expires: string) => run({ grants: { [GRANT]: grantFile({ granted: '2026-06-01', expires }) } });
    expect(ending('2026-08-15')).toEqual([]);
    expect(ending('2026-08-14')).toEqual([
      {
        severity: 'warning',
        code: 'TB535',
        file: GRANT,
        line: 7,
        subject: { kind: 'grant', id: 'northwind' },
        message: "Priya Raman's access (Northwind Clinics) ends on 2026-08-14, in 30 days",
        hint: 'Extend `expires` if the NDA still covers them (the link stays the same), or let it end.',
      },
    ]);
    expect(ending('2026-07-16').map((d) => d.message)).toEqual([
      "Priya Raman's access (Northwind Clinics) ends on 2026-07-16, in 1 day",
    ]);
    expect(ending('2026-07-15').map((d) => d.message)).toEqual([
      "Priya Raman's access (Northwind Clinics) ends on 2026-07-15, in 0 days",
    ]);
  });

  it('is not warned of when given for no longer than the warning window: its end was chosen on purpose', () => {
    // Granted 2026-07-01, checked 2026-07-15, warn_within_days 30.
    const given = (expires: string) => run({ grants: { [GRANT]: grantFile({ granted: '2026-07-01', expires }) } });
    expect(given('2026-07-30')).toEqual([]);
    expect(given('2026-07-31')).toEqual([]);
    expect(given('2026-08-01').map((d) => d.message)).toEqual([
      "Priya Raman's access (Northwind Clinics) ends on 2026-08-01, in 17 days",
    ]);
  });

  it('is not warned of once ended, before it opens, or once revoked', () => {
    expect(run({ grants: { [GRANT]: grantFile({ granted: '2026-06-01', expires: '2026-07-14' }) } })).toEqual([]);
    expect(run({ grants: { [GRANT]: grantFile({ granted: '2026-07-16', expires: '2026-07-20' }) } })).toEqual([]);
    expect(run({ grants: { [GRANT]: grantFile({ expires: '2026-07-20', revoked: '2026-07-10' }) } })).toEqual([]);
  });
});

describe('a grant without a salt (TB550)', () => {
  it('is refused, unless revoked: a revoked grant publishes nothing, so nothing it names matters', () => {
    expect(run({ grants: { [GRANT]: grantFile({ salt: '' }) } })).toEqual([
      {
        severity: 'error',
        code: 'TB550',
        file: GRANT,
        line: 1,
        subject: { kind: 'grant', id: 'northwind' },
        message:
          "Priya Raman's grant has no `salt`: its key would come from the secret and its fields alone, so a grant re-issued with the same fields would open an old link again",
        hint: 'Run `trustbook grant rekey northwind`: it writes a random salt and prints the new link to send (links made before it stop opening).',
      },
    ]);
    const revoked = grantFile({ salt: '', documents: '[annual]', nda_version: 'f'.repeat(64), revoked: '2026-07-10' });
    expect(run({ grants: { [GRANT]: revoked } })).toEqual([]);
  });
});

describe('the build’s grant secret (TB536, TB537)', () => {
  it('is needed while a grant is current: a warning without it, an error in the deployed build', () => {
    expect(codes(run({ context: { grantSecret: 'missing' } }))).toEqual(['TB536 warning']);
    const [finding] = run({ context: { grantSecret: 'missing' } });
    expect(finding).toEqual({
      severity: 'warning',
      code: 'TB536',
      file: GRANT,
      line: 1,
      subject: { kind: 'grant', id: 'northwind' },
      message:
        "TRUSTBOOK_GRANT_SECRET is not set, so the 1 current grant publish nothing: no recipient's link opens a document",
      hint: 'Give the deploy step TRUSTBOOK_GRANT_SECRET (an environment secret of the protected deploy environment; `trustbook grant secret` makes one). Never commit it.',
    });
    const deployed = run({ context: { grantSecret: 'missing', deploy: true } });
    expect(deployed.map((d) => [d.severity, d.message])).toEqual([
      [
        'error',
        "TRUSTBOOK_GRANT_SECRET is not set, so the 1 current grant publish nothing: no recipient's link opens a document (this is the deployed build: TRUSTBOOK_DEPLOY is set)",
      ],
    ]);
  });

  it('names the first current grant and counts them all', () => {
    const grants = {
      'content/trust/grants/acme.yaml': grantFile({ granted: '2026-01-01', expires: '2026-07-14' }),
      'content/trust/grants/bolt.yaml': grantFile({ granted: '2026-07-15', expires: '2026-12-31' }),
      'content/trust/grants/core.yaml': grantFile({ granted: '2026-01-01', expires: '2026-12-31' }),
      'content/trust/grants/dawn.yaml': grantFile({ revoked: '2026-07-01' }),
    };
    const found = run({ grants, context: { grantSecret: 'missing' } });
    expect(found.map((d) => [d.file, d.subject?.id])).toEqual([['content/trust/grants/bolt.yaml', 'bolt']]);
    expect(found[0]!.message).toMatch(/so the 2 current grants publish nothing/);
  });

  it('is not needed when no grant is current', () => {
    const ended = { [GRANT]: grantFile({ granted: '2026-01-01', expires: '2026-07-14' }) };
    expect(run({ grants: ended, context: { grantSecret: 'missing' } })).toEqual([]);
    expect(run({ grants: ended, context: { grantSecret: 'weak' } })).toEqual([]);
    expect(run({ grants: {}, context: { grantSecret: 'missing' } })).toEqual([]);
  });

  it('is refused when it was not generated, deployed or not', () => {
    for (const deploy of [false, true]) {
      expect(run({ context: { grantSecret: 'weak', deploy } })).toEqual([
        {
          severity: 'error',
          code: 'TB537',
          file: GRANT,
          line: 1,
          subject: { kind: 'grant', id: 'northwind' },
          message:
            'TRUSTBOOK_GRANT_SECRET is not a generated secret: a phrase or a short value can be guessed offline from the published files, without any link',
          hint: 'Replace it with the output of `trustbook grant secret` (or 32 random bytes: `openssl rand -base64 32`); every recipient then needs a new link (`trustbook grant link <id>`).',
        },
      ]);
    }
  });
});

describe('grants published as of a pinned evaluation date (TB551)', () => {
  const pinned = programYaml('as_of: 2026-07-15\n');

  it('points at as_of in program.yaml when the program pins it: a warning, an error in the deployed build', () => {
    const found = run({ files: { 'content/program.yaml': pinned }, context: { asOfSource: 'program as_of' } });
    expect(found).toEqual([
      {
        severity: 'warning',
        code: 'TB551',
        file: 'content/program.yaml',
        line: 10,
        subject: { kind: 'program', id: 'as_of' },
        message:
          'the evaluation date is pinned to 2026-07-15 (program as_of) while 1 grant publish files: a grant that has ended since would still open its documents',
        hint: 'Build the deployed trust center as of today: remove `as_of` from program.yaml (or TRUSTBOOK_AS_OF, --as-of) for that build.',
      },
    ]);
    const deployed = run({
      files: { 'content/program.yaml': pinned },
      context: { asOfSource: 'program as_of', deploy: true },
    });
    expect(codes(deployed)).toEqual(['TB551 error']);
  });

  it('points at the first grant that publishes when the date comes from elsewhere', () => {
    const grants = {
      'content/trust/grants/acme.yaml': grantFile({ revoked: '2026-07-01' }),
      'content/trust/grants/bolt.yaml': grantFile({ granted: '2026-01-01', expires: '2026-03-31' }),
      'content/trust/grants/core.yaml': grantFile(),
    };
    for (const source of ['--as-of', 'TRUSTBOOK_AS_OF'] as const) {
      const found = run({ grants, context: { asOfSource: source } });
      expect(found.map((d) => [d.file, d.line, d.subject, d.message])).toEqual([
        [
          'content/trust/grants/bolt.yaml',
          1,
          { kind: 'grant', id: 'bolt' },
          `the evaluation date is pinned to 2026-07-15 (${source}) while 2 grants publish files: a grant that has ended since would still open its documents`,
        ],
      ]);
    }
  });

  it('is nothing as of today, without a generated secret, or when every grant is revoked', () => {
    expect(run({ context: { asOfSource: 'today' } })).toEqual([]);
    expect(codes(run({ context: { asOfSource: '--as-of', grantSecret: 'missing' } }))).toEqual(['TB536 warning']);
    expect(codes(run({ context: { asOfSource: '--as-of', grantSecret: 'weak' } }))).toEqual(['TB537 error']);
    const revoked = { [GRANT]: grantFile({ revoked: '2026-07-01' }) };
    expect(run({ grants: revoked, context: { asOfSource: '--as-of' } })).toEqual([]);
  });
});
