/**
 * The files of a new partner workspace (`trustbook init --workspace`): the workspace file, a library seeded from
 * the package's templates with the client's values left as variables for the library's questions, a
 * `.gitignore`, a package.json that installs Trustbook, and the workspace workflow. Nothing here touches the
 * disk; the templates are read through the reader passed in.
 */
import { PROGRAM_FILE } from '../engine/model.ts';
import { programFiles } from '../scaffold/program-tree.ts';
import type { PackageFacts } from '../scaffold/repository-files.ts';
import { packageName } from '../scaffold/repository-files.ts';
import { placeholdersAsVariables } from './variables.ts';
import { libraryFile, workspaceFile } from './workspace-paths.ts';

/** The questions the seeded library asks each client: the values the package's templates are written with. */
const seededQuestions = `questions:
  - id: organization
    ask: The client's legal name (Acme, Inc.)
  - id: system
    ask: The system the client's SOC 2 report describes (Acme Cloud Platform)
  - id: website
    ask: The client's public website
    type: url
    default: https://example.com # a placeholder the check reports until it is replaced
  - id: contact
    ask: The client's security contact
    type: email
    default: security@example.com
`;

export interface NewWorkspace {
  partner: string;
  /** The folder's name, for package.json. */
  folder: string;
  today: string;
  facts: PackageFacts;
  readTemplate: (path: string) => string;
}

export function workspaceFiles(workspace: NewWorkspace): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    workspaceFile,
    `# A partner workspace: one reviewed library, the client programs that take it. Fields: docs/workspace.md.
partner: "${workspace.partner}"
library: library
# The clients: \`trustbook client add NAME\` creates a client's program from the library and lists it here.
clients: []
`,
  );
  files.set(
    `library/${libraryFile}`,
    `# The library every client takes. Raise the version with every change clients should take (trustbook sync).
name: "${workspace.partner} baseline"
version: 1
# Each client answers these when it is added (trustbook client add). A body's <Var name="id" /> shows the
# answer when the client's sites are built; a {{id}} (frontmatter, or before a full stop) is filled in by sync.
${seededQuestions}`,
  );
  // The package's own templates, with the values a client gives left as {{variables}}: the templates use the
  // same placeholders, so filling them with their own names keeps them. A body's then become <Var>, bound at
  // build time, so a changed answer never reaches a merge; the rest are bound by sync per client.
  const documents = programFiles({
    organization: '{{organization}}',
    system: '{{system}}',
    website: '{{website}}',
    contact: '{{contact}}',
    scope: ['security'],
    today: workspace.today,
  });
  for (const [path, text] of documents) {
    // The program file and the people are each client's own, written by `client add`.
    if (path === PROGRAM_FILE || path === 'content/people.yaml') continue;
    files.set(`library/${path}`, path.endsWith('.mdx') ? placeholdersAsVariables(text) : text);
  }
  const manifest = {
    name: packageName(workspace.folder),
    version: '0.0.0',
    private: true,
    type: 'module',
    scripts: {
      check: 'trustbook check --workspace',
      sync: 'trustbook sync',
      build: 'trustbook build --workspace',
      report: 'trustbook report --workspace',
    },
    dependencies: { astro: workspace.facts.astro, trustbook: `^${workspace.facts.version}` },
    optionalDependencies: workspace.facts.node,
  };
  files.set('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
  // npm leaves files named .gitignore out of a package, so the template has no dot.
  files.set('.gitignore', workspace.readTemplate('workspace/gitignore'));
  files.set('.github/workflows/workspace.yml', workspace.readTemplate('workspace/workspace.yml'));
  return files;
}
