/**
 * A read worker thread (db/read-pool.ts): its own read-only connection to the database file,
 * serving the app's read jobs (./read-jobs.ts) until the main thread stops it.
 */
import { workerData } from 'node:worker_threads';
import pino from 'pino';
import { openReadOnly } from '../../db/client';
import { serveReads } from '../../db/read-serve';
import { readJobs, workerDepsOf, type ReadSettings } from './read-jobs';

const settings = (workerData as { data: ReadSettings }).data;
const db = openReadOnly(settings.file);
// As the main connection: a search's temp table and sorts stay in memory.
db.$client.pragma('temp_store = MEMORY');
const logger = pino({ level: settings.logLevel, base: { thread: 'read' } });
serveReads(readJobs(), workerDepsOf(db, settings, logger), () => db.$client.close());
