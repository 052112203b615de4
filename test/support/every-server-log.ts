import { join } from 'node:path';
import { corpusFiles, readCorpus } from '../corpus';
import { readRepoText, repoFiles } from './repo-files';

/** The corpus's server-log folders (../shared/corpus/server-logs/README.md). */
export const CORPUS_SERVER_LOG_FOLDERS = ['asa', 'ios-debug', 'mikrotik', 'other', 'pppd', 'rras', 'strongswan', 'vpn3000'];

/** Every real server log, as [name, text]: the corpus's (`corpus/<folder>/<file>`) and the fixtures' (`real/<file>`). */
export const everyRealServerLog = (): [string, string][] => [
  ...CORPUS_SERVER_LOG_FOLDERS.flatMap((f) => corpusFiles(join('server-logs', f)).map((n) => [`corpus/${f}/${n}`, readCorpus(join('server-logs', f), n)] as [string, string])),
  ...repoFiles('test/fixtures/real/server-logs')
    .filter((n) => n.endsWith('.txt'))
    .map((n) => [`real/${n}`, readRepoText(`test/fixtures/real/server-logs/${n}`)] as [string, string]),
];
