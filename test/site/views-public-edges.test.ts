/**
 * The trust center's view at the edges views-audience.test.ts leaves open: the order of its documents and badges
 * whatever the order of their files, an answer citing a whole policy, the answers' CSV, no updates without
 * changes, and each area of the status in its own category.
 */
import { describe, expect, it } from 'vitest';
import { publicView } from '../../src/site/views.ts';
import { check, edit, validProgram, type Files } from '../helpers/program.ts';

const PROGRAM = 'content/program.yaml';

describe('the trust center’s documents and badges', () => {
  it('lists documents by title, whatever their ids', () => {
    const files: Files = {
      ...validProgram(),
      'content/trust/documents/aaa.yaml': 'title: Zebra report\nurl: https://files.test/z.pdf\naccess: public\n',
      'content/trust/documents/zzz.yaml': 'title: Alpha letter\nurl: https://files.test/a.pdf\naccess: public\n',
    };
    expect(publicView(check(files)).trustDocuments.map((document) => document.id)).toEqual(['zzz', 'aaa']);
  });

  it('shows the newest badge first, whatever the order of the files', () => {
    const attestation = (end: string, issued: string) =>
      `framework: soc2\nreport_type: II\nperiod: { start: 2025-07-01, end: ${end} }\nauditor: Test CPA\nissued: ${issued}\n`;
    const files: Files = {
      ...validProgram(),
      'content/trust/attestations/first.yaml': attestation('2026-04-30', '2026-05-10'),
      'content/trust/attestations/second.yaml': attestation('2026-05-31', '2026-06-20'),
    };
    expect(publicView(check(files)).attestations.map((badge) => badge.id)).toEqual(['second', 'first']);
  });
});

describe('the trust center’s answers', () => {
  const files = (): Files => {
    const files = edit(
      validProgram(),
      'policies/information-security.mdx',
      'owner: security-lead',
      'owner: security-lead\naudience: [public, employees, auditors]',
    );
    return {
      ...files,
      'content/answers/mfa.yaml':
        'question: "Do you require MFA?"\nanswer: "Yes."\ncites:\n  policies: [information-security]\naudience: [public, employees, auditors]\n',
      'content/answers/internal.yaml': 'question: "Internal question?"\nanswer: "Yes."\ncategory: Internal\n',
    };
  };

  it('link a citation of a whole policy to the policy’s page, with no section', () => {
    const [answer] = publicView(check(files())).answers;
    expect(answer!.citations.map((citation) => citation.href)).toEqual(['policies/information-security/']);
  });

  it('give the public answers alone in the CSV', () => {
    const csv = publicView(check(files())).answersCsv();
    expect(csv).toContain('Do you require MFA?');
    expect(csv).not.toContain('Internal question?');
  });
});

describe('the trust center’s updates', () => {
  it('are none without changes', () => {
    expect(publicView(check(validProgram())).updates).toEqual([]);
    expect(publicView(check(validProgram()), []).updates).toEqual([]);
  });
});

describe('the trust center’s status by area', () => {
  it('puts each area in the category of its criteria', () => {
    let files = edit(
      validProgram(),
      PROGRAM,
      'scope: [security]',
      'scope: [security, availability]\ntrust_center_status: true',
    );
    files = {
      ...files,
      'content/controls/AV-01.mdx': files['content/controls/BASE-01.mdx']!.replace('id: BASE-01', 'id: AV-01').replace(
        /criteria: \[[^\]]*\]/,
        'criteria: [A1.2]',
      ),
    };
    const areas = publicView(check(files)).statusByArea!;
    const categories = new Map(areas.map((area) => [area.area, area.category]));
    expect([...new Set(categories.values())].sort()).toEqual(['availability', 'security']);
    const availability = areas.filter((area) => area.category === 'availability');
    expect(availability).toHaveLength(1);
    expect(availability[0]!.total).toBe(1);
  });

  it('gives an area of a criterion the catalogue does not know no category, rather than failing', () => {
    let files = edit(validProgram(), PROGRAM, 'scope: [security]', 'scope: [security]\ntrust_center_status: true');
    files = {
      ...files,
      'content/controls/ZZ-01.mdx': files['content/controls/BASE-01.mdx']!.replace('id: BASE-01', 'id: ZZ-01').replace(
        /criteria: \[[^\]]*\]/,
        'criteria: [ZZ9.9]',
      ),
    };
    const areas = publicView(check(files)).statusByArea!;
    expect(areas.find((area) => area.area === 'ZZ9')).toMatchObject({ category: undefined, total: 1 });
  });
});
