import type { ReactNode } from 'react';
import type { Page } from '../api/types';
import { DataTable, type Column } from './DataTable';

/** What "Load more" needs of a cursor-paged query (`usePaged` in api/staff/paging). */
export interface PagedQuery<T> {
  data: { pages: Page<T>[] } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** "Load more" under a paged list; says how many are shown. */
export function LoadMore<T>({ list, noun }: { list: PagedQuery<T>; noun: string }) {
  const shown = list.data?.pages.reduce((n, p) => n + p.items.length, 0) ?? 0;
  const loading = list.isFetchingNextPage;
  return (
    <div className="load-more">
      <p role="status" className="muted">
        {shown} {noun}
        {shown === 1 ? '' : 's'} shown{list.hasNextPage ? '' : ' (all)'}
      </p>
      {list.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void list.fetchNextPage()} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}

/** A cursor-paged list as a table (see DataTable), with "Load more" under it. */
export function PagedTable<T>({
  list,
  noun,
  caption,
  columns,
  children,
}: {
  list: PagedQuery<T>;
  /** What one row is ("user"), for "3 users shown". */
  noun: string;
  caption: string;
  columns: Column[];
  children: ReactNode;
}) {
  return (
    <>
      <DataTable caption={caption} columns={columns}>
        {children}
      </DataTable>
      <LoadMore list={list} noun={noun} />
    </>
  );
}
