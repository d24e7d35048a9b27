import { describe, expect, it } from 'vitest';
import {
  anchorOf,
  publicUpdates,
  replayTrustHistory,
  trustChanges,
  updatesByMonth,
  type TrustChange,
  type TrustFileVersion,
  type TrustRevision,
} from '../../src/trust-center/trust-updates.ts';
import { publicView } from '../../src/site/views.ts';
import { check, validProgram } from '../helpers/program.ts';

let commits = 0;
/** A commit of the history, oldest first as the git reader gives them; its id is made up but unique. */
function commit(date: string, ...files: TrustFileVersion[]): TrustRevision {
  commits += 1;
  return { commit: `${String(commits).padStart(4, '0')}${'c'.repeat(36)}`, date, baseline: false, files };
}

const vendor = (name: string, fields = '') => `id: ${name.toLowerCase().replace(/\W+/g, '-')}
name: ${name}
purpose: Processes payments for the platform.
data: [customer billing details]
criticality: high
added: 2026-01-01
reviewed: 2026-01-01
${fields}`;

const policy = (title: string, version: string, audience?: string) => `---
title: ${title}
version: "${version}"
owner: security-lead
approved_by: ceo
approved: 2026-01-01
effective: 2026-01-01
${audience ? `audience: [${audience}]\n` : ''}---

The body of ${title}, which no trust update may quote.
`;

const attestation = (issued: string) => `framework: soc2
report_type: II
period: { start: 2025-01-01, end: 2025-12-31 }
auditor: Test CPA
issued: ${issued}
`;

const page = (title: string, body = 'Text of the page.') => `---\ntitle: ${title}\n---\n\n${body}\n`;

const at = (path: string, text: string): TrustFileVersion => ({ path, text });
const deleted = (path: string): TrustFileVersion => ({ path, deleted: true });
const summary = (changes: readonly TrustChange[]) =>
  changes.map((change) => ({ kind: change.kind, date: change.date, subject: change.subject }));

describe('trust changes from the history', () => {
  it('lists a public subprocessor added, on its commit’s date, and never a vendor kept private', () => {
    const changes = trustChanges([
      commit('2026-02-01', at('content/vendors/payline.yaml', vendor('Payline Payments', 'public: true'))),
      commit('2026-02-10', at('content/vendors/ledger.yaml', vendor('Quiet Ledger Systems'))),
      commit('2026-02-20', at('content/vendors/ledger.yaml', vendor('Quiet Ledger Systems', 'locations: [Ireland]'))),
    ]);
    expect(summary(changes)).toEqual([{ kind: 'subprocessor-added', date: '2026-02-01', subject: 'Payline Payments' }]);
    expect(JSON.stringify(changes)).not.toContain('Quiet Ledger');
  });

  it('counts a vendor made public later as added at that commit', () => {
    const changes = trustChanges([
      commit('2026-01-05', at('content/vendors/payline.yaml', vendor('Payline Payments'))),
      commit('2026-03-01', at('content/vendors/payline.yaml', vendor('Payline Payments', 'public: true'))),
    ]);
    expect(summary(changes)).toEqual([{ kind: 'subprocessor-added', date: '2026-03-01', subject: 'Payline Payments' }]);
    expect(changes[0]!.path).toBe('content/vendors/payline.yaml');
  });

  it('gives the first day of processing as advance notice only when it lies after the commit', () => {
    const changes = trustChanges([
      commit(
        '2026-03-01',
        at('content/vendors/a.yaml', vendor('Ahead Analytics', 'public: true\neffective: 2026-04-01')),
      ),
      commit(
        '2026-03-02',
        at('content/vendors/b.yaml', vendor('Behind Backups', 'public: true\neffective: 2026-03-02')),
      ),
    ]);
    expect(changes.map((change) => [change.subject, 'effective' in change ? change.effective : undefined])).toEqual([
      ['Behind Backups', undefined],
      ['Ahead Analytics', '2026-04-01'],
    ]);
  });

  it('lists a subprocessor removed when its file is deleted or it is no longer public, by the name it had', () => {
    const changes = trustChanges([
      commit(
        '2026-01-01',
        at('content/vendors/a.yaml', vendor('Gone Hosting', 'public: true')),
        at('content/vendors/b.yaml', vendor('Former Mail', 'public: true')),
      ),
      commit('2026-02-01', deleted('content/vendors/a.yaml')),
      commit('2026-03-01', at('content/vendors/b.yaml', vendor('Former Mail', 'public: false'))),
    ]);
    expect(summary(changes).slice(0, 2)).toEqual([
      { kind: 'subprocessor-removed', date: '2026-03-01', subject: 'Former Mail' },
      { kind: 'subprocessor-removed', date: '2026-02-01', subject: 'Gone Hosting' },
    ]);
    expect(changes[1]!.current).toBeUndefined();
    expect(changes[0]!.current).toBe('content/vendors/b.yaml');
  });

  it('lists a public policy when it appears and when its version changes, never a private one', () => {
    const changes = trustChanges([
      commit(
        '2026-01-01',
        at('policies/encryption.mdx', policy('Encryption Policy', '1.0', 'public, employees')),
        // The default audience is employees and auditors: not public.
        at('policies/hr-secrets.mdx', policy('Confidential Staffing Plan', '1.0')),
      ),
      commit('2026-02-01', at('policies/encryption.mdx', policy('Encryption Policy', '1.1', 'public, employees'))),
      commit('2026-02-15', at('policies/encryption.mdx', policy('Encryption Policy (renamed)', '1.1', 'public'))),
      commit('2026-03-01', at('policies/hr-secrets.mdx', policy('Confidential Staffing Plan', '2.0', 'employees'))),
    ]);
    expect(
      changes.map((change) => [change.kind, change.date, change.subject, 'version' in change && change.version]),
    ).toEqual([
      ['policy-published', '2026-02-01', 'Encryption Policy', '1.1'],
      ['policy-published', '2026-01-01', 'Encryption Policy', '1.0'],
    ]);
    const text = JSON.stringify(changes);
    expect(text).not.toContain('Confidential Staffing');
    expect(text).not.toContain('no trust update may quote');
  });

  it('lists a policy made public as published at that commit, with the version it then has', () => {
    const changes = trustChanges([
      commit('2026-01-01', at('policies/backup.mdx', policy('Backup Policy', '3.0'))),
      commit('2026-05-01', at('policies/backup.mdx', policy('Backup Policy', '3.0', 'public, employees, auditors'))),
    ]);
    expect(changes).toMatchObject([{ kind: 'policy-published', date: '2026-05-01', version: '3.0' }]);
  });

  it('lists an attestation when it appears and when its issue date changes, named as the trust center names it', () => {
    const path = 'content/trust/attestations/soc2-2025.yaml';
    const changes = trustChanges([
      commit('2026-02-01', at(path, attestation('2026-01-30'))),
      commit('2026-02-05', at(path, `${attestation('2026-01-30')}document: soc2-report\n`)),
      commit('2026-03-01', at(path, attestation('2026-02-27'))),
    ]);
    expect(changes).toMatchObject([
      { kind: 'attestation-issued', date: '2026-03-01', issued: '2026-02-27' },
      {
        kind: 'attestation-issued',
        date: '2026-02-01',
        subject: 'SOC 2 Type II report (2025-01-01 to 2025-12-31)',
        issued: '2026-01-30',
      },
    ]);
  });

  it('lists a trust page added or edited by its title, never its text', () => {
    const changes = trustChanges([
      commit('2026-01-01', at('content/trust/faq.mdx', page('Security FAQ', 'Draft answers nobody has read yet.'))),
      commit('2026-02-01', at('content/trust/faq.mdx', page('Security questions', 'New answers.'))),
      // A trust document is not a page.
      commit(
        '2026-02-02',
        at('content/trust/documents/report.yaml', 'title: Report\naccess: nda\nurl: https://x.example\n'),
      ),
    ]);
    expect(changes).toMatchObject([
      { kind: 'trust-page-changed', subject: 'Security questions', added: false },
      { kind: 'trust-page-changed', subject: 'Security FAQ', added: true },
    ]);
    expect(JSON.stringify(changes)).not.toContain('Draft answers');
  });

  it('skips a version that does not parse, comparing the next with the last one that did', () => {
    const path = 'content/vendors/payline.yaml';
    const changes = trustChanges([
      commit('2026-01-01', at(path, vendor('Payline Payments', 'public: true'))),
      commit('2026-01-02', at(path, 'name: [unclosed\npublic: true\n')),
      commit('2026-01-03', at(path, vendor('Payline Payments', 'public: true\nlocations: [Ireland]'))),
      commit('2026-01-04', at('policies/broken.mdx', '---\ntitle: Broken\nversion: "1"\naudience: [public\n---\n')),
    ]);
    expect(summary(changes)).toEqual([{ kind: 'subprocessor-added', date: '2026-01-01', subject: 'Payline Payments' }]);
  });

  it('follows a rename: the document keeps its history and its current path', () => {
    const changes = trustChanges([
      commit('2026-01-01', at('content/vendors/old-name.yaml', vendor('Payline Payments', 'public: true'))),
      commit('2026-02-01', {
        path: 'content/vendors/payline.yaml',
        from: 'content/vendors/old-name.yaml',
        text: vendor('Payline Payments', 'public: true'),
      }),
    ]);
    expect(changes).toMatchObject([
      { kind: 'subprocessor-added', path: 'content/vendors/old-name.yaml', current: 'content/vendors/payline.yaml' },
    ]);
  });

  it('takes a shallow clone’s first commit as the state history starts from, not as changes', () => {
    const changes = trustChanges([
      {
        ...commit('2026-01-01', at('content/vendors/a.yaml', vendor('Early Hosting', 'public: true'))),
        baseline: true,
      },
      commit('2026-02-01', at('content/vendors/a.yaml', vendor('Early Hosting', 'public: false'))),
    ]);
    expect(summary(changes)).toEqual([{ kind: 'subprocessor-removed', date: '2026-02-01', subject: 'Early Hosting' }]);
  });

  it('gives each change a stable id from its kind, document and commit, with no file path in it, newest first', () => {
    const history = [
      commit('2026-01-01', at('content/vendors/a.yaml', vendor('Alpha Hosting', 'public: true'))),
      commit(
        '2026-03-01',
        at('content/vendors/b.yaml', vendor('Beta Mail', 'public: true')),
        at('content/vendors/c.yaml', vendor('Gamma Queue', 'public: true')),
      ),
    ];
    const changes = trustChanges(history);
    expect(summary(changes).map((change) => change.subject)).toEqual(['Beta Mail', 'Gamma Queue', 'Alpha Hosting']);
    for (const change of changes) expect(change.id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(changes.map((change) => change.id)).size).toBe(3);
    expect(trustChanges(history)).toEqual(changes);
  });
});

describe('trust changes replay what the trust center published', () => {
  const falcon = page('Project Falcon Launch', '<Todo>Say what the launch changes for customers.</Todo>');
  const subjects = (history: TrustRevision[]) =>
    replayTrustHistory(history).subjects.map(({ subject, published, current, shownAtEnd }) => ({
      subject,
      published,
      current,
      shownAtEnd,
    }));

  it('announce a page held back for a placeholder only once it is finished, under the title it then has', () => {
    const history = [
      commit('2026-02-01', at('content/trust/launch.mdx', falcon)),
      commit('2026-03-01', at('content/trust/launch.mdx', page('Platform Changes'))),
    ];
    expect(summary(trustChanges(history))).toEqual([
      { kind: 'trust-page-changed', date: '2026-03-01', subject: 'Platform Changes' },
    ]);
    expect(subjects(history)).toEqual([
      { subject: 'Project Falcon Launch', published: false, current: 'content/trust/launch.mdx', shownAtEnd: true },
      { subject: 'Platform Changes', published: true, current: 'content/trust/launch.mdx', shownAtEnd: true },
    ]);
  });

  it('announce nothing of a page held back and then deleted, and keep its title secret', () => {
    const history = [
      commit('2026-02-01', at('content/trust/launch.mdx', falcon)),
      commit('2026-03-01', deleted('content/trust/launch.mdx')),
    ];
    expect(trustChanges(history)).toEqual([]);
    expect(subjects(history)).toEqual([
      { subject: 'Project Falcon Launch', published: false, current: undefined, shownAtEnd: false },
    ]);
  });

  it('announce nothing of a public policy held back while it holds a placeholder', () => {
    const unfinished = policy('Vendor Risk Policy', '1.0', 'public').replace(
      'which no trust update may quote.',
      'which no trust update may quote.\n\n<Todo>Name the review board.</Todo>',
    );
    const history = [
      commit('2026-02-01', at('policies/vendor-risk.mdx', unfinished)),
      commit('2026-03-01', deleted('policies/vendor-risk.mdx')),
    ];
    expect(trustChanges(history)).toEqual([]);
    expect(summary(trustChanges(history.slice(0, 1)))).toEqual([]);
  });

  it('never bring back a vendor that was public for one commit when its file is deleted later', () => {
    const history = [
      commit('2026-02-01', at('content/vendors/brief.yaml', vendor('Brief Analytics', 'public: true'))),
      commit('2026-02-02', at('content/vendors/brief.yaml', vendor('Brief Analytics'))),
      commit('2026-04-01', deleted('content/vendors/brief.yaml')),
    ];
    expect(trustChanges(history)).toEqual([]);
    expect(subjects(history)).toEqual([
      { subject: 'Brief Analytics', published: true, current: undefined, shownAtEnd: false },
    ]);
  });

  it('announce the removal of a subprocessor deleted while public, and keep what it was announced as', () => {
    const history = [
      commit('2026-02-01', at('content/vendors/mail.yaml', vendor('Gone Mail', 'public: true'))),
      commit('2026-04-01', deleted('content/vendors/mail.yaml')),
    ];
    expect(summary(trustChanges(history))).toEqual([
      { kind: 'subprocessor-removed', date: '2026-04-01', subject: 'Gone Mail' },
      { kind: 'subprocessor-added', date: '2026-02-01', subject: 'Gone Mail' },
    ]);
  });

  it('count a commit whose files fail the check as publishing nothing, and date its changes by the next that passes', () => {
    const broken = vendor('Early Hosting', 'public: true\ncriticality: extreme').replace('criticality: high\n', '');
    const history = [
      commit('2026-02-01', at('content/vendors/early.yaml', broken)),
      commit('2026-02-05', at('policies/encryption.mdx', policy('Encryption Policy', '1.0', 'public'))),
      commit('2026-03-01', at('content/vendors/early.yaml', vendor('Early Hosting', 'public: true'))),
    ];
    expect(summary(trustChanges(history))).toEqual([
      { kind: 'subprocessor-added', date: '2026-03-01', subject: 'Early Hosting' },
      { kind: 'policy-published', date: '2026-03-01', subject: 'Encryption Policy' },
    ]);
  });

  it('forgive a field today’s schema no longer knows: fields are renamed over the years', () => {
    const old = vendor('Old Hosting', 'public: true\ntier: gold');
    expect(summary(trustChanges([commit('2026-02-01', at('content/vendors/old.yaml', old))]))).toEqual([
      { kind: 'subprocessor-added', date: '2026-02-01', subject: 'Old Hosting' },
    ]);
  });

  it('count a public subprocessor holding a placeholder as a failing commit: the list could not leave it out', () => {
    const unfinished = vendor('Ahead Hosting', 'public: true').replace(
      'purpose: Processes payments for the platform.',
      'purpose: TODO say what they do',
    );
    const history = [
      commit('2026-02-01', at('content/vendors/ahead.yaml', unfinished)),
      commit('2026-02-09', at('content/vendors/ahead.yaml', vendor('Ahead Hosting', 'public: true'))),
    ];
    expect(summary(trustChanges(history.slice(0, 1)))).toEqual([]);
    expect(summary(trustChanges(history))).toEqual([
      { kind: 'subprocessor-added', date: '2026-02-09', subject: 'Ahead Hosting' },
    ]);
  });
});

describe('the updates the trust center lists', () => {
  const history = [
    commit(
      '2026-01-10',
      at('content/vendors/kept.yaml', vendor('Kept Hosting', 'public: true')),
      at('content/vendors/hidden.yaml', vendor('Hidden Analytics Partner', 'public: true')),
      at('content/vendors/gone.yaml', vendor('Gone Mail', 'public: true')),
      at('policies/encryption.mdx', policy('Encryption Policy', '1.0', 'public')),
    ),
    commit('2026-02-10', at('content/vendors/hidden.yaml', vendor('Hidden Analytics Partner'))),
    commit('2026-03-10', deleted('content/vendors/gone.yaml')),
    commit('2026-12-24', at('content/vendors/later.yaml', vendor('Later Storage', 'public: true'))),
  ];
  const today = {
    asOf: '2026-11-30',
    shown: new Map([
      ['content/vendors/kept.yaml', 'subprocessors/'],
      ['content/vendors/later.yaml', 'subprocessors/'],
      ['policies/encryption.mdx', 'policies/encryption/'],
    ]),
    files: new Set([
      'content/vendors/kept.yaml',
      'content/vendors/hidden.yaml',
      'content/vendors/later.yaml',
      'policies/encryption.mdx',
    ]),
  };

  it('leave out every change about a document that exists but is private today, and what is dated after the evaluation date', () => {
    const updates = publicUpdates(trustChanges(history), today);
    expect(updates.map((update) => update.title)).toEqual([
      'Subprocessor removed: Gone Mail',
      'Subprocessor added: Kept Hosting',
      'Subprocessor added: Gone Mail',
      'Policy published: Encryption Policy, version 1.0',
    ]);
    expect(JSON.stringify(updates)).not.toContain('Hidden Analytics');
  });

  it('link each update to the page that shows its subject, or to the list once the subject is gone', () => {
    const updates = publicUpdates(trustChanges(history), today);
    expect(Object.fromEntries(updates.map((update) => [update.title, update.href]))).toEqual({
      'Subprocessor removed: Gone Mail': 'subprocessors/',
      'Subprocessor added: Kept Hosting': 'subprocessors/',
      'Subprocessor added: Gone Mail': 'subprocessors/',
      'Policy published: Encryption Policy, version 1.0': 'policies/encryption/',
    });
  });

  it('carry the advance notice into the update and its summary', () => {
    const [update] = publicUpdates(
      trustChanges([
        commit(
          '2026-06-01',
          at('content/vendors/a.yaml', vendor('Ahead Analytics', 'public: true\neffective: 2026-07-01')),
        ),
      ]),
      {
        ...today,
        shown: new Map([['content/vendors/a.yaml', 'subprocessors/']]),
        files: new Set(['content/vendors/a.yaml']),
      },
    );
    expect(update).toMatchObject({ effective: '2026-07-01', title: 'Subprocessor added: Ahead Analytics' });
    expect(update!.summary).toContain('starts processing customer data on 2026-07-01');
  });

  it('group by month, newest first, with anchors a URL can point at', () => {
    const updates = publicUpdates(trustChanges(history), today);
    expect(updatesByMonth(updates).map((month) => [month.label, month.updates.length])).toEqual([
      ['March 2026', 1],
      ['January 2026', 3],
    ]);
    expect(anchorOf({ id: '0123456789abcdef' })).toBe('change-0123456789abcdef');
  });
});

describe('the public view’s updates', () => {
  const files = {
    ...validProgram(),
    'content/vendors/payline.yaml': vendor('Payline Payments', 'public: true'),
    'content/vendors/ledger.yaml': vendor('Quiet Ledger Systems'),
    'policies/encryption.mdx': policy('Encryption Policy', '1.1', 'public, employees, auditors'),
    'content/trust/faq.mdx': page('Security FAQ', '<Todo>Write the answers.</Todo>'),
  };
  const history = [
    commit(
      '2026-02-01',
      at('content/vendors/payline.yaml', vendor('Payline Payments', 'public: true')),
      // Public then, private today: its name is private text now.
      at('content/vendors/ledger.yaml', vendor('Quiet Ledger Systems', 'public: true')),
      at('policies/encryption.mdx', policy('Encryption Policy', '1.1', 'public')),
      at('content/trust/faq.mdx', page('Security FAQ')),
    ),
  ];

  it('holds the changes about what the trust center shows today, linked to their pages', () => {
    const view = publicView(check(files), trustChanges(history));
    expect(view.updates.map((update) => [update.title, update.href])).toEqual([
      ['Subprocessor added: Payline Payments', 'subprocessors/'],
      ['Policy published: Encryption Policy, version 1.1', 'policies/encryption/'],
    ]);
  });

  it('is empty when no changes are handed over, as on pages that do not list them', () => {
    expect(publicView(check(files)).updates).toEqual([]);
  });
});
