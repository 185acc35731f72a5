import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auth, parseOrThrow, signedIn, withRole, type RpcEnvelope } from '@garage/shared';
import { LoginService } from './login-limits/login.service.js';
import { AccountService } from './sessions/account.service.js';
import { UsersService } from './users/users.service.js';
import { CustomersService } from './customers/customers.service.js';

const ipOf = (env: RpcEnvelope) => env.clientIp ?? 'unknown';

/** NATS message handlers of the auth service: parse, check the caller, call the rule. One line each. */
@Controller()
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly account: AccountService,
    private readonly users: UsersService,
    private readonly customers: CustomersService,
  ) {}

  @MessagePattern(auth.login.pattern)
  login(@Payload() env: RpcEnvelope) {
    const { username, password } = parseOrThrow(auth.login.request, env.payload);
    return this.logins.loginStaff(username, password, ipOf(env), env.deadline);
  }

  @MessagePattern(auth.customerLogin.pattern)
  customerLogin(@Payload() env: RpcEnvelope) {
    const { email, password } = parseOrThrow(auth.customerLogin.request, env.payload);
    return this.logins.loginCustomer(email, password, ipOf(env), env.deadline);
  }

  @MessagePattern(auth.customerRegister.pattern)
  register(@Payload() env: RpcEnvelope) {
    return this.customers.register(parseOrThrow(auth.customerRegister.request, env.payload), env.deadline);
  }

  @MessagePattern(auth.logout.pattern)
  logout(@Payload() env: RpcEnvelope) {
    return this.account.logout(signedIn(env));
  }

  @MessagePattern(auth.me.pattern)
  me(@Payload() env: RpcEnvelope) {
    return this.account.me(signedIn(env));
  }

  @MessagePattern(auth.changePassword.pattern)
  changePassword(@Payload() env: RpcEnvelope) {
    const principal = signedIn(env);
    const { currentPassword, newPassword } = parseOrThrow(auth.changePassword.request, env.payload);
    return this.account.changePassword(principal, currentPassword, newPassword, env.deadline);
  }

  @MessagePattern(auth.passwordPolicy.pattern)
  passwordPolicy(@Payload() env: RpcEnvelope) {
    parseOrThrow(auth.passwordPolicy.request, env.payload);
    return this.account.passwordPolicy();
  }

  @MessagePattern(auth.listUsers.pattern)
  listUsers(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin');
    const { limit, cursor, q } = parseOrThrow(auth.listUsers.request, env.payload);
    return this.users.list(limit, cursor, q);
  }

  @MessagePattern(auth.createUser.pattern)
  createUser(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin');
    return this.users.create(parseOrThrow(auth.createUser.request, env.payload), env.deadline);
  }

  @MessagePattern(auth.updateUser.pattern)
  updateUser(@Payload() env: RpcEnvelope) {
    const principal = withRole(env, 'admin');
    return this.users.update(principal, parseOrThrow(auth.updateUser.request, env.payload));
  }

  @MessagePattern(auth.setCustomerStatus.pattern)
  setCustomerStatus(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin', 'staff');
    const { id, status } = parseOrThrow(auth.setCustomerStatus.request, env.payload);
    return this.customers.setStatus(id, status);
  }

  @MessagePattern(auth.searchCustomers.pattern)
  searchCustomers(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin', 'staff');
    const { limit, cursor, q } = parseOrThrow(auth.searchCustomers.request, env.payload);
    return this.customers.search(limit, cursor, q);
  }

  @MessagePattern(auth.getCustomer.pattern)
  getCustomer(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin', 'staff');
    return this.customers.get(parseOrThrow(auth.getCustomer.request, env.payload).id);
  }

  @MessagePattern(auth.countCustomers.pattern)
  countCustomers(@Payload() env: RpcEnvelope) {
    withRole(env, 'admin', 'staff');
    parseOrThrow(auth.countCustomers.request, env.payload);
    return this.customers.count();
  }
}
