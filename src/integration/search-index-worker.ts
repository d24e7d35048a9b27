/** Builds a Pagefind index in each folder named on the command line; prints the page counts as JSON. */
import * as pagefind from 'pagefind';

async function indexSite(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`the search index could not be created: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: siteDir });
  if (added.errors.length > 0) throw new Error(added.errors.join('; '));
  const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
  if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  await index.deleteIndex();
  return added.page_count;
}

try {
  const counts = await Promise.all(process.argv.slice(2).map(indexSite));
  process.stdout.write(JSON.stringify(counts));
} finally {
  await pagefind.close();
}
