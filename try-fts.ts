import Database from 'better-sqlite3';
const db = new Database('/work/scratch/report-1m.db');
const time = (label: string, fn: () => unknown) => { const c0 = process.cpuUsage(); const t = performance.now(); const r = fn(); const c = process.cpuUsage(c0); console.log(label, (performance.now() - t).toFixed(0), 'ms cpu', ((c.user + c.system) / 1000).toFixed(0), JSON.stringify(r)?.slice(0, 80)); };
for (const w of ['"maji"', '"mtaa" "123"']) {
  time(`count ${w}`, () => db.prepare(`SELECT count(*) n FROM complaints_fts WHERE complaints_fts MATCH ?`).get(w));
  db.exec('CREATE TEMP TABLE IF NOT EXISTS hits(id INTEGER PRIMARY KEY)'); db.exec('DELETE FROM hits');
  time(`insert hits ${w}`, () => db.prepare(`INSERT INTO hits SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?`).run(w).changes);
  time(`page IN-list ${w}`, () => db.prepare(`SELECT id FROM complaints WHERE due_at IS NOT NULL AND id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?) ORDER BY due_at, id LIMIT 51`).all(w).length);
  time(`page probe hits ${w}`, () => db.prepare(`SELECT id FROM complaints WHERE due_at IS NOT NULL AND id IN (SELECT id FROM temp.hits) ORDER BY due_at, id LIMIT 51`).all().length);
  console.log(db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM complaints WHERE due_at IS NOT NULL AND id IN (SELECT id FROM temp.hits) ORDER BY due_at, id LIMIT 51`).all().map((r: any) => r.detail));
  time(`page done probe ${w}`, () => db.prepare(`SELECT id FROM complaints WHERE status = 'resolved' AND id IN (SELECT id FROM temp.hits) ORDER BY resolved_at DESC, id DESC LIMIT 51`).all().length);
  time(`page drive from hits ${w}`, () => db.prepare(`SELECT c.id FROM temp.hits h CROSS JOIN complaints c ON c.id = h.id WHERE c.status = 'resolved' ORDER BY c.resolved_at DESC, c.id DESC LIMIT 51`).all().length);
}
