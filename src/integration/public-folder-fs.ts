/**
 * The program's `public/` folder, which Astro copies into every site as it is, following links. Before a build,
 * each entry must be what its path says: no link that leads out of the folder (a link to /etc/passwd or to
 * content/people.yaml would publish that file), and no dot-file or dot-folder (`.env`, `.git/`, editor
 * leftovers), except `.well-known/`, where the web looks for security.txt and the like.
 */
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** What is wrong with one entry of `public/`: its path there, and why the build will not publish it. */
export interface PublicEntryProblem {
  path: string;
  reason: string;
}

export function publicFolderProblems(folder: string): PublicEntryProblem[] {
  let top: string;
  try {
    top = realpathSync(folder);
  } catch {
    return []; // No public/ folder: nothing to copy.
  }
  const problems: PublicEntryProblem[] = [];
  const visit = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      const shown = relative(folder, path).split(sep).join('/');
      if (entry.name.startsWith('.') && shown !== '.well-known') {
        problems.push({ path: shown, reason: 'a dot-file or dot-folder, which is never meant to be published' });
        continue;
      }
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path);
        } catch {
          problems.push({ path: shown, reason: 'a link to nothing' });
          continue;
        }
        const inside = target === top || target.startsWith(`${top}${sep}`);
        if (!inside) problems.push({ path: shown, reason: 'a link to a file outside public/' });
        // A link that stays inside leads to an entry this walk reads anyway.
        continue;
      }
      if (entry.isDirectory()) visit(path);
      else if (!lstatSync(path).isFile()) problems.push({ path: shown, reason: 'not a regular file' });
    }
  };
  visit(folder);
  return problems;
}
