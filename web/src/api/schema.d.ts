// Generated from the gateway's OpenAPI document by web/scripts/generate-api.mjs (npm run generate:api).
// Do not edit: change the contracts in libs/shared and regenerate.
export interface paths {
  '/api/admin/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Events a durable consumer gave up on (still failing after EVENT_MAX_DELIVERIES deliveries, or unreadable), newest first, from every service that consumes events; ?durable= and ?type= filter. 503 while a service asked is not answering
     * @description Who: admin.
     */
    get: operations['gateway.dead-letters.list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/admin/dead-letters/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Hands the event to the one consumer that failed it, once (after the fault is fixed); on success the dead letter is gone (404 for a second replay). 409 while another replay of it runs, for an unreadable event, or when the event still fails (the reason is in the message; it stays a dead letter)
     * @description Who: admin.
     */
    post: operations['gateway.dead-letters.replay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit log, newest first: filters by actor, branch, action (or prefix) and time
     * @description Who: admin.
     */
    get: operations['auth.audit.list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The audit log as CSV (same filters as GET /api/audit; at most 100,000 entries, newest first)
     * @description Who: admin.
     */
    get: operations['gateway.audit.export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/availability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Start times on the booking grid inside the branch's opening hours (its own time zone) where a technician and a bay are both free for the services' whole duration
     * @description Public.
     */
    get: operations['bookings.availability'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/availability/next': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The earliest free start for the services at a branch, from `from` (default: today in the branch's time zone) up to 14 days on; `slot` is null when there is none. One request instead of one per day.
     * @description Public.
     */
    get: operations['bookings.next-free-slot'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Bookings by start time (staff: their branches), ?branchId=&customerId=&status=&from=&to=
     * @description Who: admin, staff.
     */
    get: operations['bookings.list'];
    put?: never;
    /**
     * Book a slot (customers: their own vehicle). Idempotency-Key: the same key from the same account within 24 h answers the first booking; with another body, 422. 409: the slot is taken, the car already has a booking at an overlapping time, or the customer already holds the most upcoming bookings an account may make online. 400: a start beyond the branch's bookingHorizonDays (and the other start rules). 429 with Retry-After: the customer's booking attempts (refused ones too) are used up for now. Staff and admins are exempt from the cap and the attempt limit
     * @description Who: customer, staff, admin.
     */
    post: operations['bookings.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One booking (its owner, staff of its branch, admin; another customer's is 404, another branch's 403 for staff)
     * @description Who: any signed-in account.
     */
    get: operations['bookings.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel (owner before it starts; staff of its branch; admin): frees the slot and the parts
     * @description Who: any signed-in account.
     */
    post: operations['bookings.cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/bookings/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Move along requested → confirmed → checked_in → in_progress → completed, or to cancelled / no_show; anything else 409
     * @description Who: staff, admin.
     */
    patch: operations['bookings.set-status'];
    trace?: never;
  };
  '/api/branches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Branches of the chain (active ones; admin and staff may ask for inactive ones too)
     * @description Public.
     */
    get: operations['catalog.branches.list'];
    put?: never;
    /**
     * Open a branch (bookingHorizonDays: how far ahead it takes bookings, 1 to 365, default 90)
     * @description Who: admin.
     */
    post: operations['catalog.branches.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/branches/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One branch
     * @description Public.
     */
    get: operations['catalog.branches.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a branch (active: false closes it to the public; bookingHorizonDays: how far ahead it takes bookings, 1 to 365)
     * @description Who: admin.
     */
    patch: operations['catalog.branches.update'];
    trace?: never;
  };
  '/api/cost-calculator': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Price services at a branch: labour = round(laborHours × the branch's rate), parts at today's prices, tax = round(subtotal × taxRatePercent / 100), all in cents
     * @description Public.
     */
    post: operations['catalog.cost.calculate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customer-login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Customer login
     * @description Public.
     */
    post: operations['auth.customer-login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customer-register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Customer self-registration
     * @description Public.
     */
    post: operations['auth.customer-register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customer/my-bookings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My bookings, newest start first
     * @description Who: customer.
     */
    get: operations['bookings.mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customer/my-services': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My vehicles' service history
     * @description Who: customer.
     */
    get: operations['bookings.records.mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customer/my-vehicles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * My vehicles, with their status (a claim_pending one cannot be booked until staff have checked it)
     * @description Who: customer.
     */
    get: operations['bookings.vehicles.mine'];
    put?: never;
    /**
     * Add my vehicle. A VIN already registered to another customer gets the same 201 (nothing tells whose it is): the car is added as a claim (status claim_pending in my list), not bookable until staff decide whose it is. A VIN already among my cars: 409
     * @description Who: customer.
     */
    post: operations['bookings.vehicles.add-mine'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Customers by name with their vehicle and booking counts; ?q= searches name, email or phone
     * @description Who: admin, staff.
     */
    get: operations['gateway.customers.list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One customer with vehicle and booking counts
     * @description Who: admin, staff.
     */
    get: operations['gateway.customers.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/customers/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Activate, suspend or park a customer account (suspension revokes sessions)
     * @description Who: admin, staff.
     */
    patch: operations['auth.customers.set-status'];
    trace?: never;
  };
  '/api/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One branch (?branchId=) or the whole chain (admin) / all one's branches (staff); staff only their branches (403 otherwise). bookingsByStatus counts bookings starting from the first of this month (UTC) on; revenue is this UTC month's completed work; bookingsToday uses each branch's own date. With inventory or auth down, their figures are null and named in `unavailable` (the rest is current); with bookings down, 503
     * @description Who: admin, staff.
     */
    get: operations['gateway.dashboard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The whole chain's health (the original's format)
     * @description Public. 503 with the same body when any dependency is down.
     */
    get: operations['gateway.api-health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Admin/staff login
     * @description Public.
     */
    post: operations['auth.login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * End this session everywhere
     * @description Who: any signed-in account.
     */
    post: operations['auth.logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who am I
     * @description Who: any signed-in account.
     */
    get: operations['auth.me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change my password; every other session is revoked
     * @description Who: any signed-in account.
     */
    post: operations['auth.change-password'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/parts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Parts with their stock per branch, by SKU: ?branchId= one branch (default: staff's own branches, admin every branch), ?lowStock=true, ?q= SKU or name
     * @description Who: admin, staff.
     */
    get: operations['inventory.parts.list'];
    put?: never;
    /**
     * Add a part (SKUs are unique)
     * @description Who: admin.
     */
    post: operations['inventory.parts.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/parts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One part
     * @description Who: admin, staff.
     */
    get: operations['inventory.parts.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a part (a new price reaches the catalog as part.price_changed)
     * @description Who: admin.
     */
    patch: operations['inventory.parts.update'];
    trace?: never;
  };
  '/api/parts/{id}/adjust': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Receive or adjust stock at a branch (staff: their branches); never below what is reserved or zero (409)
     * @description Who: admin, staff.
     */
    post: operations['inventory.stock.adjust'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/parts/{id}/movements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The part's stock ledger, newest first (?branchId= one branch)
     * @description Who: admin, staff.
     */
    get: operations['inventory.stock.movements'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/parts/{id}/stock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The part at every branch of the chain, so a branch that is out can see who has it
     * @description Who: admin, staff.
     */
    get: operations['inventory.stock.by-part'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/parts/{id}/transfer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Move stock between branches in one transaction (staff: from their branches); never more than is available (409)
     * @description Who: admin, staff.
     */
    post: operations['inventory.stock.transfer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/password-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The password rules this deployment applies (composition can be turned off), so a form can show them as people type; the breached-password list and the 'not your name' rule are checked on submit
     * @description Public.
     */
    get: operations['auth.password-policy'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-catalog': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Services the chain sells, by name; priceCents at the chain's default labour rate or at ?branchId='s (admin and staff may ask for inactive ones too)
     * @description Public.
     */
    get: operations['catalog.services.list'];
    put?: never;
    /**
     * Add a service to the catalog (every part SKU must exist in inventory)
     * @description Who: admin.
     */
    post: operations['catalog.services.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/service-catalog/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One service of the catalog
     * @description Public.
     */
    get: operations['catalog.services.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a service (active: false withdraws it from the public)
     * @description Who: admin.
     */
    patch: operations['catalog.services.update'];
    trace?: never;
  };
  '/api/services': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Work done (from completed bookings), newest first; ?vehicleId= is a vehicle’s history
     * @description Who: admin, staff.
     */
    get: operations['bookings.records.list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/technicians': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Technicians by name (?branchId=); they work their branch’s opening hours
     * @description Who: admin, staff.
     */
    get: operations['bookings.technicians.list'];
    put?: never;
    /**
     * Add a technician at a branch
     * @description Who: admin.
     */
    post: operations['bookings.technicians.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/technicians/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a technician (active: false takes them off new bookings)
     * @description Who: admin.
     */
    patch: operations['bookings.technicians.update'];
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Staff and admin accounts
     * @description Who: admin.
     */
    get: operations['auth.users.list'];
    put?: never;
    /**
     * Create a staff or admin account
     * @description Who: admin.
     */
    post: operations['auth.users.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change role, branches or status (suspension revokes sessions at once)
     * @description Who: admin.
     */
    patch: operations['auth.users.update'];
    trace?: never;
  };
  '/api/vehicle-claims': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Pending VIN claims, oldest first: each claimant’s car beside the car registered with that VIN
     * @description Who: admin, staff.
     */
    get: operations['bookings.vehicle-claims.list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vehicle-claims/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The claimant is the owner: the registered car moves to them with its bookings and service records (the claim itself goes). Answers the moved car. 409 while the car has upcoming bookings of its current owner (cancel them first) or when the claim is already decided
     * @description Who: admin, staff.
     */
    post: operations['bookings.vehicle-claims.approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vehicle-claims/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The car is not the claimant’s: the claim becomes claim_rejected (they still see it, never bookable). 409 when already decided
     * @description Who: admin, staff.
     */
    post: operations['bookings.vehicle-claims.reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vehicles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Vehicles of every customer, claims included (?customerId=, ?q= VIN or plate prefix, ?ids= up to 100 ids, comma-separated)
     * @description Who: admin, staff.
     */
    get: operations['bookings.vehicles.list'];
    put?: never;
    /**
     * Register a customer's vehicle (a VIN belongs to one active vehicle: 409 if registered; a dispute is a customer's claim, GET /api/vehicle-claims)
     * @description Who: admin, staff.
     */
    post: operations['bookings.vehicles.create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/vehicles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One vehicle (customers: their own only; another one is 404)
     * @description Who: any signed-in account.
     */
    get: operations['bookings.vehicles.get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change plate, make, model, year or mileage (customers: their own only)
     * @description Who: any signed-in account.
     */
    patch: operations['bookings.vehicles.update'];
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The whole chain's health (the original's format)
     * @description Public. 503 with the same body when any dependency is down.
     */
    get: operations['gateway.health'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Error: {
      /** @description Machine-readable, e.g. `VALIDATION_FAILED`, `CONFLICT`. */
      code?: string;
      /** @description With a 400: which field, what is wrong with it. */
      details?: {
        field?: string;
        message: string;
      }[];
      /** @description Its reason phrase, e.g. `Conflict`. */
      error: string;
      /** @description For people; never a stack trace or SQL. */
      message: string;
      /** @description The `X-Request-Id` of the request, for the logs. */
      requestId?: string;
      /** @description The HTTP status, repeated. */
      statusCode: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  'gateway.dead-letters.list': {
    parameters: {
      query?: {
        cursor?: string;
        durable?: 'catalog-part-prices' | 'inventory-bookings' | 'bookings-parts-status' | 'auth-audit';
        limit?: number;
        type?:
          | 'part.price_changed'
          | 'booking.created'
          | 'booking.cancelled'
          | 'booking.no_show'
          | 'booking.completed'
          | 'inventory.parts_reserved'
          | 'inventory.shortage'
          | 'audit.catalog'
          | 'audit.inventory'
          | 'audit.bookings';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              deadAt: string;
              deliveries: number;
              durable: string;
              error: string;
              event: {
                data: unknown;
                id: string;
                occurredAt: string;
                type: string;
              } | null;
              id: string;
              streamSeq: number;
              type: string;
              unreadable: string | null;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'gateway.dead-letters.replay': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            durable: string;
            eventId: string;
            id: string;
            replayedAt: string;
            type: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.audit.list': {
    parameters: {
      query?: {
        action?: string;
        actorId?: string;
        branchId?: string;
        cursor?: string;
        from?: string;
        limit?: number;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** @enum {string} */
              action:
                | 'auth.sign_in'
                | 'auth.sign_in_failed'
                | 'auth.user.created'
                | 'auth.user.updated'
                | 'auth.customer.status_changed'
                | 'auth.password.changed'
                | 'catalog.branch.created'
                | 'catalog.branch.updated'
                | 'catalog.service.created'
                | 'catalog.service.updated'
                | 'inventory.part.created'
                | 'inventory.part.updated'
                | 'inventory.stock.adjusted'
                | 'inventory.stock.transferred'
                | 'bookings.booking.status_changed'
                | 'bookings.vehicle.owner_changed';
              actor: {
                id: string | null;
                /** @enum {string} */
                kind: 'user' | 'customer' | 'system' | 'anonymous';
                label: string | null;
              };
              after: {
                [key: string]: unknown;
              } | null;
              /** Format: date-time */
              at: string;
              before: {
                [key: string]: unknown;
              } | null;
              branchId: string | null;
              /** Format: uuid */
              id: string;
              ip: string | null;
              service: string;
              subject: {
                id: string;
                type: string;
              };
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A actorId, branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'gateway.audit.export': {
    parameters: {
      query?: {
        action?: string;
        actorId?: string;
        branchId?: string;
        from?: string;
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A actorId, branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.availability': {
    parameters: {
      query: {
        branchId: string;
        date: string;
        serviceIds: string[];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            branchId: string;
            date: string;
            durationMinutes: number;
            slots: {
              endsAt: string;
              startsAt: string;
              technicianIds: string[];
            }[];
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A branchId, serviceIds that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.next-free-slot': {
    parameters: {
      query: {
        branchId: string;
        from?: string;
        serviceIds: string[];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            branchId: string;
            durationMinutes: number;
            from: string;
            slot: {
              date: string;
              endsAt: string;
              startsAt: string;
              technicianIds: string[];
            } | null;
            until: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A branchId, serviceIds that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.list': {
    parameters: {
      query?: {
        branchId?: string;
        cursor?: string;
        customerId?: string;
        from?: string;
        limit?: number;
        status?: 'requested' | 'confirmed' | 'checked_in' | 'in_progress' | 'completed' | 'cancelled' | 'no_show';
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              bay: number;
              /** Format: uuid */
              branchId: string;
              createdAt: string;
              /** Format: uuid */
              customerId: string;
              endsAt: string;
              /** Format: uuid */
              id: string;
              notes: string;
              /** @enum {string} */
              partsStatus: 'pending' | 'reserved' | 'awaiting_parts' | 'released' | 'consumed';
              quote: {
                currency: string;
                laborCents: number;
                lines: {
                  laborCents: number;
                  name: string;
                  partsCents: number;
                  /** Format: uuid */
                  serviceId: string;
                  totalCents: number;
                }[];
                partsCents: number;
                subtotalCents: number;
                taxCents: number;
                totalCents: number;
              };
              serviceIds: string[];
              startsAt: string;
              /** @enum {string} */
              status: 'requested' | 'confirmed' | 'checked_in' | 'in_progress' | 'completed' | 'cancelled' | 'no_show';
              /** Format: uuid */
              technicianId: string;
              updatedAt: string;
              /** Format: uuid */
              vehicleId: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A branchId, customerId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.create': {
    parameters: {
      query?: never;
      header?: {
        /** @description Optional, printable ASCII, at most 200 characters. The same key from the same account within 24 h answers the first booking instead of making another; the same key with a different body is 422. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          branchId: string;
          /** @default  */
          notes?: string;
          serviceIds: string[];
          /** Format: date-time */
          startsAt: string;
          /** Format: uuid */
          technicianId?: string;
          /** Format: uuid */
          vehicleId: string;
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            bay: number;
            /** Format: uuid */
            branchId: string;
            createdAt: string;
            /** Format: uuid */
            customerId: string;
            endsAt: string;
            /** Format: uuid */
            id: string;
            notes: string;
            /** @enum {string} */
            partsStatus: 'pending' | 'reserved' | 'awaiting_parts' | 'released' | 'consumed';
            quote: {
              currency: string;
              laborCents: number;
              lines: {
                laborCents: number;
                name: string;
                partsCents: number;
                /** Format: uuid */
                serviceId: string;
                totalCents: number;
              }[];
              partsCents: number;
              subtotalCents: number;
              taxCents: number;
              totalCents: number;
            };
            serviceIds: string[];
            startsAt: string;
            /** @enum {string} */
            status: 'requested' | 'confirmed' | 'checked_in' | 'in_progress' | 'completed' | 'cancelled' | 'no_show';
            /** Format: uuid */
            technicianId: string;
            updatedAt: string;
            /** Format: uuid */
            vehicleId: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A branchId, vehicleId, serviceIds, technicianId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The same Idempotency-Key came earlier with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            bay: number;
            /** Format: uuid */
            branchId: string;
            createdAt: string;
            /** Format: uuid */
            customerId: string;
            endsAt: string;
            /** Format: uuid */
            id: string;
            notes: string;
            /** @enum {string} */
            partsStatus: 'pending' | 'reserved' | 'awaiting_parts' | 'released' | 'consumed';
            quote: {
              currency: string;
              laborCents: number;
              lines: {
                laborCents: number;
                name: string;
                partsCents: number;
                /** Format: uuid */
                serviceId: string;
                totalCents: number;
              }[];
              partsCents: number;
              subtotalCents: number;
              taxCents: number;
              totalCents: number;
            };
            serviceIds: string[];
            startsAt: string;
            /** @enum {string} */
            status: 'requested' | 'confirmed' | 'checked_in' | 'in_progress' | 'completed' | 'cancelled' | 'no_show';
            /** Format: uuid */
            technicianId: string;
            updatedAt: string;
            /** Format: uuid */
            vehicleId: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.cancel': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            bay: number;
            /** Format: uuid */
            branchId: string;
            createdAt: string;
            /** Format: uuid */
            customerId: string;
            endsAt: string;
            /** Format: uuid */
            id: string;
            notes: string;
            /** @enum {string} */
            partsStatus: 'pending' | 'reserved' | 'awaiting_parts' | 'released' | 'consumed';
            quote: {
              currency: string;
              laborCents: number;
              lines: {
                laborCents: number;
                name: string;
                partsCents: number;
                /** Format: uuid */
                serviceId: string;
                totalCents: number;
              }[];
              partsCents: number;
              subtotalCents: number;
              taxCents: number;
              totalCents: number;
            };
            serviceIds: string[];
            startsAt: string;
            /** @enum {string} */
            status: 'requested' | 'confirmed' | 'checked_in' | 'in_progress' | 'completed' | 'cancelled' | 'no_show';
            /** Format: uuid */
            technicianId: string;
            updatedAt: string;
            /** Format: uuid */
            vehicleId: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.set-status': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          mileage?: number;
          /** @enum {string} */
          status: 'requested' | 'confirmed' | 'checked_in' | 'in_progress' | 'completed' | 'cancelled' | 'no_show';
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            bay: number;
            /** Format: uuid */
            branchId: string;
            createdAt: string;
            /** Format: uuid */
            customerId: string;
            endsAt: string;
            /** Format: uuid */
            id: string;
            notes: string;
            /** @enum {string} */
            partsStatus: 'pending' | 'reserved' | 'awaiting_parts' | 'released' | 'consumed';
            quote: {
              currency: string;
              laborCents: number;
              lines: {
                laborCents: number;
                name: string;
                partsCents: number;
                /** Format: uuid */
                serviceId: string;
                totalCents: number;
              }[];
              partsCents: number;
              subtotalCents: number;
              taxCents: number;
              totalCents: number;
            };
            serviceIds: string[];
            startsAt: string;
            /** @enum {string} */
            status: 'requested' | 'confirmed' | 'checked_in' | 'in_progress' | 'completed' | 'cancelled' | 'no_show';
            /** Format: uuid */
            technicianId: string;
            updatedAt: string;
            /** Format: uuid */
            vehicleId: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only staff, admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'catalog.branches.list': {
    parameters: {
      query?: {
        cursor?: string;
        includeInactive?: 'true' | 'false';
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              active: boolean;
              address: string;
              bays: number;
              bookingHorizonDays: number;
              currency: string;
              /** Format: uuid */
              id: string;
              laborRateCents: number;
              name: string;
              openingHours: {
                friday: {
                  close: string;
                  open: string;
                } | null;
                monday: {
                  close: string;
                  open: string;
                } | null;
                saturday: {
                  close: string;
                  open: string;
                } | null;
                sunday: {
                  close: string;
                  open: string;
                } | null;
                thursday: {
                  close: string;
                  open: string;
                } | null;
                tuesday: {
                  close: string;
                  open: string;
                } | null;
                wednesday: {
                  close: string;
                  open: string;
                } | null;
              };
              taxRatePercent: number;
              timezone: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'catalog.branches.create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default true */
          active?: boolean;
          address: string;
          bays: number;
          /** @default 90 */
          bookingHorizonDays?: number;
          laborRateCents: number;
          name: string;
          openingHours: {
            friday: {
              close: string;
              open: string;
            } | null;
            monday: {
              close: string;
              open: string;
            } | null;
            saturday: {
              close: string;
              open: string;
            } | null;
            sunday: {
              close: string;
              open: string;
            } | null;
            thursday: {
              close: string;
              open: string;
            } | null;
            tuesday: {
              close: string;
              open: string;
            } | null;
            wednesday: {
              close: string;
              open: string;
            } | null;
          };
          taxRatePercent: number;
          timezone: string;
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            address: string;
            bays: number;
            bookingHorizonDays: number;
            currency: string;
            /** Format: uuid */
            id: string;
            laborRateCents: number;
            name: string;
            openingHours: {
              friday: {
                close: string;
                open: string;
              } | null;
              monday: {
                close: string;
                open: string;
              } | null;
              saturday: {
                close: string;
                open: string;
              } | null;
              sunday: {
                close: string;
                open: string;
              } | null;
              thursday: {
                close: string;
                open: string;
              } | null;
              tuesday: {
                close: string;
                open: string;
              } | null;
              wednesday: {
                close: string;
                open: string;
              } | null;
            };
            taxRatePercent: number;
            timezone: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'catalog.branches.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            address: string;
            bays: number;
            bookingHorizonDays: number;
            currency: string;
            /** Format: uuid */
            id: string;
            laborRateCents: number;
            name: string;
            openingHours: {
              friday: {
                close: string;
                open: string;
              } | null;
              monday: {
                close: string;
                open: string;
              } | null;
              saturday: {
                close: string;
                open: string;
              } | null;
              sunday: {
                close: string;
                open: string;
              } | null;
              thursday: {
                close: string;
                open: string;
              } | null;
              tuesday: {
                close: string;
                open: string;
              } | null;
              wednesday: {
                close: string;
                open: string;
              } | null;
            };
            taxRatePercent: number;
            timezone: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'catalog.branches.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          active?: boolean;
          address?: string;
          bays?: number;
          bookingHorizonDays?: number;
          laborRateCents?: number;
          name?: string;
          openingHours?: {
            friday: {
              close: string;
              open: string;
            } | null;
            monday: {
              close: string;
              open: string;
            } | null;
            saturday: {
              close: string;
              open: string;
            } | null;
            sunday: {
              close: string;
              open: string;
            } | null;
            thursday: {
              close: string;
              open: string;
            } | null;
            tuesday: {
              close: string;
              open: string;
            } | null;
            wednesday: {
              close: string;
              open: string;
            } | null;
          };
          taxRatePercent?: number;
          timezone?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            address: string;
            bays: number;
            bookingHorizonDays: number;
            currency: string;
            /** Format: uuid */
            id: string;
            laborRateCents: number;
            name: string;
            openingHours: {
              friday: {
                close: string;
                open: string;
              } | null;
              monday: {
                close: string;
                open: string;
              } | null;
              saturday: {
                close: string;
                open: string;
              } | null;
              sunday: {
                close: string;
                open: string;
              } | null;
              thursday: {
                close: string;
                open: string;
              } | null;
              tuesday: {
                close: string;
                open: string;
              } | null;
              wednesday: {
                close: string;
                open: string;
              } | null;
            };
            taxRatePercent: number;
            timezone: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'catalog.cost.calculate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          branchId: string;
          serviceIds: string[];
          /** Format: uuid */
          vehicleId?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            currency: string;
            laborCents: number;
            lines: {
              laborCents: number;
              name: string;
              partsCents: number;
              /** Format: uuid */
              serviceId: string;
              totalCents: number;
            }[];
            partsCents: number;
            subtotalCents: number;
            taxCents: number;
            totalCents: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A branchId, serviceIds, vehicleId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.customer-login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            customer: {
              createdAt: string;
              email: string;
              firstName: string;
              /** Format: uuid */
              id: string;
              lastName: string;
              phone: string | null;
              /** @enum {string} */
              status: 'active' | 'suspended' | 'pending';
            };
            expiresAt: string;
            token: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Wrong credentials (the same answer whether the account exists or not). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Signed in by cookie from an Origin that is not allowed (CSRF). The account is suspended or awaiting activation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. Too many failed sign-ins from this address or for this account. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.customer-register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
          firstName: string;
          lastName: string;
          password: string;
          phone?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            customer: {
              createdAt: string;
              email: string;
              firstName: string;
              /** Format: uuid */
              id: string;
              lastName: string;
              phone: string | null;
              /** @enum {string} */
              status: 'active' | 'suspended' | 'pending';
            };
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.mine': {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              bay: number;
              /** Format: uuid */
              branchId: string;
              createdAt: string;
              /** Format: uuid */
              customerId: string;
              endsAt: string;
              /** Format: uuid */
              id: string;
              notes: string;
              /** @enum {string} */
              partsStatus: 'pending' | 'reserved' | 'awaiting_parts' | 'released' | 'consumed';
              quote: {
                currency: string;
                laborCents: number;
                lines: {
                  laborCents: number;
                  name: string;
                  partsCents: number;
                  /** Format: uuid */
                  serviceId: string;
                  totalCents: number;
                }[];
                partsCents: number;
                subtotalCents: number;
                taxCents: number;
                totalCents: number;
              };
              serviceIds: string[];
              startsAt: string;
              /** @enum {string} */
              status: 'requested' | 'confirmed' | 'checked_in' | 'in_progress' | 'completed' | 'cancelled' | 'no_show';
              /** Format: uuid */
              technicianId: string;
              updatedAt: string;
              /** Format: uuid */
              vehicleId: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only customers may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.records.mine': {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              bookingId: string;
              /** Format: uuid */
              branchId: string;
              completedAt: string;
              /** Format: uuid */
              customerId: string;
              /** Format: uuid */
              id: string;
              laborCents: number;
              mileage: number | null;
              parts: {
                partSku: string;
                quantity: number;
              }[];
              partsCents: number;
              services: {
                laborCents: number;
                name: string;
                partsCents: number;
                /** Format: uuid */
                serviceId: string;
              }[];
              taxCents: number;
              /** Format: uuid */
              technicianId: string;
              totalCents: number;
              /** Format: uuid */
              vehicleId: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only customers may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.vehicles.mine': {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              createdAt: string;
              /** Format: uuid */
              customerId: string;
              /** Format: uuid */
              id: string;
              make: string;
              mileage: number | null;
              model: string;
              plate: string;
              /** @enum {string} */
              status: 'active' | 'claim_pending' | 'claim_rejected';
              vin: string;
              year: number;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only customers may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.vehicles.add-mine': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          make: string;
          mileage?: number | null;
          model: string;
          plate: string;
          vin: string;
          year: number;
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            createdAt: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            id: string;
            make: string;
            mileage: number | null;
            model: string;
            plate: string;
            vin: string;
            year: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only customers may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'gateway.customers.list': {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              bookings: number;
              createdAt: string;
              email: string;
              firstName: string;
              /** Format: uuid */
              id: string;
              lastName: string;
              phone: string | null;
              /** @enum {string} */
              status: 'active' | 'suspended' | 'pending';
              vehicles: number;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'gateway.customers.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            bookings: number;
            createdAt: string;
            email: string;
            firstName: string;
            /** Format: uuid */
            id: string;
            lastName: string;
            phone: string | null;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'pending';
            vehicles: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.customers.set-status': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          status: 'active' | 'suspended' | 'pending';
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            createdAt: string;
            email: string;
            firstName: string;
            /** Format: uuid */
            id: string;
            lastName: string;
            phone: string | null;
            /** @enum {string} */
            status: 'active' | 'suspended' | 'pending';
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'gateway.dashboard': {
    parameters: {
      query?: {
        branchId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            activeTechnicians: number;
            bookingsByStatus: {
              cancelled: number;
              checked_in: number;
              completed: number;
              confirmed: number;
              in_progress: number;
              no_show: number;
              requested: number;
            };
            bookingsToday: number;
            customers: number | null;
            lowStockParts: number | null;
            revenueCentsThisMonth: number;
            unavailable: ('auth' | 'inventory')[];
            vehicles: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'gateway.api-health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Healthy */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            database: 'connected' | 'disconnected';
            /** @enum {string} */
            environment: 'production' | 'development';
            /** @enum {string} */
            nats: 'connected' | 'disconnected';
            /** @enum {string} */
            redis: 'connected' | 'disconnected';
            services: {
              [key: string]: 'up' | 'down';
            };
            sessions_cleaned: number;
            /** @enum {string} */
            status: 'healthy' | 'degraded';
            timestamp: string;
            version: string;
          };
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Degraded: the health body says what is down. Or, for a request that carries a session while the session store is down, an `Error`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                /** @enum {string} */
                database: 'connected' | 'disconnected';
                /** @enum {string} */
                environment: 'production' | 'development';
                /** @enum {string} */
                nats: 'connected' | 'disconnected';
                /** @enum {string} */
                redis: 'connected' | 'disconnected';
                services: {
                  [key: string]: 'up' | 'down';
                };
                sessions_cleaned: number;
                /** @enum {string} */
                status: 'healthy' | 'degraded';
                timestamp: string;
                version: string;
              }
            | components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          password: string;
          username: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            expiresAt: string;
            token: string;
            user: {
              branchIds: string[];
              createdAt: string;
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              role: 'admin' | 'staff';
              /** @enum {string} */
              status: 'active' | 'suspended' | 'pending';
              username: string;
            };
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Wrong credentials (the same answer whether the account exists or not). */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Signed in by cookie from an Origin that is not allowed (CSRF). The account is suspended or awaiting activation. */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. Too many failed sign-ins from this address or for this account. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                /** @constant */
                kind: 'user';
                user: {
                  branchIds: string[];
                  createdAt: string;
                  /** Format: uuid */
                  id: string;
                  /** @enum {string} */
                  role: 'admin' | 'staff';
                  /** @enum {string} */
                  status: 'active' | 'suspended' | 'pending';
                  username: string;
                };
              }
            | {
                customer: {
                  createdAt: string;
                  email: string;
                  firstName: string;
                  /** Format: uuid */
                  id: string;
                  lastName: string;
                  phone: string | null;
                  /** @enum {string} */
                  status: 'active' | 'suspended' | 'pending';
                };
                /** @constant */
                kind: 'customer';
              };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.change-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          currentPassword: string;
          newPassword: string;
        };
      };
    };
    responses: {
      /** @description Done */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'inventory.parts.list': {
    parameters: {
      query?: {
        branchId?: string;
        cursor?: string;
        limit?: number;
        lowStock?: 'true' | 'false';
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              available: number;
              /** Format: uuid */
              branchId: string;
              /** Format: uuid */
              id: string;
              lowStock: boolean;
              name: string;
              onHand: number;
              reorderLevel: number;
              reserved: number;
              sku: string;
              unitPriceCents: number;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'inventory.parts.create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** @default 0 */
          reorderLevel?: number;
          sku: string;
          unitPriceCents: number;
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            name: string;
            reorderLevel: number;
            sku: string;
            unitPriceCents: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'inventory.parts.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            name: string;
            reorderLevel: number;
            sku: string;
            unitPriceCents: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'inventory.parts.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          reorderLevel?: number;
          unitPriceCents?: number;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** Format: uuid */
            id: string;
            name: string;
            reorderLevel: number;
            sku: string;
            unitPriceCents: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'inventory.stock.adjust': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          branchId: string;
          delta: number;
          /**
           * @default adjust
           * @enum {string}
           */
          kind?: 'receive' | 'adjust';
          reason: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            available: number;
            /** Format: uuid */
            branchId: string;
            /** Format: uuid */
            id: string;
            lowStock: boolean;
            name: string;
            onHand: number;
            reorderLevel: number;
            reserved: number;
            sku: string;
            unitPriceCents: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. A branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'inventory.stock.movements': {
    parameters: {
      query?: {
        branchId?: string;
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              actor: {
                id: string;
                /** @enum {string} */
                kind: 'user' | 'customer' | 'system';
              };
              at: string;
              bookingId: string | null;
              /** Format: uuid */
              branchId: string;
              delta: number;
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              kind: 'receive' | 'adjust' | 'transfer-in' | 'transfer-out' | 'reserve' | 'release' | 'consume';
              /** Format: uuid */
              partId: string;
              reason: string;
              reservedDelta: number;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. A branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'inventory.stock.by-part': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              available: number;
              /** Format: uuid */
              branchId: string;
              /** Format: uuid */
              id: string;
              lowStock: boolean;
              name: string;
              onHand: number;
              reorderLevel: number;
              reserved: number;
              sku: string;
              unitPriceCents: number;
            }[];
            part: {
              /** Format: uuid */
              id: string;
              name: string;
              reorderLevel: number;
              sku: string;
              unitPriceCents: number;
            };
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'inventory.stock.transfer': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          fromBranchId: string;
          quantity: number;
          reason: string;
          /** Format: uuid */
          toBranchId: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            from: {
              available: number;
              /** Format: uuid */
              branchId: string;
              /** Format: uuid */
              id: string;
              lowStock: boolean;
              name: string;
              onHand: number;
              reorderLevel: number;
              reserved: number;
              sku: string;
              unitPriceCents: number;
            };
            to: {
              available: number;
              /** Format: uuid */
              branchId: string;
              /** Format: uuid */
              id: string;
              lowStock: boolean;
              name: string;
              onHand: number;
              reorderLevel: number;
              reserved: number;
              sku: string;
              unitPriceCents: number;
            };
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. A fromBranchId, toBranchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.password-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @constant */
            maxLength: 128;
            /** @constant */
            minLength: 8;
            requireComposition: boolean;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'catalog.services.list': {
    parameters: {
      query?: {
        branchId?: string;
        category?: string;
        cursor?: string;
        includeInactive?: 'true' | 'false';
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              active: boolean;
              category: string;
              code: string;
              description: string;
              durationMinutes: number;
              /** Format: uuid */
              id: string;
              laborHours: number;
              name: string;
              parts: {
                partSku: string;
                quantity: number;
              }[];
              priceCents: number;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'catalog.services.create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default true */
          active?: boolean;
          category: string;
          code: string;
          /** @default  */
          description?: string;
          durationMinutes: number;
          laborHours: number;
          name: string;
          /** @default [] */
          parts?: {
            partSku: string;
            quantity: number;
          }[];
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            category: string;
            code: string;
            description: string;
            durationMinutes: number;
            /** Format: uuid */
            id: string;
            laborHours: number;
            name: string;
            parts: {
              partSku: string;
              quantity: number;
            }[];
            priceCents: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'catalog.services.get': {
    parameters: {
      query?: {
        branchId?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            category: string;
            code: string;
            description: string;
            durationMinutes: number;
            /** Format: uuid */
            id: string;
            laborHours: number;
            name: string;
            parts: {
              partSku: string;
              quantity: number;
            }[];
            priceCents: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. A branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'catalog.services.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          active?: boolean;
          category?: string;
          code?: string;
          description?: string;
          durationMinutes?: number;
          laborHours?: number;
          name?: string;
          parts?: {
            partSku: string;
            quantity: number;
          }[];
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            category: string;
            code: string;
            description: string;
            durationMinutes: number;
            /** Format: uuid */
            id: string;
            laborHours: number;
            name: string;
            parts: {
              partSku: string;
              quantity: number;
            }[];
            priceCents: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.records.list': {
    parameters: {
      query?: {
        branchId?: string;
        cursor?: string;
        limit?: number;
        vehicleId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              /** Format: uuid */
              bookingId: string;
              /** Format: uuid */
              branchId: string;
              completedAt: string;
              /** Format: uuid */
              customerId: string;
              /** Format: uuid */
              id: string;
              laborCents: number;
              mileage: number | null;
              parts: {
                partSku: string;
                quantity: number;
              }[];
              partsCents: number;
              services: {
                laborCents: number;
                name: string;
                partsCents: number;
                /** Format: uuid */
                serviceId: string;
              }[];
              taxCents: number;
              /** Format: uuid */
              technicianId: string;
              totalCents: number;
              /** Format: uuid */
              vehicleId: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A vehicleId, branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.technicians.list': {
    parameters: {
      query?: {
        branchId?: string;
        cursor?: string;
        includeInactive?: 'true' | 'false';
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              active: boolean;
              /** Format: uuid */
              branchId: string;
              /** Format: uuid */
              id: string;
              name: string;
              skills: string[];
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.technicians.create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default true */
          active?: boolean;
          /** Format: uuid */
          branchId: string;
          name: string;
          /** @default [] */
          skills?: string[];
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            /** Format: uuid */
            branchId: string;
            /** Format: uuid */
            id: string;
            name: string;
            skills: string[];
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.technicians.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          active?: boolean;
          /** Format: uuid */
          branchId?: string;
          name?: string;
          skills?: string[];
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            /** Format: uuid */
            branchId: string;
            /** Format: uuid */
            id: string;
            name: string;
            skills: string[];
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. A branchId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.users.list': {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              branchIds: string[];
              createdAt: string;
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              role: 'admin' | 'staff';
              /** @enum {string} */
              status: 'active' | 'suspended' | 'pending';
              username: string;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.users.create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default [] */
          branchIds?: string[];
          password: string;
          /** @enum {string} */
          role: 'admin' | 'staff';
          username: string;
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            branchIds: string[];
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: 'admin' | 'staff';
            /** @enum {string} */
            status: 'active' | 'suspended' | 'pending';
            username: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A branchIds that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'auth.users.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          branchIds?: string[];
          /** @enum {string} */
          role?: 'admin' | 'staff';
          /** @enum {string} */
          status?: 'active' | 'suspended' | 'pending';
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            branchIds: string[];
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: 'admin' | 'staff';
            /** @enum {string} */
            status: 'active' | 'suspended' | 'pending';
            username: string;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. A branchIds that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.vehicle-claims.list': {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              claim: {
                createdAt: string;
                /** Format: uuid */
                customerId: string;
                /** Format: uuid */
                id: string;
                make: string;
                mileage: number | null;
                model: string;
                plate: string;
                /** @enum {string} */
                status: 'active' | 'claim_pending' | 'claim_rejected';
                vin: string;
                year: number;
              };
              registered: {
                createdAt: string;
                /** Format: uuid */
                customerId: string;
                /** Format: uuid */
                id: string;
                make: string;
                mileage: number | null;
                model: string;
                plate: string;
                /** @enum {string} */
                status: 'active' | 'claim_pending' | 'claim_rejected';
                vin: string;
                year: number;
              } | null;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.vehicle-claims.approve': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            createdAt: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            id: string;
            make: string;
            mileage: number | null;
            model: string;
            plate: string;
            /** @enum {string} */
            status: 'active' | 'claim_pending' | 'claim_rejected';
            vin: string;
            year: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.vehicle-claims.reject': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            createdAt: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            id: string;
            make: string;
            mileage: number | null;
            model: string;
            plate: string;
            /** @enum {string} */
            status: 'active' | 'claim_pending' | 'claim_rejected';
            vin: string;
            year: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.vehicles.list': {
    parameters: {
      query?: {
        cursor?: string;
        customerId?: string;
        ids?: string;
        limit?: number;
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              createdAt: string;
              /** Format: uuid */
              customerId: string;
              /** Format: uuid */
              id: string;
              make: string;
              mileage: number | null;
              model: string;
              plate: string;
              /** @enum {string} */
              status: 'active' | 'claim_pending' | 'claim_rejected';
              vin: string;
              year: number;
            }[];
            nextCursor: string | null;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A customerId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.vehicles.create': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          customerId: string;
          make: string;
          mileage?: number | null;
          model: string;
          plate: string;
          vin: string;
          year: number;
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            createdAt: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            id: string;
            make: string;
            mileage: number | null;
            model: string;
            plate: string;
            /** @enum {string} */
            status: 'active' | 'claim_pending' | 'claim_rejected';
            vin: string;
            year: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Only admins, staff may. Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A customerId that names nothing the caller may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.vehicles.get': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            createdAt: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            id: string;
            make: string;
            mileage: number | null;
            model: string;
            plate: string;
            /** @enum {string} */
            status: 'active' | 'claim_pending' | 'claim_rejected';
            vin: string;
            year: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not this account's to see or change (e.g. staff outside their branches). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'bookings.vehicles.update': {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          make?: string;
          mileage?: number;
          model?: string;
          plate?: string;
          year?: number;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            createdAt: string;
            /** Format: uuid */
            customerId: string;
            /** Format: uuid */
            id: string;
            make: string;
            mileage: number | null;
            model: string;
            plate: string;
            /** @enum {string} */
            status: 'active' | 'claim_pending' | 'claim_rejected';
            vin: string;
            year: number;
          };
        };
      };
      /** @description Invalid input: `details` names each field and what is wrong with it. A body that is not well-formed JSON. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not signed in: the session is missing, expired or revoked. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Not this account's to see or change (e.g. staff outside their branches). Signed in by cookie from an Origin that is not allowed (CSRF). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Nothing the caller may see has this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Conflicts with the current state: a duplicate, a slot taken meanwhile, a stale status or stock. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The body is not JSON. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Too many requests: try again after `Retry-After` seconds. */
      429: {
        headers: {
          /** @description Seconds until a request may succeed. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description A service behind the gateway, or the session store, is unavailable: try again later. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have (logged with the request id). */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  'gateway.health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Healthy */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            database: 'connected' | 'disconnected';
            /** @enum {string} */
            environment: 'production' | 'development';
            /** @enum {string} */
            nats: 'connected' | 'disconnected';
            /** @enum {string} */
            redis: 'connected' | 'disconnected';
            services: {
              [key: string]: 'up' | 'down';
            };
            sessions_cleaned: number;
            /** @enum {string} */
            status: 'healthy' | 'degraded';
            timestamp: string;
            version: string;
          };
        };
      };
      /** @description The URL and headers together are over 16 KiB. */
      431: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description Degraded: the health body says what is down. Or, for a request that carries a session while the session store is down, an `Error`. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                /** @enum {string} */
                database: 'connected' | 'disconnected';
                /** @enum {string} */
                environment: 'production' | 'development';
                /** @enum {string} */
                nats: 'connected' | 'disconnected';
                /** @enum {string} */
                redis: 'connected' | 'disconnected';
                services: {
                  [key: string]: 'up' | 'down';
                };
                sessions_cleaned: number;
                /** @enum {string} */
                status: 'healthy' | 'degraded';
                timestamp: string;
                version: string;
              }
            | components['schemas']['Error'];
        };
      };
      /** @description Unexpected: something failed that should not have. */
      default: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
}
