import { createBrowserRouter, type RouteObject } from 'react-router';
import { CustomerLayout } from './components/CustomerLayout';
import { RouteError } from './components/RouteError';
import { CustomerOnly } from './components/RequireAccount';

// Every page is its own lazy chunk (a module exporting `Component`): the customer entry stays
// small and the staff console never loads for a customer.
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: CustomerLayout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, lazy: () => import('./routes/customer/Home') },
      { path: 'sign-in', lazy: () => import('./routes/customer/SignIn') },
      { path: 'register', lazy: () => import('./routes/customer/Register') },
      { path: 'prices', lazy: () => import('./routes/customer/Prices') },
      {
        // The customer's own pages: signed-out visitors go to sign in and come back.
        Component: CustomerOnly,
        children: [
          { path: 'book', lazy: () => import('./routes/customer/Book') },
          { path: 'bookings', lazy: () => import('./routes/customer/MyBookings') },
          { path: 'bookings/:id', lazy: () => import('./routes/customer/MyBooking') },
          { path: 'vehicles', lazy: () => import('./routes/customer/Vehicles') },
          { path: 'history', lazy: () => import('./routes/customer/History') },
          { path: 'account', lazy: () => import('./routes/customer/Account') },
        ],
      },
      { path: 'staff/sign-in', lazy: () => import('./routes/staff/SignIn') },
      { path: '*', lazy: () => import('./routes/NotFound') },
    ],
  },
  {
    path: '/staff',
    lazy: () => import('./routes/staff/StaffLayout'),
    ErrorBoundary: RouteError,
    children: [
      { index: true, lazy: () => import('./routes/staff/Dashboard') },
      { path: 'board', lazy: () => import('./routes/staff/DayBoard') },
      { path: 'bookings', lazy: () => import('./routes/staff/Bookings') },
      { path: 'bookings/:id', lazy: () => import('./routes/staff/Booking') },
      { path: 'customers', lazy: () => import('./routes/staff/Customers') },
      { path: 'customers/:id', lazy: () => import('./routes/staff/Customer') },
      { path: 'vehicles', lazy: () => import('./routes/staff/Vehicles') },
      { path: 'technicians', lazy: () => import('./routes/staff/Technicians') },
      { path: 'parts', lazy: () => import('./routes/staff/Parts') },
      { path: 'parts/:id', lazy: () => import('./routes/staff/Part') },
      { path: 'catalog', lazy: () => import('./routes/staff/Catalog') },
      { path: 'branches', lazy: () => import('./routes/staff/Branches') },
      { path: 'users', lazy: () => import('./routes/staff/Users') },
      { path: 'audit', lazy: () => import('./routes/staff/Audit') },
      { path: 'health', lazy: () => import('./routes/staff/Health') },
      { path: 'dead-letters', lazy: () => import('./routes/staff/DeadLetters') },
      { path: '*', lazy: () => import('./routes/NotFound') },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
