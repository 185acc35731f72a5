import { isRouteErrorResponse, useRouteError } from 'react-router';

/** What a page shows when it fails to load or render (a deploy replaced its chunk, a bug). */
export function RouteError() {
  const error = useRouteError();
  const chunk =
    error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <main id="main" className="page">
      <div role="alert" className="error-panel">
        <h1>{isRouteErrorResponse(error) && error.status === 404 ? 'Page not found' : 'Something went wrong'}</h1>
        <p>
          {chunk
            ? 'A new version of the site is available.'
            : 'This page could not be shown. Reloading usually helps; if not, please try again later.'}
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    </main>
  );
}
