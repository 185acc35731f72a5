import { Controller } from '@nestjs/common';
import { Handles, audit, auth, type Call } from '@garage/shared';
import { LoginService } from './login-limits/login.service.js';
import { AccountService } from './sessions/account.service.js';
import { UsersService } from './users/users.service.js';
import { CustomersService } from './customers/customers.service.js';
import { AuditService } from './audit/audit.service.js';

const ipOf = (call: { clientIp?: string }) => call.clientIp ?? 'unknown';

/** NATS message handlers of the auth service: who may call each is its contract's `access`. One line each. */
@Controller()
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly account: AccountService,
    private readonly users: UsersService,
    private readonly customers: CustomersService,
    private readonly auditLog: AuditService,
  ) {}

  @Handles(audit.listAudit)
  listAudit({ payload }: Call<typeof audit.listAudit>) {
    return this.auditLog.list(payload);
  }

  @Handles(auth.login)
  login(call: Call<typeof auth.login>) {
    const { username, password } = call.payload;
    return this.logins.loginStaff(username, password, ipOf(call), call.deadline, call.device);
  }

  @Handles(auth.customerLogin)
  customerLogin(call: Call<typeof auth.customerLogin>) {
    const { email, password } = call.payload;
    return this.logins.loginCustomer(email, password, ipOf(call), call.deadline, call.device);
  }

  @Handles(auth.customerRegister)
  register(call: Call<typeof auth.customerRegister>) {
    return this.customers.register(call.payload, ipOf(call), call.deadline);
  }

  @Handles(auth.logout)
  logout({ principal }: Call<typeof auth.logout>) {
    return this.account.logout(principal);
  }

  @Handles(auth.me)
  me({ principal }: Call<typeof auth.me>) {
    return this.account.me(principal);
  }

  @Handles(auth.changePassword)
  changePassword({ principal, payload, deadline }: Call<typeof auth.changePassword>) {
    return this.account.changePassword(principal, payload.currentPassword, payload.newPassword, deadline);
  }

  @Handles(auth.passwordPolicy)
  passwordPolicy() {
    return this.account.passwordPolicy();
  }

  @Handles(auth.listUsers)
  listUsers({ payload: { limit, cursor, q } }: Call<typeof auth.listUsers>) {
    return this.users.list(limit, cursor, q);
  }

  @Handles(auth.createUser)
  createUser({ payload, deadline }: Call<typeof auth.createUser>) {
    return this.users.create(payload, deadline);
  }

  @Handles(auth.updateUser)
  updateUser({ principal, payload }: Call<typeof auth.updateUser>) {
    return this.users.update(principal, payload);
  }

  @Handles(auth.setCustomerStatus)
  setCustomerStatus({ payload: { id, status } }: Call<typeof auth.setCustomerStatus>) {
    return this.customers.setStatus(id, status);
  }

  @Handles(auth.searchCustomers)
  searchCustomers({ payload: { limit, cursor, q } }: Call<typeof auth.searchCustomers>) {
    return this.customers.search(limit, cursor, q);
  }

  @Handles(auth.getCustomer)
  getCustomer({ payload }: Call<typeof auth.getCustomer>) {
    return this.customers.get(payload.id);
  }

  @Handles(auth.countCustomers)
  countCustomers() {
    return this.customers.count();
  }
}
