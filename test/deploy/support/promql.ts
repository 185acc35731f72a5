/**
 * What a PromQL expression reads: the metric names and the label names it matches or groups by.
 * Enough of PromQL for our rules and dashboard (selectors, functions, aggregations with by/without,
 * vector matching with on/ignoring/group_*, ranges, offsets); promtool checks the syntax itself.
 */
const KEYWORDS = new Set([
  'and',
  'or',
  'unless',
  'bool',
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'offset',
  'inf',
  'nan',
]);

export function promqlNames(expr: string): { metrics: string[]; labels: string[] } {
  const labels: string[] = [];
  let e = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""');
  e = e.replace(/\{([^}]*)\}/g, (_, inner: string) => {
    for (const m of inner.matchAll(/([a-zA-Z_]\w*)\s*(?:=~|!~|!=|=)/g)) labels.push(m[1]);
    return ' ';
  });
  e = e.replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g, (_, inner: string) => {
    labels.push(
      ...inner
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    );
    return ' ';
  });
  e = e.replace(/\[[^\]]*\]/g, ' ').replace(/\boffset\s+\S+/g, ' ');
  const metrics: string[] = [];
  for (const m of e.matchAll(/(?<![\w.$])([a-zA-Z_:][\w:]*)(\s*\()?/g)) {
    if (m[2] || KEYWORDS.has(m[1].toLowerCase())) continue;
    metrics.push(m[1]);
  }
  return { metrics: [...new Set(metrics)], labels: [...new Set(labels)] };
}

/** What a set of processes exports on /metrics: metric names as Prometheus stores them, and label names. */
export interface Exported {
  metrics: Set<string>;
  labels: Set<string>;
}

const SERIES_OF: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

/**
 * Names and labels from Prometheus text, as a scrape stores them: target labels `job` and
 * `instance` are added, and a metric's own `job` label becomes `exported_job`.
 */
export function exportedBy(texts: string[]): Exported {
  const metrics = new Set<string>();
  const labels = new Set<string>(['job', 'instance']);
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const type = /^# TYPE (\S+) (\w+)$/.exec(line);
      if (type) for (const suffix of SERIES_OF[type[2]] ?? ['']) metrics.add(type[1] + suffix);
      const sample = /^[a-zA-Z_:][\w:]*\{(.*)\} \S+$/.exec(line);
      if (!sample) continue;
      for (const m of sample[1].matchAll(/(?:^|,)([a-zA-Z_]\w*)="/g)) {
        labels.add(m[1] === 'job' || m[1] === 'instance' ? `exported_${m[1]}` : m[1]);
      }
    }
  }
  return { metrics, labels };
}

/** What an expression reads that the exports do not have (besides what `external` allows). */
export function missingFrom(
  exported: Exported,
  expr: string,
  external: { metrics: string[]; labels: string[] } = { metrics: [], labels: [] },
): { metrics: string[]; labels: string[] } {
  const { metrics, labels } = promqlNames(expr);
  return {
    metrics: metrics.filter((m) => !exported.metrics.has(m) && !external.metrics.includes(m)),
    labels: labels.filter((l) => l !== 'le' && !exported.labels.has(l) && !external.labels.includes(l)),
  };
}
