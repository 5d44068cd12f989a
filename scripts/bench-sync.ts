// `npm run bench:sync` (or `npx tsx scripts/bench-sync.ts [webdav|remotestorage]`): sync's first
// upload and small changes against real servers on 127.0.0.1, Apache mod_dav and armadietto
// (scripts/lib/bench-sync.ts). Needs Debian's apache2 and apache2-utils. Reports, exits 0.
import { libraryCorpus } from '../testing/fixtures/library-corpus';
import type { ServerKind } from '../testing/servers/sync-servers';
import { printSyncServerBench, runSyncServerBench } from './lib/bench-sync';

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((arg): arg is ServerKind => arg === 'webdav' || arg === 'remotestorage');
  const kinds: ServerKind[] = asked.length > 0 ? asked : ['webdav', 'remotestorage'];
  const corpus = libraryCorpus({ notes: 10_000, articles: 5_000 });
  console.log(`sync: ${corpus.annotations.length} notes, ${corpus.articles.length} articles`);
  for (const kind of kinds) printSyncServerBench(await runSyncServerBench(kind, corpus));
}

await main();
