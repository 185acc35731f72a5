import { Controller, Inject, type Type } from '@nestjs/common';
import { deadLetterContracts } from '../contracts/dead-letters.contracts.js';
import type { ServiceName } from '../contracts/health.contracts.js';
import type { DeadLetterDesk } from '../events/dead-letter-desk.js';
import { Handles, type Call } from './handles.js';

export const DEAD_LETTER_DESK = Symbol('DEAD_LETTER_DESK');

/** A controller answering `<service>.dead-letters.list` and `.replay` for the service's own durables. */
export function deadLettersControllerFor(service: ServiceName): Type {
  const contracts = deadLetterContracts(service);

  @Controller()
  class DeadLettersController {
    constructor(@Inject(DEAD_LETTER_DESK) private readonly desk: DeadLetterDesk) {}

    @Handles(contracts.list)
    list({ payload }: Call<typeof contracts.list>) {
      return this.desk.list(payload);
    }

    @Handles(contracts.replay)
    replay({ principal, payload }: Call<typeof contracts.replay>) {
      return this.desk.replay(payload.id, principal);
    }
  }
  return DeadLettersController;
}
