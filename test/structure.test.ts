import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { EVENT_SUBSCRIPTIONS } from '@garage/shared';

// How the services' code is laid out, checked from the sources (no build, no servers).
const services = resolve(__dirname, '../services');
const sourcesOf = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourcesOf(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const serviceNames = readdirSync(services);
const allSources = serviceNames.flatMap((s) => sourcesOf(join(services, s, 'src')));

describe('service handlers', () => {
  // The access rule lives in the contract only if no handler can be declared around it.
  it('are all declared with @Handles(contract), never a bare @MessagePattern or a role check by hand', () => {
    const handlers = allSources.filter((f) => readFileSync(f, 'utf8').includes('@Handles('));
    expect(handlers.length).toBeGreaterThanOrEqual(12);
    const bare = allSources.filter((f) =>
      /@MessagePattern\(|@Payload\(\)|\bwithRole\(|\bsignedIn\(/.test(readFileSync(f, 'utf8')),
    );
    expect(bare.map((f) => relative(services, f))).toEqual([]);
  });
});

describe('service wiring', () => {
  // startService provides the DataSource, Sql, Transactions, Redis, one RpcClient, the config and the
  // logger (infrastructureModule); a service's classes take them by injection.
  it('builds no repository, client or consumer by hand in a module', () => {
    const modules = allSources.filter((f) => f.endsWith('.module.ts') && !f.includes(`${sep}gateway${sep}`));
    expect(modules.length).toBe(4);
    const byHand = modules.filter((f) => /useValue:\s*new\b|new RpcClient\(/.test(readFileSync(f, 'utf8')));
    expect(byHand.map((f) => relative(services, f))).toEqual([]);
  });
});

describe('database access', () => {
  // Repositories, demo loaders and scheduled jobs reach PostgreSQL one way: the injected Sql (or the
  // Tx of Transactions.run), with SqlParams for statements built piece by piece. TypeORM keeps the
  // DataSource and the migrations only.
  const otherWay =
    /\.query\(|\bgetRepository\b|\bcreateQueryBuilder\b|\bpreparedQuery\b|\bqueryRows\b|\bparams\.push\(|readonly \w+: DataSource\b/;

  it('finds the other ways when they are there (the check can fail)', () => {
    for (const line of [
      'const rows = await this.db.query(`SELECT 1`);',
      'this.repo = db.getRepository(UserEntity);',
      "return this.repo.createQueryBuilder('u').getOne();",
      "await preparedQuery<Row>(this.db, 'x', sql, [id]);",
      'await queryRows<Row>(this.db, sql);',
      'params.push(after.n, after.id);',
      'constructor(private readonly db: DataSource) {}',
    ]) {
      expect(line).toMatch(otherWay);
    }
    expect("await this.sql.rows<Row>(sql, [id], { name: 'x' });").not.toMatch(otherWay);
  });

  it('is through Sql or a Tx in every service, outside the migrations', () => {
    const sources = allSources.filter((f) => !f.includes(`${sep}migrations${sep}`));
    expect(sources.filter((f) => readFileSync(f, 'utf8').includes('this.sql.')).length).toBeGreaterThanOrEqual(15);
    const others = sources.filter((f) => otherWay.test(readFileSync(f, 'utf8')));
    expect(others.map((f) => relative(services, f))).toEqual([]);
  });
});

describe('events', () => {
  const text = (f: string) => readFileSync(f, 'utf8');
  const rel = (files: string[]) => files.map((f) => relative(services, f));

  // One way to write: appendEvent(tx, type, data) in the rule that makes the change (it parses the
  // data and knows the publisher's outbox); never from a repository, never an outbox INSERT by hand.
  it('are written with appendEvent(tx, type, data), never in a repository or by hand', () => {
    const writers = allSources.filter((f) => /\bappendEvent\(/.test(text(f)));
    expect(writers.length).toBeGreaterThanOrEqual(4);
    expect(rel(writers.filter((f) => f.endsWith('.repository.ts')))).toEqual([]);
    const byHand = allSources.filter((f) => /INSERT INTO\s+\w+\.outbox\b|\binsertOutboxRow\b/i.test(text(f)));
    expect(rel(byHand)).toEqual([]);
  });

  // One way to consume: @ConsumesEvents on the consumer's method, found by startService.
  it.each(Object.entries(EVENT_SUBSCRIPTIONS))(
    'subscription %s is consumed by one @ConsumesEvents method in its own service',
    (key, subscription) => {
      const declaration = new RegExp(`@ConsumesEvents\\(\\s*EVENT_SUBSCRIPTIONS\\.${key}\\s*\\)`, 'g');
      const declaring = allSources.flatMap((f) => [...text(f).matchAll(declaration)].map(() => f));
      expect(declaring.map((f) => relative(services, f).split(sep)[0])).toEqual([subscription.service]);
    },
  );

  it('have no consumer started by hand or listed in a service definition', () => {
    const byHand = allSources.filter((f) => /\bstartEventConsumer\(|\beventConsumers\b/.test(text(f)));
    expect(rel(byHand)).toEqual([]);
  });
});

/** The feature folders of a service's src and which of them each imports (relative imports only). */
function folderGraph(service: string): Map<string, Set<string>> {
  const src = join(services, service, 'src');
  const folderOf = (file: string) => relative(src, dirname(file)).split(sep)[0] || '.';
  const graph = new Map<string, Set<string>>();
  for (const file of sourcesOf(src).filter((f) => !f.endsWith('.spec.ts'))) {
    const from = folderOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const to = folderOf(resolve(dirname(file), spec!));
      if (to !== from && to !== '.' && from !== '.') edges.add(to);
    }
  }
  return graph;
}

/** One cycle among the folders as a path (a → b → a), or null. */
function cycleIn(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

describe('feature folders', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['bookings', new Set(['scheduling', 'availability'])],
      ['availability', new Set(['bookings'])],
      ['scheduling', new Set<string>()],
    ]);
    expect(cycleIn(graph)).toEqual(['bookings', 'availability', 'bookings']);
  });

  it.each(serviceNames)('of %s import each other without cycles', (service) => {
    const graph = folderGraph(service);
    expect(graph.size).toBeGreaterThan(2);
    expect(cycleIn(graph)).toBeNull();
  });
});
