/** The `trustbook` command: picks a subcommand and turns its outcome, or its failure, into an exit code. */
import { readFileSync } from 'node:fs';
import { UsageError } from '../engine/index.ts';
import { EXIT_CLEAN, EXIT_USAGE, type Io } from './io.ts';

export { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, type Io } from './io.ts';

const usage = `Usage: trustbook <command> [options]      (trustbook --version says which version this is)

Commands:
  check                         validate the program and report every finding
  todo                          the next steps, in the order of the SOC 2 checklist (--format json)
  init [FOLDER] [--org NAME]    start a new program (a repository of its own in a new FOLDER; --from TARBALL)
  new <kind> <id>               add a document: policy, control, evidence, procedure, risk or vendor
  report                        the readiness and gap report
  export [csv|pbc|json|oscal]   control matrix, PBC request list, the model, an OSCAL component definition
  export soa                    the ISO/IEC 27001 Statement of Applicability, as CSV and XLSX
  map suggest --to iso27001|csf citations of another framework each control's criteria lead to through the
                                crosswalk, for a person to confirm (writes nothing; never counts as coverage)
  evidence add <id>             record a collected artifact in an evidence series
  sample                        draw the sample an auditor would test, into evidence-index/samples/
  audit                         a mock audit: the workpaper of the sampled items, as HTML and CSV
  requests import FILE          read the audit firm's request list (.csv or .xlsx) into content/requests/
  import comply DIR             a program kept in the comply layout as Trustbook documents, with a report of
                                what a person must still decide (import-report.md)
  import markdown DIR --kind policy|procedure
                                a folder of GitHub-flavoured Markdown as policies or procedures
  import mapping FILE           a mapping you downloaded (CSV, or the SCF workbook or an AICPA mapping as .xlsx),
                                kept in mappings/ with its attribution and used only by map suggest
  answers export                the answer library in a questionnaire layout (--format csv|xlsx, --out FILE,
                                --audience public|all)
  acknowledgements import FILE  record policy acknowledgements from a form's CSV export
  grant add                     let a person read documents under NDA until a day, and print their link
  grant link <id>               print a grant's link again (both need TRUSTBOOK_GRANT_SECRET); a link is a
                                bearer key: whoever holds it opens the documents, so send it to one person
  grant rekey <id>              give a grant a new salt and a new link (the old link stops opening)
  grant revoke <id>             withdraw a grant: from the next build its link opens nothing (--reason TEXT)
  grant secret                  print a new TRUSTBOOK_GRANT_SECRET (32 random bytes)
  pdf                           every policy as a PDF, and a policy book (needs a build and Chromium)
  preview                       serve the three built sites on 127.0.0.1 (ports 4321, 4322, 4323)
  templates diff                after an upgrade: documents whose template changed since init, Trustbook's
                                change shown apart from your own edits
  templates apply [PATH...]     carry the templates' changes into those documents, keeping your edits (a
                                document where both changed the same section is left for you)
  sync [CLIENT...]              in a partner workspace: carry the library's changes into each client's program
                                (--check: write nothing, exit 1 when a client is behind; --markers: write
                                conflicting sections with conflict markers instead of leaving the client as it
                                is; --answer KEY=VALUE with one CLIENT: give or change an answer to a library
                                question; --pr-body DIR: write DIR/CLIENT.md, a pull request's account of
                                the sync, for each client behind)
  init --workspace [DIR]        start a partner workspace: the workspace file, a library from the templates,
                                package.json, .gitignore and the workflow (--partner NAME)
  client add NAME               a new client program from the library, asking the library's questions
                                (--answer KEY=VALUE, once per answer, asks nothing; --overlay DIR; --path DIR)
  client detach NAME            a client leaves the workspace with its program as it is (no more syncs)
  build --workspace [CLIENT...] each client's three sites into dist/<client>/; a failed client does not stop
                                the others, and the summary and exit code name it; then the partner's private
                                portfolio into dist/portfolio/ (--portfolio: only that; one program: npm run build)
  ci matrix --shards N          the clients in N shards (at most 256) as a GitHub Actions matrix, in JSON
  caddy                         a Caddyfile: the trust center open, the other two sites behind your sign-on
  verify-deploy                 check the three live sites from outside (access refused, right build, no leak)

check:
  --as-of YYYY-MM-DD            evaluate dates as of this day (else TRUSTBOOK_AS_OF, program as_of, today)
  --format pretty|json|github
  --upcoming DAYS               also list what falls due in the next DAYS days, soonest first
  --all                         list every finding (pretty output groups a code with 5 or more)
  --root DIR                    the program's folder (default: the current folder)
  --workspace                   in a partner workspace: check every client, one table and each client's
                                findings (--root is then the workspace folder)
  --jobs N                      with --workspace: clients checked at once, each in a worker thread (default:
                                one per core, and one per 50 clients at most; 1 checks them in this process)

report:
  --format md|json|html         (default md) with --as-of and --root as for check
  --workspace                   in a partner workspace: readiness per client and one worklist across clients,
                                soonest first (--format md|atom)

export:
  --out DIR                     where to write the files (default: exports/); no kind writes all four
                                (the Statement of Applicability only when named)
  crosswalk                     Trustbook's crosswalk to ISO 27001 and CSF (crosswalk.csv, crosswalk.json);
                                written only when named, and needs no program

map suggest:
  --to iso27001|csf             the framework to suggest citations of
  --format text|json            (default text)
  --root DIR                    the program's folder

import mapping FILE:
  --to iso27001|csf             the framework the file maps the SOC 2 criteria to (required)
  --source TEXT, --licence TEXT who published it and under what terms, as they state them, kept in its
                                ATTRIBUTION.md (required; asked for in a terminal)
  --source-version TEXT         its edition (an SCF workbook's is read from its sheet's name)
  --attribution TEXT            a note of your own kept beside them (alone, it stands for both)
  --name NAME                   writes mappings/NAME/ (default: the file's name)
  --sheet NAME                  the workbook's sheet to read (default: the first with a header row it knows)
  --map source=COL,target=COL   the headers of the criteria's and the target ids' columns (a CSV's also
                                relationship=, rationale=); by default found by header (CSV: source, target,
                                relationship, rationale; workbooks: SCF's and AICPA's own)
  --root DIR                    the program's folder

evidence add <id>:
  --file PATH | --url URL       the artifact: a file in the repository (hashed) or a link
  --collected YYYY-MM-DD        when it was collected (required)
  --period P                    the period it covers: 2026, 2026-H1, 2026-Q1, 2026-03, 2026-W05
  --note TEXT

sample:
  --seed N                      where the systematic selection starts (default: the recorded seed, else random)
  --control ID                  draw again for one control only, keeping the rest of the recorded sample
  --redraw                      replace the recorded sample of the window

grant add:
  --name, --email, --organization
                                who is given the documents (all three required)
  --nda-version SHA256          the NDA version the request names (what the requester accepted; at least 12
                                characters); it must be the text in effect on the grant's first day
  --documents ID,ID             the trust documents under NDA (default: every one the trust center offers)
  --granted D, --expires D      the first and last day (default: the evaluation date, and 90 days on; or --days N)
  --root DIR                    as for check; writes content/trust/grants/<organization>-<month>.yaml

acknowledgements import FILE:
  --map person=COL,policy=COL,version=COL,date=COL[,sha256=COL]
                                the CSV column of each field (headers matched without case); without sha256,
                                the current text's hash is recorded for rows of the current version
  --as-of D, --root DIR         as for check; writes content/acknowledgements/<as-of>-<file>.yaml

audit:
  --out DIR                     where to write workpaper.html and workpaper.csv (default: audit/ in the program)
  --as-of D, --root DIR         as for check

requests import FILE:
  --map id=COL,request=COL      the firm's column names (also criteria=, controls=, evidence=); by default
                                found by header (id, request, criteria, controls, evidence)
  --name NAME                   writes content/requests/NAME.yaml (default: the audit firm's name)
  --replace                     import over an existing list (its confirmed mappings are lost)
  --root DIR                    the program's folder

import comply|markdown DIR:
  --root DIR                    the program the documents join (default: the current folder)
  --out DIR                     write them into this folder instead, to review before copying them in
                                (an existing file is never replaced: the import then writes nothing)

pdf:
  --out DIR                     where to write the PDFs (default: pdf/)

preview:
  --port N                      the first of three ports (default 4321)

caddy:                          (after a build; see docs/going-live.md)
  --public, --employees, --auditors ADDRESS
                                each site's address: a host (trust.example.com), host:port, or :port;
                                http:// in front for plain HTTP
  --forward-auth URL            the SSO proxy's check endpoint (default path /oauth2/auth, oauth2-proxy's)
  --basic-auth USER             or, at the least, one user and a bcrypt hash (\`caddy hash-password\`) from
  --password-hash HASH          this flag, else from TRUSTBOOK_BASIC_AUTH_HASH when Caddy starts
  --dist DIR                    the built sites (default dist/)
  --out FILE                    where to write it (default Caddyfile; - prints it); --force replaces a file

verify-deploy:
  --public, --employees, --auditors URL
                                the three live sites (all three required)
  --dist DIR                    the build they should serve (default dist/, when built)
  --evaluated YYYY-MM-DD        without a build: the day the trust center's trust.json must name
  --as-of YYYY-MM-DD            judge security.txt's expiry on this day (default: today)
  --wait SECONDS                retry the build check while a CDN still serves the previous build

init:                           in a terminal, asks for each answer below that no flag gives (Enter takes
                                the default); with flags alone, or --yes, it asks nothing
  --org NAME                    the organization (default: from the new folder's name)
  --system NAME                 the system the report describes (default: "<org> Platform")
  --scope LIST                  categories in scope, comma-separated: security (always), availability,
                                confidentiality, processing-integrity, privacy
  --website URL, --contact EMAIL
                                the public website and security contact (default: example.com placeholders,
                                reported by the check until replaced)
  --type II|I                   the report type (default II)
  --start, --end YYYY-MM-DD     the Type II window (default: 12 months from the first month 90 days away)
  --date YYYY-MM-DD             the Type I report date
  --auditor NAME                the audit firm, once chosen
  --yes                         ask nothing: flags and defaults only
  --dir DIR                     where to write the program (default: the current folder)
  --from TGZ|DIR                install Trustbook in the new repository from a packed tarball or its folder
  --as-of YYYY-MM-DD            the date written as approval and review dates (default: today)

new:
  --title TEXT                  the document's title (default: from the id)
  --control ID                  for evidence: the control it proves (default: the id without "EV-")
  --root DIR                    the program's folder

Exit codes: 0 success (warnings allowed), 1 findings, 2 usage or I/O error.`;

type Command = (args: string[], io: Io) => number | Promise<number>;

/** The installed package's version, from its package.json (two folders up from `src/cli/` or `lib/cli/`). */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

/** Each command is loaded when it runs, so `check` never pays for the browser `pdf` needs. */
const commands: Record<string, () => Promise<Command>> = {
  check: async () => (await import('./commands/check.ts')).runCheck,
  init: async () => (await import('./commands/init.ts')).runInit,
  new: async () => (await import('./commands/new.ts')).runNew,
  report: async () => (await import('./commands/report.ts')).runReport,
  export: async () => (await import('./commands/export.ts')).runExport,
  evidence: async () => (await import('./commands/evidence.ts')).runEvidence,
  sample: async () => (await import('./commands/sample.ts')).runSample,
  audit: async () => (await import('./commands/audit.ts')).runAudit,
  requests: async () => (await import('./commands/requests.ts')).runRequests,
  answers: async () => (await import('./commands/answers.ts')).runAnswers,
  grant: async () => (await import('./commands/grant.ts')).runGrant,
  acknowledgements: async () => (await import('./commands/acknowledgements.ts')).runAcknowledgements,
  pdf: async () => (await import('./commands/pdf.ts')).runPdf,
  preview: async () => (await import('./commands/preview.ts')).runPreview,
  templates: async () => (await import('./commands/templates.ts')).runTemplates,
  todo: async () => (await import('./commands/todo.ts')).runTodo,
  sync: async () => (await import('./commands/sync.ts')).runSync,
  client: async () => (await import('./commands/client.ts')).runClient,
  build: async () => (await import('./commands/build.ts')).runBuild,
  ci: async () => (await import('./commands/ci.ts')).runCi,
  caddy: async () => (await import('./commands/caddy.ts')).runCaddy,
  'verify-deploy': async () => (await import('./commands/verify-deploy.ts')).runVerifyDeploy,
  import: async () => (await import('./commands/import.ts')).runImport,
  map: async () => (await import('./commands/map.ts')).runMap,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      // Called without a command: a usage error, so the usage goes to stderr (stdout may be piped to a tool).
      io.stderr(usage);
      return EXIT_USAGE;
    }
    if (command === 'help' || command === '--help' || command === '-h') {
      io.stdout(usage);
      return EXIT_CLEAN;
    }
    if (command === 'version' || command === '--version' || command === '-v') {
      io.stdout(`trustbook ${packageVersion()}`);
      return EXIT_CLEAN;
    }
    const load = commands[command];
    if (!load) throw new UsageError(`unknown command "${command}"`, 'Run `trustbook --help` for the list of commands.');
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.stderr(`trustbook: ${error.message}\n  fix: ${error.hint}`);
    return EXIT_USAGE;
  }
  const errno = error as NodeJS.ErrnoException | undefined;
  if (errno?.code && /^E[A-Z]+$/.test(errno.code)) {
    io.stderr(
      `trustbook: cannot access ${errno.path ?? 'a file'} (${errno.code})\n  fix: check that it exists and is readable.`,
    );
    return EXIT_USAGE;
  }
  io.stderr(
    `trustbook: internal error: ${error instanceof Error ? error.message : String(error)}\n  This is a bug in trustbook; set TRUSTBOOK_DEBUG=1 for details.`,
  );
  if (io.env.TRUSTBOOK_DEBUG && error instanceof Error) io.stderr(error.stack ?? '');
  return EXIT_USAGE;
}
