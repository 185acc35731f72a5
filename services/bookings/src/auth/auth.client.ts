import { Injectable } from '@nestjs/common';
import { DomainError, auth, type Customer, type Principal, RpcClient } from '@garage/shared';

/**
 * The auth service (owner of customer accounts) over NATS, with the caller's principal forwarded
 * (auth itself lets only staff and admins look a customer up). A service that does not answer is a
 * 503 from the RPC client; nothing is cached, so a suspension counts at once.
 */
@Injectable()
export class AuthClient {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * The customer a vehicle may be registered for: one auth knows and has not suspended (a pending
   * account is still being set up at the desk). NOT_FOUND names customerId, so the desk sees which
   * field was wrong; CONFLICT for a suspended account.
   */
  async customerForVehicle(principal: Principal, customerId: string): Promise<Customer> {
    let customer: Customer;
    try {
      customer = await this.rpc.request(auth.getCustomer, { principal, payload: { id: customerId } });
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND') {
        throw new DomainError('NOT_FOUND', `No customer with customerId ${customerId}`, [
          { field: 'customerId', message: 'no such customer' },
        ]);
      }
      throw err;
    }
    if (customer.status === 'suspended') {
      throw new DomainError('CONFLICT', 'This customer account is suspended; vehicles cannot be added to it', [
        { field: 'customerId', message: 'customer account suspended' },
      ]);
    }
    return customer;
  }
}
