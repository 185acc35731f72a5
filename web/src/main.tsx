import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { branchesQuery } from './api/catalog';
import { createQueryClient } from './api/query-client';
import { sessionQuery } from './api/session';
import { createRouter } from './router';
import './styles.css';

const queryClient = createQueryClient();
// Who is signed in and the branches are what nearly every page needs first: ask at once, while
// the page's own code is still loading, instead of one after the other.
void queryClient.prefetchQuery(sessionQuery);
void queryClient.prefetchQuery(branchesQuery);
const router = createRouter();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
