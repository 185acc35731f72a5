import { Injectable } from '@nestjs/common';
import { Redis } from 'ioredis';
import { DomainError, RedisThrottlerStorage } from '@garage/shared';
import { BookingSettings } from '../scheduling/booking-settings.js';

/**
 * The rate of a customer's booking attempts, in Redis so every replica counts together: the
 * gateway's throttle counter (RedisThrottlerStorage: one atomic INCR + PEXPIRE) under its own
 * prefix. Every attempt counts, refused ones too; once over the limit the customer waits out a
 * whole window. Without Redis nobody is let through unmetered (503).
 */
@Injectable()
export class BookingAttempts {
  private readonly counter: RedisThrottlerStorage;

  constructor(
    redis: Redis,
    private readonly settings: BookingSettings,
  ) {
    this.counter = new RedisThrottlerStorage(redis, 'booking-attempts:');
  }

  /** Counts an attempt of the customer; RATE_LIMITED with the seconds to wait when they are over the limit. */
  async count(customerId: string): Promise<void> {
    const { perWindow, windowSeconds } = this.settings.bookingAttempts;
    const windowMs = windowSeconds * 1000;
    const seen = await this.counter.increment(customerId, windowMs, perWindow, windowMs, 'customer');
    if (seen.isBlocked) {
      const wait = Math.max(1, seen.timeToBlockExpire);
      throw new DomainError(
        'RATE_LIMITED',
        `Too many booking attempts from this account; try again in ${wait} s or ask the branch`,
        undefined,
        wait,
      );
    }
  }
}
