/**
 * The guided `trustbook init`: in a terminal, it asks for what a new program needs, one question at a time with
 * a default Enter takes, and skips whatever a flag already says. Nothing is written until every answer is in.
 */
import { categoryLabels, type Category } from '../../catalog/index.ts';
import {
  firstAuditWindow,
  isOnRecord,
  missingRecords,
  starterRoles,
  type KeyPerson,
  type NewAudit,
  type NewProgram,
} from '../../scaffold/program-files.ts';
import {
  DEFAULT_WEBSITE,
  categoryLines,
  defaultContact,
  defaultSystem,
  defaultWindowEnd,
  personId,
  readDate,
  readEmail,
  readReportType,
  readText,
  readWebsite,
  readYesNo,
  type Read,
} from '../../scaffold/new-program.ts';
import { askFor, type Ask } from '../interview.ts';

/** What the flags already say; the guided init asks for the rest. */
export interface KnownAnswers {
  organization?: string | undefined;
  system?: string | undefined;
  website?: string | undefined;
  contact?: string | undefined;
  scope?: Category[] | undefined;
  audit?: NewAudit | undefined;
  /** The organization name to offer when none was given: from the new folder's name. */
  suggestedOrganization?: string | undefined;
  today: string;
}

/** The roles whose holders the guided init asks for: the people every policy names as owner and approver. */
const keyRoles = starterRoles.filter(([id]) => id === 'ceo' || id === 'security-lead');

export async function guidedProgram(known: KnownAnswers, ask: Ask, say: (text: string) => void): Promise<NewProgram> {
  say('A few questions about the program; Enter takes the answer in brackets. Nothing is written until the end.\n');
  const question = <T>(prompt: string, read: (answer: string) => Read<T>, fallback?: string) =>
    askFor(ask, say, { prompt, read, ...(fallback === undefined ? {} : { default: fallback }) });
  const required = (name: string) => (answer: string) =>
    answer === '' ? { problem: `the ${name} is needed` } : readText(name, answer);
  const optional =
    (name: string) =>
    (answer: string): Read<string | undefined> =>
      answer === '' ? { value: undefined } : readText(name, answer);

  const organization =
    known.organization ??
    (await question('Organization, as its legal name', required('organization'), known.suggestedOrganization));
  const system =
    known.system ??
    (await question('The system the SOC 2 report describes', required('system'), defaultSystem(organization)));
  const website =
    known.website ??
    (await question(
      'Public website (Enter keeps a placeholder the check reports until you change it)',
      readWebsite,
      DEFAULT_WEBSITE,
    ));
  const contact =
    known.contact ??
    (await question(
      'Security contact, for report requests and vulnerability reports',
      readEmail,
      defaultContact(website),
    ));

  let scope = known.scope;
  if (!scope) {
    say(`\n${categoryLabels.security} is always in scope. The other Trust Services Categories:`);
    scope = ['security'];
    for (const [category, line] of Object.entries(categoryLines) as [Exclude<Category, 'security'>, string][]) {
      if (await question(`  ${categoryLabels[category]}: ${line}. In scope? (y/n)`, readYesNo, 'n'))
        scope.push(category);
    }
  }

  let audit = known.audit;
  if (!audit) {
    say('');
    const type = await question(
      'Report type: II (controls operating over a window) or I (designed, as of one date)',
      readReportType,
      'II',
    );
    const first = firstAuditWindow(known.today);
    let when: { type: 'I'; date: string } | { type: 'II'; period: { start: string; end: string } };
    if (type === 'I') {
      when = { type, date: await question('Type I report date (YYYY-MM-DD)', readDate, first.start) };
    } else {
      const start = await question('First day of the audit window (YYYY-MM-DD)', readDate, first.start);
      const after = (answer: string): Read<string> => {
        const read = readDate(answer);
        return 'value' in read && read.value <= start ? { problem: `the window must end after ${start}` } : read;
      };
      const end = await question('Last day of the audit window', after, defaultWindowEnd(start));
      when = { type, period: { start, end } };
    }
    audit = { ...when, auditor: await question('Audit firm, if chosen (Enter if not yet)', optional('auditor')) };
  }

  say('\nWho holds the key roles? Each policy names them as owner or approver. Enter skips one for now.');
  const keyPeople: KeyPerson[] = [];
  const taken = new Set<string>();
  for (const [role, title] of keyRoles) {
    const name = await question(`  ${title}: name`, optional('name'));
    if (!name) continue;
    const record = (answer: string): Read<string> => {
      const read = readDate(answer);
      return 'value' in read && read.value > known.today
        ? { problem: `a date after today (${known.today}) is not a record yet` }
        : read;
    };
    const ifAny = (answer: string): Read<string | undefined> => (answer === '' ? { value: undefined } : record(answer));
    const hired = await question(`  ${name}'s first day at ${organization} (YYYY-MM-DD)`, record);
    const background_check = await question(
      `  ${name}'s background check, completed on (Enter if none on record)`,
      ifAny,
    );
    const trained = await question(`  ${name}'s last security awareness training (Enter if none on record)`, ifAny);
    const id = personId(name, taken);
    taken.add(id);
    const person = { id, name, role, hired, background_check, trained };
    keyPeople.push(person);
    if (!isOnRecord(person)) {
      say(
        `  Without ${missingRecords(person).join(' or ')} on record, ${name} waits in a comment in content/people.yaml: ` +
          'a staff record without them is an error from the first build. Add the dates when you have them.',
      );
    }
  }
  say('');
  return { organization, system, website, contact, scope, today: known.today, audit, keyPeople };
}
