import { Module, type DynamicModule } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Metrics, SERVICE_CONFIG, SessionStore, signingKeys } from '@garage/shared';
import type { AuthConfig } from './config.js';
import { AuthController } from './auth.controller.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { LoginLimiter } from './login-limits/login-limiter.js';
import { AttemptWindow, HashingLimits } from './passwords/hashing-limits.js';
import { LoginService } from './login-limits/login.service.js';
import { AccountService } from './sessions/account.service.js';
import { UsersRepository } from './users/users.repository.js';
import { UsersService } from './users/users.service.js';
import { CustomersRepository } from './customers/customers.repository.js';
import { CustomersService } from './customers/customers.service.js';
import { AuditRepository } from './audit/audit.repository.js';
import { AuditService } from './audit/audit.service.js';

/** Wiring of the auth service: its classes, which take what startService connected by injection. */
@Module({})
export class AuthModule {
  static forRoot(): DynamicModule {
    return {
      module: AuthModule,
      controllers: [AuthController],
      providers: [
        // Built from the config's values (shared classes, the gateway builds its own SessionStore).
        {
          provide: PasswordHasher,
          inject: [SERVICE_CONFIG, Metrics],
          useFactory: (config: AuthConfig, metrics: Metrics) =>
            new PasswordHasher(config.PASSWORD_HASH, config.PASSWORD_HASH_CONCURRENCY).reportTo(metrics),
        },
        {
          provide: SessionStore,
          inject: [Redis, SERVICE_CONFIG],
          useFactory: (redis: Redis, config: AuthConfig) =>
            new SessionStore(redis, signingKeys(config), config.SESSION_TTL_SECONDS),
        },
        {
          provide: LoginLimiter,
          inject: [Redis, SERVICE_CONFIG],
          useFactory: (redis: Redis, config: AuthConfig) =>
            new LoginLimiter(redis, {
              maxFailuresPerIp: config.LOGIN_MAX_FAILURES_PER_IP,
              ipWindowSeconds: config.LOGIN_IP_WINDOW_SECONDS,
              maxConcurrentPerIp: config.LOGIN_MAX_CONCURRENT_PER_IP,
              accountFreeFailures: config.LOGIN_ACCOUNT_FREE_FAILURES,
              accountWindowSeconds: config.LOGIN_ACCOUNT_WINDOW_SECONDS,
              accountMaxDelaySeconds: config.LOGIN_ACCOUNT_MAX_DELAY_SECONDS,
              deviceMaxFailures: config.LOGIN_DEVICE_MAX_FAILURES,
            }),
        },
        {
          provide: HashingLimits,
          inject: [Redis, SERVICE_CONFIG],
          useFactory: (redis: Redis, config: AuthConfig) =>
            new HashingLimits(
              new AttemptWindow(
                redis,
                'register:ip',
                config.REGISTER_MAX_PER_IP,
                config.REGISTER_IP_WINDOW_SECONDS,
                'Too many registrations from this address',
              ),
              new AttemptWindow(
                redis,
                'password-change:account',
                config.PASSWORD_CHANGE_MAX_PER_ACCOUNT,
                config.PASSWORD_CHANGE_WINDOW_SECONDS,
                'Too many password changes for this account',
              ),
            ),
        },
        UsersRepository,
        CustomersRepository,
        AuditRepository,
        AuditService,
        LoginService,
        AccountService,
        UsersService,
        CustomersService,
      ],
      exports: [PasswordHasher, UsersRepository, CustomersRepository],
    };
  }
}
