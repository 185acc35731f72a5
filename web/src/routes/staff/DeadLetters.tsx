import { useState } from 'react';
import { itemsOf } from '../../api/staff/paging';
import { useDeadLetters, useReplayDeadLetter } from '../../api/staff/dead-letters';
import type { DeadLetter, DeadLetterQuery } from '../../api/types';
import { SelectField } from '../../components/Field';
import { FilterBar, useUrlFilters } from '../../components/Filters';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { EmptyState, FormError, QueryStates } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { CONSUMER_WORDS, EVENT_WORDS, consumerWords, eventWords } from '../../lib/words';
import { AdminsOnly, Done, useStaffUser } from './console';

type Durable = NonNullable<DeadLetterQuery['durable']>;
type EventType = NonNullable<DeadLetterQuery['type']>;

const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Events a service gave up on after retrying them (admins only), newest first: what failed where
 * and why, and a replay once the cause is fixed. Filters in the URL.
 */
export function Component() {
  const user = useStaffUser();
  const filters = useUrlFilters();
  const durable = filters.get('consumer') in CONSUMER_WORDS ? (filters.get('consumer') as Durable) : undefined;
  const type = filters.get('event') in EVENT_WORDS ? (filters.get('event') as EventType) : undefined;
  const list = useDeadLetters({ ...(durable ? { durable } : {}), ...(type ? { type } : {}) });
  const replay = useReplayDeadLetter();
  const [done, setDone] = useState('');
  const items = itemsOf(list.data);
  if (!user.isAdmin) return <AdminsOnly title="Dead letters" why="Only admins look after the system." />;
  const replayOne = (letter: DeadLetter) => {
    setDone('');
    replay.mutate(letter.id, {
      onSuccess: () => setDone(`${eventWords(letter.type)} (${letter.event?.id}) was handed to its consumer again.`),
    });
  };
  return (
    <section>
      <PageTitle>Dead letters</PageTitle>
      <p className="muted">
        Events a service kept failing on and gave up, so the rest could go on. Fix the cause (the service&apos;s log has
        the whole error), then replay the event: it goes to the one consumer that failed it, once.
      </p>
      <FilterBar label="Filter dead letters">
        <WordsSelect
          label="Consumer"
          any="Every consumer"
          words={CONSUMER_WORDS}
          value={durable}
          onChange={(consumer) => filters.set({ consumer })}
        />
        <WordsSelect
          label="Event"
          any="Every event"
          words={EVENT_WORDS}
          value={type}
          onChange={(event) => filters.set({ event })}
        />
      </FilterBar>
      {done && <Done>{done}</Done>}
      <FormError error={replay.error} />
      <QueryStates
        query={list}
        loading="Loading dead letters"
        what="Dead letters"
        empty={
          !items.length && (
            <EmptyState title="No dead letters">
              <p>Every event was handled.</p>
            </EmptyState>
          )
        }
      >
        <PagedTable
          list={list}
          noun="dead letter"
          caption="Dead letters, newest first"
          columns={['Given up', 'Consumer', 'Event', { label: 'Deliveries', num: true }, 'Why', 'Actions']}
        >
          {items.map((letter) => (
            <tr key={letter.id}>
              <td>{formatDateTime(letter.deadAt, LOCAL_ZONE)}</td>
              <td>{consumerWords(letter.durable)}</td>
              <td>
                <EventCell letter={letter} />
              </td>
              <td className="num">{letter.deliveries}</td>
              <td>{letter.error}</td>
              <td>
                {letter.event ? (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => replayOne(letter)}
                    disabled={replay.isPending}
                    aria-label={`Replay ${eventWords(letter.type)} ${letter.event.id}`}
                  >
                    Replay
                  </button>
                ) : (
                  <span className="muted">Unreadable: nothing to replay</span>
                )}
              </td>
            </tr>
          ))}
        </PagedTable>
      </QueryStates>
    </section>
  );
}

/** A filter over a list of values named in words, with "any" first (value ""). */
function WordsSelect({
  label,
  any,
  words,
  value,
  onChange,
}: {
  label: string;
  any: string;
  words: Record<string, string>;
  value: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <SelectField label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
      <option value="">{any}</option>
      {Object.entries(words).map(([key, text]) => (
        <option key={key} value={key}>
          {text}
        </option>
      ))}
    </SelectField>
  );
}

/** The event's type in words, its id, and what it carried (or the start of an unreadable body). */
function EventCell({ letter }: { letter: DeadLetter }) {
  return (
    <>
      {eventWords(letter.type)}
      <br />
      <small className="muted">{letter.event?.id ?? 'not an event'}</small>
      <details>
        <summary>{letter.event ? 'Data' : 'Body'}</summary>
        <pre className="event-data">
          {letter.event ? JSON.stringify(letter.event.data, null, 2) : letter.unreadable}
        </pre>
      </details>
    </>
  );
}
