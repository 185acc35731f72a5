import { Controller, Inject, Req, Res } from '@nestjs/common';
import { auth } from '@garage/shared';
import { Route } from '../http/route.decorator.js';
import { RpcForwarder, parseReply } from '../http/rpc-forwarder.js';
import type { GatewayReply, GatewayRequest } from '../http/gateway-request.js';
import { clearSessionCookie, setSessionCookie } from '../sessions/session-cookie.js';
import { DeviceCookies } from '../sessions/device-cookie.js';
import { GATEWAY_CONFIG } from '../tokens.js';
import type { GatewayConfig } from '../config.js';

/** Sign-in, registration and the signed-in account (API.md "Auth"). */
@Controller()
export class AuthController {
  constructor(
    private readonly rpc: RpcForwarder,
    private readonly devices: DeviceCookies,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Route(auth.login)
  login(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.signIn(auth.login, req, reply);
  }

  @Route(auth.customerLogin)
  customerLogin(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.signIn(auth.customerLogin, req, reply);
  }

  @Route(auth.customerRegister)
  register(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(auth.customerRegister, req, reply);
  }

  @Route(auth.logout)
  async logout(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    await this.rpc.call(auth.logout, req);
    clearSessionCookie(reply, this.config.PRODUCTION);
    reply.code(204).send();
  }

  @Route(auth.me)
  me(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(auth.me, req, reply);
  }

  @Route(auth.changePassword)
  changePassword(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(auth.changePassword, req, reply);
  }

  @Route(auth.passwordPolicy)
  passwordPolicy(@Req() req: GatewayRequest, @Res() reply: GatewayReply) {
    return this.rpc.forward(auth.passwordPolicy, req, reply);
  }

  private async signIn(
    contract: typeof auth.login | typeof auth.customerLogin,
    req: GatewayRequest,
    reply: GatewayReply,
  ) {
    const bytes = await this.rpc.call(contract, req, undefined, this.devices.read(req));
    const session = parseReply<{ token: string; expiresAt: string; user?: { id: string }; customer?: { id: string } }>(
      bytes,
    );
    setSessionCookie(reply, session.token, session.expiresAt, this.config.PRODUCTION);
    if (session.user) this.devices.issue(reply, 'user', session.user.id);
    else if (session.customer) this.devices.issue(reply, 'customer', session.customer.id);
    reply.code(200).header('content-type', 'application/json; charset=utf-8').send(Buffer.from(bytes));
  }
}
