/**
 * The Astro integration. Before anything is built it checks the program: errors fail `astro build` with the
 * findings `trustbook check` prints, and `astro dev` shows them and keeps serving. After the build it splits
 * the output into the three sites, indexes each for search, scans each for leaks, and only then replaces `dist/`.
 */
// The middleware's types merge into Astro's global `App.Locals`: a declaration with nothing to import.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./locals.d.ts" />
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatPretty } from '../report/findings-text.ts';
import { documentKindList } from '../engine/document-kinds.ts';
import { checkProject, UsageError, type CheckResult } from '../engine/index.ts';
import { isDeployBuild, secretState } from '../engine/grants.ts';
import { GrantFileError, sealGrants, type GrantFile, type GrantLogEntry } from '../trust-center/grant-files.ts';
import { heldSiteData, SITE_DATA_MODULE, SITE_DATA_SPECIFIER, setSiteData } from '../site/data.ts';
import { replayTrustHistory, type HistoricalSubject } from '../trust-center/trust-updates.ts';
import { publicView, withheldRoutes } from '../site/views.ts';
import { sites } from '../site/sites.ts';
import { findingsError, reportingFindings } from './findings-error.ts';
import { readGitHistory } from './git-history.ts';
import { envFilesWithSecret, takeGrantSecret } from './grant-secret.ts';
import { readTrustHistory } from './trust-history.ts';
import { GRANT_LOG_FILE, writeGrantLog } from './grant-log-fs.ts';
import { publicFolderProblems } from './public-folder-fs.ts';
import { collectGarbage } from './collect-garbage.ts';
import { publishPaths, publishSites } from './publish.ts';
import { grantRoutes, routes } from './routes.ts';
import { safeLinksPlugin } from './safe-links-plugin.ts';
import { taskLabelsPlugin } from './task-labels-plugin.ts';
import { readTrustDocumentFiles } from './trust-documents-fs.ts';

/** The package's own folder: `src/integration/` (or `lib/integration/` once compiled) is two levels below it. */
const packageRoot = new URL('../../', import.meta.url);

export interface TrustbookOptions {
  /** Evaluate dates as of this day instead of TRUSTBOOK_AS_OF, the program's `as_of`, or today. */
  asOf?: string;
  /**
   * The leak scan. `allow`: one-word names (a vendor's, a person's) that are ordinary words on this program's
   * sites, so the scan does not look for them (see `commonWords` in src/integration/leak-scan-words.ts).
   */
  leakScan?: { allow?: string[] };
}

/** Folders whose documents get a revision history. */
const historyFolders = documentKindList.filter((info) => info.history).map((info) => info.path);

export default function trustbook(options: TrustbookOptions = {}): AstroIntegration {
  // Read once, when the configuration is loaded: gone from the environment before any body can run.
  const grantSecret = takeGrantSecret();
  let root = '';
  let result: CheckResult | undefined;
  let historical: HistoricalSubject[] = [];
  const check = (logger: AstroIntegrationLogger, command: string) => {
    const started = performance.now();
    try {
      result = checkProject(root, {
        asOf: options.asOf,
        envAsOf: process.env.TRUSTBOOK_AS_OF,
        grantSecret,
        deploy: command === 'build' && isDeployBuild(process.env),
      });
    } catch (error) {
      if (error instanceof UsageError) throw findingsError(error.message, error.hint);
      throw error;
    }
    const report = formatPretty(result, Math.round(performance.now() - started));
    const { errors, warnings } = result.summary;
    if (errors > 0 && command === 'build') {
      throw findingsError(
        `The compliance check found ${errors} error${errors === 1 ? '' : 's'}; nothing was built.\n\n${report}`,
        'Fix each finding as its `fix:` line says, then build again. `npm run check` shows the same list faster.',
      );
    }
    if (errors > 0 || warnings > 0) logger.warn(report);
    else logger.info(report.split('\n').slice(-3).join('\n'));
    const trust = replayTrustHistory(readTrustHistory(root));
    historical = trust.subjects;
    setSiteData({
      result,
      history: readGitHistory(root, historyFolders),
      trustChanges: trust.changes,
      grantFiles: [],
      trustDocumentFiles: readTrustDocumentFiles(
        root,
        publicView(result).servedDocuments.map((document) => document.data.file!),
      ),
    });
  };
  /** What the build gave to whom, written beside the sites once they are published. */
  let grantLog: GrantLogEntry[] = [];
  /** Stamps and encrypts what the grants give: only for a build, after a check without errors. */
  const sealGrantFiles = async (): Promise<GrantFile[]> => {
    if (!result) return [];
    try {
      const sealed = await sealGrants(result, root, grantSecret);
      grantLog = sealed.log;
      return sealed.files;
    } catch (error) {
      if (!(error instanceof GrantFileError)) throw error;
      throw findingsError(`${error.file}: ${error.message}; nothing was built.`, error.hint);
    }
  };

  return {
    name: 'trustbook',
    hooks: {
      'astro:config:setup': ({ config, command, logger, updateConfig, injectRoute, addMiddleware }) =>
        reportingFindings(logger, async () => {
          root = fileURLToPath(config.root);
          // What would put a file or the secret on the sites as they are stops the build before the findings do.
          if (command === 'build') refuseSecretInEnvFiles(root);
          if (command === 'build') refuseUnsafePublicFiles(fileURLToPath(config.publicDir));
          if (command === 'build' || command === 'dev') check(logger, command);
          const sealed = command === 'build' ? await sealGrantFiles() : [];
          if (result) setSiteData({ ...heldSiteData()!, grantFiles: sealed });
          // A public file made from a program field that still holds a template default is not built at all.
          const withheld = result ? withheldRoutes(result) : new Set<string>();
          // No grant at all (or no secret to seal one with): no access page, and no files for one. A program whose
          // grants are all revoked keeps the page, so an old link says it opens nothing rather than "not found".
          const keepsAccessPage =
            sealed.length > 0 ||
            (command === 'build' && secretState(grantSecret) === 'set' && (result?.model.grants.length ?? 0) > 0);
          if (!keepsAccessPage) for (const route of grantRoutes) withheld.add(route);
          for (const route of routes) {
            if (withheld.has(route.entrypoint)) continue;
            injectRoute({ pattern: route.pattern, entrypoint: new URL(`src/routes/${route.entrypoint}`, packageRoot) });
          }
          // Before any page renders, its site's view, links and frame go on `Astro.locals.trustbook`.
          addMiddleware({ entrypoint: new URL('src/integration/locals.ts', packageRoot), order: 'pre' });
          // Scripts and styles stay in files, never inline, so the Content Security Policy needs no 'unsafe-inline'.
          // Four pages render at a time: one renders while another's file is written. Pages share nothing but
          // the checked program, which no page changes (the sample's output is byte-identical either way).
          updateConfig({
            build: { inlineStylesheets: 'never', concurrency: 4 },
            vite: {
              plugins: [siteDataHandOver()],
              build: { assetsInlineLimit: 0, rollupOptions: { onwarn: quietDirectiveWarnings } },
            },
            // Astro's own Markdown processor, with task list boxes named by their items and no link that runs
            // script (MDX inherits it).
            markdown: { processor: satteri({ hastPlugins: [taskLabelsPlugin, safeLinksPlugin] }) },
            integrations: [mdx()],
          });
          if (command === 'build') updateConfig({ outDir: pathToFileURL(join(root, '.trustbook/astro/')) });
        }),
      'astro:server:setup': ({ server, logger }) => {
        const watched = /(content|policies|evidence-index)\/.*\.(mdx?|ya?ml)$/;
        server.watcher.on('all', (_event, path) => {
          if (!watched.test(path)) return;
          try {
            check(logger, 'dev');
          } catch (error) {
            logger.error(error instanceof Error ? error.message : String(error));
          }
        });
      },
      'astro:build:done': ({ logger }) =>
        reportingFindings(logger, async () => {
          if (!result) return;
          // What rendering left on the heap goes before publishing reads every page again (see the module).
          collectGarbage();
          const outcome = await publishSites(result, publishPaths(root), {
            grantSecret,
            history: historical,
            allow: options.leakScan?.allow,
          });
          if (!outcome.ok) {
            const lines = [...outcome.leaks].flatMap(([site, found]) =>
              found.map((leak) => `  ${site}/${leak.file}: "${leak.text}" (from ${leak.source})`),
            );
            throw findingsError(
              `The leak scan found text that a site's audience may not see; dist/ was left as it was.\n${lines.join('\n')}`,
              'A page rendered content from a document outside its audience: check the document’s `audience`, or the page that shows it. An archive the scan cannot open goes out unpacked, or as zip, gzip or tar.',
            );
          }
          if (grantLog.length > 0) {
            writeGrantLog(join(root, 'dist'), result.summary.asOf, grantLog);
            logger.info(`grant log: dist/${GRANT_LOG_FILE} (${grantLog.length} current grants, not on any site)`);
          }
          logger.info(`search: ${sites.map((site) => `${site} ${outcome.pages[site]} pages`).join(', ')}`);
          logger.info(`leak scan clean; wrote ${sites.map((site) => `dist/${site}/`).join(', ')}`);
        }),
    },
  };
}

/**
 * The hand-over from the integration to the pages and the content loader: `virtual:trustbook/data` is this
 * package's own data module, loaded by Node itself (not by the bundle or Vite's module runner), so the pages
 * Astro renders in this process and the loader share the very instance the check filled.
 */
function siteDataHandOver() {
  const resolved = '\0trustbook:site-data';
  return {
    name: 'trustbook:site-data',
    enforce: 'pre' as const,
    resolveId(id: string) {
      return id === SITE_DATA_SPECIFIER ? resolved : undefined;
    },
    load(id: string) {
      if (id !== resolved) return undefined;
      // Node's require of an ES module returns the instance its own import made (Node 22.12+).
      return [
        `import { createRequire } from 'node:module';`,
        `const data = createRequire(import.meta.url)(${JSON.stringify(fileURLToPath(SITE_DATA_MODULE))});`,
        `export const { siteData, heldSiteData, setSiteData, SITE_DATA_MODULE, SITE_DATA_SPECIFIER } = data;`,
      ].join('\n');
    },
  };
}

/** Stops a build before anything is written when `public/` holds an entry that is not what its path says. */
function refuseUnsafePublicFiles(folder: string): void {
  const problems = publicFolderProblems(folder);
  if (problems.length === 0) return;
  throw findingsError(
    `public/ holds ${problems.length === 1 ? 'an entry' : `${problems.length} entries`} the sites would publish as they are; nothing was built.\n${problems.map((problem) => `  public/${problem.path}: ${problem.reason}`).join('\n')}`,
    'Every file in public/ is copied to all three sites. Replace a link with the file itself (if it belongs on the sites), and delete dot-files; only .well-known/ may start with a dot.',
  );
}

/** Stops a build whose `.env` files hold the grant secret: Vite would hand it to every page as `import.meta.env`. */
function refuseSecretInEnvFiles(root: string): void {
  const files = envFilesWithSecret(root);
  if (files.length === 0) return;
  throw findingsError(
    `${files.join(', ')} ${files.length === 1 ? 'defines' : 'define'} TRUSTBOOK_GRANT_SECRET, which the build would hand to every page as import.meta.env; nothing was built.`,
    'Delete the line (and rotate the secret if the file was ever committed: `trustbook grant secret`). Give the secret to the deploy step only, as an environment secret.',
  );
}

/**
 * Bundling MDX modules warns once per file that a module-level directive Astro adds may not be preserved;
 * it is harmless, and a thousand documents make a thousand lines that bury the findings.
 */
function quietDirectiveWarnings(warning: { code?: string }, warn: (warning: never) => void): void {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
  warn(warning as never);
}
