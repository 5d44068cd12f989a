// `npm run bench:sync` (or `npx tsx scripts/bench-sync.ts [webdav|webdav-default-etags|remotestorage]`): sync's first
// upload and small changes against real servers on 127.0.0.1, Apache mod_dav and armadietto
// (scripts/lib/bench-sync.ts). Needs Debian's apache2 and apache2-utils. Reports, exits 0.
import { libraryCorpus } from '../testing/fixtures/library-corpus';
import { printSyncServerBench, runSyncServerBench, type BenchServer } from './lib/bench-sync';

const SERVERS: readonly BenchServer[] = ['webdav', 'webdav-default-etags', 'remotestorage'];

async function main(): Promise<void> {
  const asked = process.argv.slice(2).filter((arg): arg is BenchServer => (SERVERS as readonly string[]).includes(arg));
  const servers = asked.length > 0 ? asked : SERVERS;
  const corpus = libraryCorpus({ notes: 10_000, articles: 5_000 });
  console.log(`sync: ${corpus.annotations.length} notes, ${corpus.articles.length} articles`);
  for (const server of servers) printSyncServerBench(await runSyncServerBench(server, corpus));
}

await main();
