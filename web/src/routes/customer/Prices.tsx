import { Link } from 'react-router';
import { useBranches, useCostEstimate, useServiceCatalog } from '../../api/catalog';
import { CostBreakdown } from '../../components/CostBreakdown';
import { SelectField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useSearchState } from '../../components/useSearchState';
import { ServicePicker } from '../../components/ServicePicker';
import { EmptyState, ErrorPanel, Loading } from '../../components/States';

/** The public price calculator: a branch and services give labour, parts, tax and total. No sign-in. */
export function Component() {
  const [params, setParams] = useSearchState();
  const branches = useBranches();
  const branchId = params.get('branch') ?? undefined;
  const chosen = (params.get('services') ?? '').split(',').filter(Boolean);
  const branch = branches.data?.items.find((b) => b.id === branchId);
  const catalog = useServiceCatalog(branch?.id);
  const known = chosen.filter((id) => catalog.data?.items.some((s) => s.id === id && s.active));
  const cost = useCostEstimate(branch?.id, known);
  const currency = branch?.currency ?? branches.data?.items[0]?.currency ?? 'USD';

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  return (
    <section>
      <PageTitle>Prices</PageTitle>
      <p>Choose a branch and the work you need: you see labour, parts and tax before you book.</p>
      {branches.isPending ? (
        <Loading what="Loading branches" />
      ) : branches.isError ? (
        <ErrorPanel error={branches.error} retry={() => void branches.refetch()} what="The branch list" />
      ) : (
        <form onSubmit={(e) => e.preventDefault()} className="prices">
          <SelectField
            label="Branch"
            name="branch"
            value={branch?.id ?? ''}
            onChange={(e) => set('branch', e.target.value)}
          >
            <option value="">Choose a branch</option>
            {branches.data.items.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </SelectField>
          {catalog.isPending ? (
            <Loading what="Loading services" />
          ) : catalog.isError ? (
            <ErrorPanel error={catalog.error} retry={() => void catalog.refetch()} what="The service list" />
          ) : !catalog.data.items.some((s) => s.active) ? (
            <EmptyState title="No services are on offer right now." />
          ) : (
            <ServicePicker
              services={catalog.data.items}
              chosen={known}
              currency={currency}
              onChange={(ids) => set('services', ids.join(','))}
              legend={branch ? `Services at ${branch.name}` : 'Services (chain prices; choose a branch for its own)'}
            />
          )}
          <div aria-live="polite" className="live-price">
            {!branch ? (
              <p className="muted">Choose a branch to see the full price with tax.</p>
            ) : !known.length ? (
              <p className="muted">Choose a service to see the price.</p>
            ) : cost.isError ? (
              <ErrorPanel error={cost.error} retry={() => void cost.refetch()} what="The price" />
            ) : !cost.data ? (
              <Loading what="Working out the price" />
            ) : (
              <>
                <CostBreakdown
                  cost={cost.data}
                  caption={`Price at ${branch.name}${cost.isPlaceholderData ? ' (updating…)' : ''}`}
                  taxRate={branch.taxRatePercent}
                />
                <p>
                  <Link className="button-link" to={`/book?branch=${branch.id}&services=${known.join(',')}&step=car`}>
                    Book these services
                  </Link>
                </p>
              </>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
