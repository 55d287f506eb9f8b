/**
 * A read worker as src/http/read-worker.ts, whose jobs named in its settings' `slow` are made
 * artificially slow (./slow-jobs.ts).
 */
import { workerData } from 'node:worker_threads';
import pino from 'pino';
import { openReadOnly } from '../../db/client';
import { serveReads } from '../../db/read-serve';
import { workerDepsOf, type ReadSettings } from '../../src/http/read-jobs';
import { slowReadJobs } from './slow-jobs';

const settings = (workerData as { data: ReadSettings & { slow: Record<string, number> } }).data;
const db = openReadOnly(settings.file);
const logger = pino({ level: 'silent' });
serveReads(slowReadJobs(settings.slow), workerDepsOf(db, settings, logger), () =>
  db.$client.close(),
);
