import { useHealth } from '../../api/staff/health';
import { PageTitle } from '../../components/PageTitle';
import { ErrorPanel, Loading } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { AdminsOnly, useStaffUser } from './console';

const OK = new Set(['up', 'connected', 'healthy']);

/** The gateway's health, service by service (refreshes every 15 seconds). Admins only. */
export function Component() {
  const user = useStaffUser();
  const health = useHealth();
  if (!user.isAdmin) return <AdminsOnly title="System health" why="Only admins look after the system." />;
  const h = health.data;
  const rows: [string, string][] = h
    ? [
        ...Object.entries(h.services ?? {}).map(([name, state]): [string, string] => [`${name} service`, state]),
        ['Database', h.database ?? 'unknown'],
        ['Redis', h.redis ?? 'unknown'],
        ['NATS', h.nats ?? 'unknown'],
      ]
    : [];
  return (
    <section>
      <PageTitle>System health</PageTitle>
      {health.isPending ? (
        <Loading what="Asking the gateway" />
      ) : health.isError ? (
        <ErrorPanel error={health.error} what="The gateway" retry={() => void health.refetch()} />
      ) : (
        <>
          <p role="status" className={h!.status === 'healthy' ? 'done' : 'form-error'}>
            {h!.status === 'healthy'
              ? 'Everything is up.'
              : `Degraded: ${
                  rows
                    .filter(([, s]) => !OK.has(s))
                    .map(([n]) => n)
                    .join(', ') || 'something'
                } is down.`}
          </p>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Each part of the system</caption>
              <thead>
                <tr>
                  <th scope="col">Part</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([name, state]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td className={OK.has(state) ? 'status-up' : 'status-down'}>
                      {OK.has(state) ? '✓ ' : '✗ '}
                      {state}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">
            Version {h!.version ?? '?'} · {h!.environment ?? ''}
            {h!.timestamp
              ? ` · checked ${formatDateTime(h!.timestamp, Intl.DateTimeFormat().resolvedOptions().timeZone)}`
              : ''}
          </p>
          <button
            type="button"
            className="secondary"
            onClick={() => void health.refetch()}
            disabled={health.isFetching}
          >
            {health.isFetching ? 'Checking…' : 'Check again'}
          </button>
        </>
      )}
    </section>
  );
}
