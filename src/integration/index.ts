/**
 * The Astro integration. Before anything is built it checks the program: errors fail `astro build` with the
 * findings `trustbook check` prints, and `astro dev` shows them and keeps serving. After the build it splits
 * the output into the three sites, indexes each for search, scans each for leaks, and only then replaces `dist/`.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { AstroError } from 'astro/errors';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatPretty } from '../cli/format.ts';
import { documentKinds } from '../engine/document-kinds.ts';
import { checkProject, UsageError, type CheckResult } from '../engine/index.ts';
import { GRANT_SECRET_ENV } from '../engine/grants.ts';
import { GrantFileError, grantFiles, type GrantFile } from '../site/grant-files.ts';
import { heldSiteData, SITE_DATA_MODULE, SITE_DATA_SPECIFIER, setSiteData } from '../site/data.ts';
import { replayTrustHistory, type HistoricalSubject } from '../site/trust-updates.ts';
import { withheldRoutes } from '../site/views.ts';
import { sites } from '../site/sites.ts';
import { readGitHistory } from './git-history.ts';
import { readTrustHistory } from './trust-history.ts';
import { publishPaths, publishSites } from './publish.ts';
import { grantRoutes, routes } from './routes.ts';
import { taskLabelsPlugin } from './task-labels-plugin.ts';

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
const historyFolders = documentKinds.filter((info) => info.history).map((info) => info.path);

export default function trustbook(options: TrustbookOptions = {}): AstroIntegration {
  let root = '';
  let result: CheckResult | undefined;
  let historical: HistoricalSubject[] = [];
  const check = (logger: AstroIntegrationLogger, command: string) => {
    const started = performance.now();
    try {
      result = checkProject(root, {
        asOf: options.asOf,
        envAsOf: process.env.TRUSTBOOK_AS_OF,
        grantSecret: process.env[GRANT_SECRET_ENV],
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
      root,
      history: readGitHistory(root, historyFolders),
      trustChanges: trust.changes,
      grantFiles: [],
    });
  };
  /** Stamps and encrypts what the grants give: only for a build, after a check without errors. */
  const sealGrants = async (): Promise<GrantFile[]> => {
    if (!result) return [];
    try {
      return await grantFiles(result, root, process.env[GRANT_SECRET_ENV]);
    } catch (error) {
      if (!(error instanceof GrantFileError)) throw error;
      throw findingsError(`${error.file}: ${error.message}; nothing was built.`, error.hint);
    }
  };

  return {
    name: 'trustbook',
    hooks: {
      'astro:config:setup': async ({ config, command, logger, updateConfig, injectRoute }) => {
        root = fileURLToPath(config.root);
        if (command === 'build' || command === 'dev') check(logger, command);
        const sealed = command === 'build' ? await sealGrants() : [];
        if (result) setSiteData({ ...heldSiteData()!, grantFiles: sealed });
        // A public file made from a program field that still holds a template default is not built at all.
        const withheld = result ? withheldRoutes(result) : new Set<string>();
        // No grant to open: no access page, and no files for one.
        if (sealed.length === 0) for (const route of grantRoutes) withheld.add(route);
        for (const route of routes) {
          if (withheld.has(route.entrypoint)) continue;
          injectRoute({ pattern: route.pattern, entrypoint: new URL(`src/routes/${route.entrypoint}`, packageRoot) });
        }
        // Scripts and styles stay in files, never inline, so the Content Security Policy needs no 'unsafe-inline'.
        // Four pages render at a time: one renders while another's file is written. Pages share nothing but
        // the checked program, which no page changes (the sample's output is byte-identical either way).
        updateConfig({
          build: { inlineStylesheets: 'never', concurrency: 4 },
          vite: {
            plugins: [siteDataHandOver()],
            build: { assetsInlineLimit: 0, rollupOptions: { onwarn: quietDirectiveWarnings } },
          },
          // Astro's own Markdown processor, with task list boxes named by their items (MDX inherits it).
          markdown: { processor: satteri({ hastPlugins: [taskLabelsPlugin] }) },
          integrations: [mdx()],
        });
        if (command === 'build') updateConfig({ outDir: pathToFileURL(join(root, '.trustbook/astro/')) });
      },
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
      'astro:build:done': async ({ logger }) => {
        if (!result) return;
        const outcome = await publishSites(result, publishPaths(root), {
          grantSecret: process.env[GRANT_SECRET_ENV],
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
        logger.info(`search: ${sites.map((site) => `${site} ${outcome.pages[site]} pages`).join(', ')}`);
        logger.info(`leak scan clean; wrote ${sites.map((site) => `dist/${site}/`).join(', ')}`);
      },
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

/** An AstroError without a stack: the findings are the whole story, and a stack trace would bury them. */
function findingsError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}

/**
 * Bundling MDX modules warns once per file that a module-level directive Astro adds may not be preserved;
 * it is harmless, and a thousand documents make a thousand lines that bury the findings.
 */
function quietDirectiveWarnings(warning: { code?: string }, warn: (warning: never) => void): void {
  if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
  warn(warning as never);
}
