/**
 * Baseline for the bench: the same menu shape as Kero built the usual way, with Express 5 and
 * `ussd-menu-builder` (sessions in a plain in-memory object store via menu.sessionConfig,
 * complaints pushed into an in-memory array). Run: PORT=3001 tsx bench/baseline-server.ts
 *
 * A UssdMenu keeps the request (args, val, result callback) on the instance and run() is async,
 * so one shared instance mixes up concurrent requests: a menu is built per request.
 */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import UssdMenu from 'ussd-menu-builder';
import type { Complaint, Lang, Region } from './baseline-text';
import { T } from './baseline-text';

interface Session {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<unknown>;
}

const seedPath = path.join(__dirname, '..', 'db', 'seed', 'tz-admin-units.json');
const regions = (JSON.parse(fs.readFileSync(seedPath, 'utf8')) as { regions: Region[] }).regions;
const PAGE = 13;

const sessions: Record<string, Record<string, unknown>> = {};
const complaints: Complaint[] = [];
const byNumber = new Map<string, Complaint>();
const byPhone = new Map<string, Complaint[]>();

const store: UssdMenu.UssdSessionConfig = {
  start: (id, cb) => {
    sessions[id] ??= {};
    cb?.();
  },
  end: (id, cb) => {
    delete sessions[id];
    cb?.();
  },
  set: (id, key, value, cb) => {
    (sessions[id] ??= {})[key] = value;
    cb?.();
  },
  get: (id, key, cb) => {
    cb?.(null, sessions[id]?.[key]);
  },
};

const list = (items: readonly string[], from = 1): string =>
  items.map((s, i) => `${i + from}. ${s}`).join('\n');
const num = (v: unknown): number => Number(v) - 1;
const grouped = (n: string): string => `${n.slice(0, 4)} ${n.slice(4)}`;

function buildMenu(): UssdMenu {
  const menu = new UssdMenu();
  menu.sessionConfig(store);
  const session = menu.session as Session;
  /** A screen: reads the language, then answers with CON (or END) and the text `draw` returns. */
  const screen =
    (draw: (t: (typeof T)[Lang], val: string) => string | Promise<string>, end = false) =>
    () => {
      const val = menu.val;
      const answer = async (): Promise<void> => {
        const t = T[(await session.get('lang')) === 'en' ? 'en' : 'sw'];
        const text = await draw(t, val);
        if (end) menu.end(text);
        else menu.con(text);
      };
      answer().catch((err: unknown) => menu.emit('error', err));
    };
  const save = async (key: string, value: unknown): Promise<void> =>
    void (await session.set(key, value));

  menu.startState({
    run: () =>
      menu.con(
        'Karibu OR-TAMISEMI\nHuduma ya Malalamiko\nWelcome to PO-RALG Complaints\nChagua lugha / Choose language:\n1. Kiswahili\n2. English',
      ),
    next: { '1': 'main', '2': 'main' },
  });
  menu.state('main', {
    run: () => {
      const lang: Lang = menu.val === '2' ? 'en' : 'sw';
      session.set('lang', lang).then(
        () => menu.con(T[lang].main),
        (err: unknown) => menu.emit('error', err),
      );
    },
    next: { '1': 'region.1', '2': 'track', '3': 'mine', '4': 'help' },
  });
  const pages = Math.ceil(regions.length / PAGE);
  for (let p = 1; p <= pages; p++) {
    const first = (p - 1) * PAGE + 1;
    const names = regions.slice(first - 1, first - 1 + PAGE).map((r) => r.name);
    const picks = names.map((_, i) => String(first + i)).join('|');
    const next: UssdMenu.NextState = { [`*^(${picks})$`]: 'council' };
    if (p < pages) next['98'] = `region.${p + 1}`;
    menu.state(`region.${p}`, {
      run: screen((t) => `${t.region}\n${list(names, first)}${p < pages ? `\n98. ${t.more}` : ''}`),
      next,
    });
  }
  menu.state('council', {
    run: screen(async (t, val) => {
      await save('region', val);
      const councils = regions[num(val)]?.councils ?? [];
      return `${t.council}\n${list(councils.map((c) => (t === T.en ? c.short : c.short_sw)))}`;
    }),
    next: { '*^\\d{1,2}$': 'category' },
  });
  menu.state('category', {
    run: screen(async (t, val) => {
      const council = regions[num(await session.get('region'))]?.councils[num(val)];
      await save('council', council ? (t === T.en ? council.short : council.short_sw) : '?');
      return `${t.category}\n${list(t.categories)}`;
    }),
    next: { '*^[1-9]$': 'place' },
  });
  menu.state('place', {
    run: screen(async (t, val) => (await save('category', num(val)), t.place)),
    next: { '*^.{2,60}$': 'description' },
  });
  menu.state('description', {
    run: screen(async (t, val) => (await save('place', val), t.description)),
    next: { '*^.{10,150}$': 'identity' },
    defaultNext: 'description.retry',
  });
  menu.state('description.retry', {
    run: screen((t) => `${t.descriptionError}\n${t.description}`),
    next: { '*^.{10,150}$': 'identity' },
  });
  menu.state('identity', {
    run: screen(async (t, val) => (await save('description', val), t.identity)),
    next: { '1': 'confirm', '2': 'confirm' },
  });
  const draft = async (): Promise<Omit<Complaint, 'number' | 'phone' | 'at'>> => {
    const [council, category, place, description, identified] = await Promise.all(
      ['council', 'category', 'place', 'description', 'identified'].map((k) => session.get(k)),
    );
    return {
      council: String(council),
      category: String(category),
      place: String(place),
      description: String(description),
      identified: identified === true,
    };
  };
  menu.state('confirm', {
    run: screen(async (t, val) => {
      await save('identified', val === '1');
      const d = await draft();
      const who = d.identified ? menu.args.phoneNumber : t.anonymous;
      return `${t.confirm}\n${d.council}, ${d.place}\n${t.type}: ${t.categories[Number(d.category)] ?? '?'}\n${d.description}\n${who}\n${t.send}`;
    }),
    next: { '1': 'send', '2': 'cancelled' },
  });
  menu.state('send', {
    run: screen(async (t) => {
      const c: Complaint = {
        ...(await draft()),
        number: String(10_000_000 + Math.floor(Math.random() * 90_000_000)),
        phone: menu.args.phoneNumber,
        at: Date.now(),
      };
      complaints.push(c);
      byNumber.set(c.number, c);
      const mine = byPhone.get(c.phone) ?? [];
      byPhone.set(c.phone, [...mine, c].slice(-5));
      return t.done(grouped(c.number));
    }, true),
  });
  menu.state('cancelled', { run: screen((t) => t.cancelled, true) });
  menu.state('track', { run: screen((t) => t.track), next: { '*^\\d{8}$': 'track.result' } });
  menu.state('track.result', {
    run: screen(
      (t, val) => (byNumber.has(val) ? `${grouped(val)}: ${t.received}` : t.notFound),
      true,
    ),
  });
  menu.state('mine', {
    run: screen((t) => {
      const mine = byPhone.get(menu.args.phoneNumber) ?? [];
      return mine.length === 0
        ? t.mineEmpty
        : `${t.mine}\n${mine.map((c) => `${grouped(c.number)} ${t.categories[Number(c.category)] ?? ''} - ${t.received}`).join('\n')}`;
    }, true),
  });
  menu.state('help', { run: screen((t) => t.help, true) });
  return menu;
}

const token = process.env.WEBHOOK_TOKEN ?? 'bench-token-0123456789';
const app = express();
app.get('/healthz', (_req, res) => {
  res.type('text/plain').send(`ok ${complaints.length}`);
});
app.post('/ussd', express.urlencoded({ extended: false }), (req, res) => {
  if (req.query.token !== token) {
    res.status(403).type('text/plain').send('forbidden');
    return;
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  const field = (k: string): string => (typeof body[k] === 'string' ? body[k] : '');
  const menu = buildMenu();
  menu.on('error', (err: unknown) => {
    console.error('menu error', err);
    if (!res.headersSent) res.status(500).type('text/plain').send('END Samahani, kuna hitilafu.');
  });
  const args = {
    sessionId: field('sessionId'),
    serviceCode: field('serviceCode'),
    phoneNumber: field('phoneNumber'),
    text: field('text'),
  };
  void menu.run(args).then((text) => {
    if (!res.headersSent) res.type('text/plain').send(text);
  });
});

const server = app.listen(Number(process.env.PORT ?? 3001), process.env.HOST ?? '127.0.0.1');
const shutdown = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
