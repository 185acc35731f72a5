import { Module, type DynamicModule } from '@nestjs/common';
import { SessionStore, type ServiceInfrastructure } from '@garage/shared';
import type { AuthConfig } from './config.js';
import { AUTH_CONFIG } from './tokens.js';
import { AuthController } from './auth.controller.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { LoginLimiter } from './login-limits/login-limiter.js';
import { LoginService } from './login-limits/login.service.js';
import { AccountService } from './sessions/account.service.js';
import { UsersRepository } from './users/users.repository.js';
import { UsersService } from './users/users.service.js';
import { CustomersRepository } from './customers/customers.repository.js';
import { CustomersService } from './customers/customers.service.js';

export type AuthInfrastructure = ServiceInfrastructure<AuthConfig>;

/** Wiring of the auth service around infrastructure that main.ts (or a test) has already connected. */
@Module({})
export class AuthModule {
  static forRoot(infra: AuthInfrastructure): DynamicModule {
    const { config } = infra;
    return {
      module: AuthModule,
      controllers: [AuthController],
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        {
          provide: PasswordHasher,
          useValue: new PasswordHasher(config.PASSWORD_HASH, config.PASSWORD_HASH_CONCURRENCY),
        },
        {
          provide: SessionStore,
          useValue: new SessionStore(infra.redis, config.SECRET_KEY, config.SESSION_TTL_SECONDS),
        },
        {
          provide: LoginLimiter,
          useValue: new LoginLimiter(infra.redis, {
            maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
            ipWindowSeconds: config.LOGIN_IP_WINDOW_SECONDS,
            maxConcurrentPerIp: config.LOGIN_MAX_CONCURRENT_PER_IP,
            accountFreeFailures: config.LOGIN_ACCOUNT_FREE_FAILURES,
            accountWindowSeconds: config.LOGIN_ACCOUNT_WINDOW_SECONDS,
            accountMaxDelaySeconds: config.LOGIN_ACCOUNT_MAX_DELAY_SECONDS,
          }),
        },
        { provide: UsersRepository, useValue: new UsersRepository(infra.db) },
        { provide: CustomersRepository, useValue: new CustomersRepository(infra.db) },
        LoginService,
        AccountService,
        UsersService,
        CustomersService,
      ],
      exports: [PasswordHasher, UsersRepository, CustomersRepository],
    };
  }
}
