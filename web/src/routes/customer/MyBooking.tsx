import { PageTitle } from '../../components/PageTitle';

// Placeholder: built in issue 9.
export function Component() {
  return (
    <section>
      <PageTitle>MyBooking</PageTitle>
      <p>Not built yet.</p>
    </section>
  );
}
