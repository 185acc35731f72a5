import { Injectable } from '@nestjs/common';
import { auth, bookings, gateway, type Customer, type CustomerSummary } from '@garage/shared';
import type { z } from 'zod';
import { RpcForwarder } from '../http/rpc-forwarder.js';
import type { GatewayRequest } from '../http/gateway-request.js';

type CustomerPage = { items: CustomerSummary[]; nextCursor: string | null };
type Counts = z.output<typeof bookings.customerCounts.response>['items'];

/**
 * Customers as staff see them: the accounts from auth, with how many vehicles and bookings each
 * has from bookings. One request to each service per page, never one per customer. If bookings
 * cannot answer, the page fails (503): zeros would look like real counts and mislead the desk.
 */
@Injectable()
export class CustomerDirectoryService {
  constructor(private readonly rpc: RpcForwarder) {}

  async list(req: GatewayRequest): Promise<CustomerPage> {
    const query = this.rpc.payloadOf(gateway.listCustomers, req);
    const page = await this.rpc.ask(auth.searchCustomers, req, query);
    if (!page.items.length) return { items: [], nextCursor: page.nextCursor };
    const counts = await this.countsOf(
      req,
      page.items.map((c) => c.id),
    );
    return { items: page.items.map((c) => withCounts(c, counts)), nextCursor: page.nextCursor };
  }

  async get(req: GatewayRequest): Promise<CustomerSummary> {
    const { id } = this.rpc.payloadOf(gateway.getCustomerSummary, req);
    // Independent: both asked at once; an unknown id is auth's 404 whatever bookings says.
    const [customer, counts] = await Promise.all([
      this.rpc.ask(auth.getCustomer, req, { id }),
      this.countsOf(req, [id]),
    ]);
    return withCounts(customer, counts);
  }

  private async countsOf(req: GatewayRequest, customerIds: string[]): Promise<Counts> {
    return (await this.rpc.ask(bookings.customerCounts, req, { customerIds })).items;
  }
}

function withCounts(customer: Customer, counts: Counts): CustomerSummary {
  const mine = counts.find((c) => c.customerId === customer.id);
  return { ...customer, vehicles: mine?.vehicles ?? 0, bookings: mine?.bookings ?? 0 };
}
